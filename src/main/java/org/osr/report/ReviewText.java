package org.osr.report;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.osr.extract.Problem;
import org.osr.judge.Verdict;
import org.osr.review.DocumentResult;
import org.osr.rules.Lang;

/** The one-sentence preliminary opinion a reviewer reads first, in Chinese or English. */
public final class ReviewText {
    private ReviewText() {
    }

    /** The opinion; the result's problem messages come masked. */
    public static String opinion(DocumentResult r, Messages messages, Lang lang) {
        Verdict v = r.verdict();
        String head = v.label(lang) + (lang == Lang.ZH ? "：" : ": ");
        return switch (v) {
            case PUBLISHABLE -> head + (lang == Lang.ZH ? "未发现需要处理的内容，仍须按程序审批后公开。"
                    : "nothing found that needs action; publication still needs the approver's sign-off.");
            case UNREVIEWABLE -> head + problems(r, lang);
            default -> head + reasons(r, messages, lang);
        };
    }

    private static String zh(String code) {
        return switch (code) {
            case Problem.ENCRYPTED -> "文件已加密，无法读取内容";
            case Problem.CORRUPT -> "文件损坏或格式错误，无法解析";
            case Problem.EMPTY -> "文件为空（零字节或只有文件头），没有可审查的内容";
            case Problem.CUT_SHORT -> "文件不完整（未到结尾即被截断），缺失部分无法审查";
            case Problem.NO_TEXT_LAYER -> "文件没有文字层（可能是扫描件），须用 --ocr 识别";
            case Problem.OCR_FAILED -> "图片或扫描页无法识别（无法解码、渲染或 Tesseract 出错）";
            case Problem.UNREAD_IMAGE -> "图片未识别，可能含有文字或标志，须用 --ocr 或人工审查";
            case Problem.TIMEOUT -> "读取和检查超时";
            case Problem.WORKER_DIED -> "读取该文件的子进程两次异常终止（崩溃、被杀或内存耗尽），文件未审查";
            case Problem.CHANGED -> "文件在读取过程中被修改或替换，须在写入完成后重新审查";
            case Problem.TRUNCATED -> "内容超出读取上限，其余部分未审查";
            case Problem.UNSUPPORTED_FORMAT -> "不支持的文件格式";
            case Problem.UNDECODABLE_TEXT -> "部分文字无法解码（字体无 Unicode 映射或为私用区字符），须用 --ocr 识别或人工核对";
            default -> code;
        };
    }

    private static String reasons(DocumentResult r, Messages messages, Lang lang) {
        Set<String> reasons = new LinkedHashSet<>();
        for (DocumentResult.Finding f : r.findings()) {
            if (f.waiver() == null && f.action().equals(verdictAction(r.verdict()))) {
                reasons.add(messages.message(f.pack(), f.ruleId(), lang) + where(f.location(), lang));
            }
        }
        return String.join(lang == Lang.ZH ? "；" : "; ", reasons) + (lang == Lang.ZH ? "。" : ".");
    }

    private static String verdictAction(Verdict v) {
        return v == Verdict.WITHHOLD ? "withhold" : v == Verdict.REFER ? "refer" : "redact";
    }

    public static String where(DocumentResult.Location f, Lang lang) {
        String part = PartNames.name(f.part(), lang);
        if (lang == Lang.ZH) {
            return "（" + part + (f.page() != null ? "第" + f.page() + "页" : "") + "第" + f.line() + "行）";
        }
        return " (" + part + (f.page() != null ? ", page " + f.page() : "") + ", line " + f.line() + ")";
    }

    public static String problems(DocumentResult r, Lang lang) {
        if (lang == Lang.ZH) {
            return r.coverage().problems().stream().map(p -> zh(p.code()))
                    .distinct().collect(Collectors.joining("；")) + "，须人工审查。";
        }
        return r.coverage().problems().stream().map(DocumentResult.ProblemResult::message)
                .collect(Collectors.joining("; ")) + " (review by hand).";
    }
}
