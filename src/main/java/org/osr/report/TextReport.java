package org.osr.report;

import java.io.IOException;
import java.io.Writer;
import org.osr.extract.PartKind;
import org.osr.judge.Verdict;
import org.osr.review.DocumentResult;
import org.osr.review.Masking;
import org.osr.review.Redactor;
import org.osr.rules.Lang;
import org.osr.run.ScanSummary;

/** {@code --format text}: a report a person reads, one block per document, streamed. */
final class TextReport implements ReportWriter {
    private final Writer out;
    private final Lang lang;
    private final Messages messages;
    private final Masking masking;

    TextReport(Reports.Context context) {
        this.out = context.out();
        this.lang = context.lang();
        this.messages = context.messages();
        this.masking = context.masking();
    }

    @Override
    public void document(DocumentResult r) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(r.path()).append("  ").append(r.verdict().id().toUpperCase(java.util.Locale.ROOT))
                .append("  ").append(r.verdict().label(lang)).append('\n');
        if (r.title() != null) {
            sb.append("  ").append(zhOrEn("标题", "title")).append(": ").append(r.title()).append('\n');
        }
        for (DocumentResult.Finding f : r.findings()) {
            sb.append("  [").append(f.action()).append("] ").append(messages.message(f.pack(), f.ruleId(), lang));
            if (f.waiver() != null) {
                sb.append("  [").append(zhOrEn("已豁免，批准人 ", "waived by ")).append(f.waiver().approvedBy())
                        .append(": ").append(f.waiver().reason()).append(']');
            }
            sb.append('\n');
            sb.append("      ").append(location(f.location())).append("  ").append(f.ruleId()).append('\n');
            sb.append("      ").append(f.context()).append('\n');
        }
        sb.append("  ").append(coverage(r.coverage())).append('\n');
        sb.append("  ").append(zhOrEn("初审意见", "opinion")).append(": ")
                .append(ReviewText.opinion(r, messages, lang)).append("\n\n");
        out.write(sb.toString());
        out.flush();
    }

    @Override
    public void finish(ScanSummary s) throws IOException {
        StringBuilder sb = new StringBuilder();
        Redactor plain = masking.plain();
        for (org.osr.source.Inputs.InputError e : s.inputErrors()) {
            sb.append(plain.maskPath(e.path())).append("  ").append(zhOrEn("无法读取", "CANNOT READ")).append("  ")
                    .append(e.code()).append(": ").append(plain.mask(e.message())).append('\n');
        }
        for (org.osr.source.Inputs.Input l : s.linksLeavingTree()) {
            sb.append(plain.maskPath(l.displayPath())).append("  ").append(zhOrEn("链接指向所给目录之外：",
                    "is a link out of the folder given, to ")).append(plain.maskPath(l.linkTarget())).append('\n');
        }
        if (!s.skipped().isEmpty()) {
            java.util.Map<String, Long> reasons = new java.util.TreeMap<>();
            s.skipped().forEach(k -> reasons.merge(k.reason(), 1L, Long::sum));
            sb.append(zhOrEn("跳过：", "skipped: ")).append(reasons.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", ")))
                    .append(zhOrEn("（隐藏文件用 --hidden 审查）", " (review hidden entries with --hidden)"))
                    .append('\n');
        }
        gate(s.gate(), sb);
        sb.append(zhOrEn("共 " + s.documents() + " 个文件：", s.documents() + " document(s): "));
        if (!s.inputErrors().isEmpty()) {
            sb.append(zhOrEn(s.inputErrors().size() + " 个路径无法读取，", s.inputErrors().size()
                    + " input path(s) unreadable, "));
        }
        boolean first = true;
        for (Verdict v : Verdict.values()) {
            int n = s.counts().getOrDefault(v, 0);
            if (n > 0) {
                sb.append(first ? "" : ", ").append(n).append(' ').append(v.id());
                first = false;
            }
        }
        sb.append(zhOrEn("。总体结论：", ". Overall: ")).append(s.verdict().id()).append(zhOrEn("，退出码 ", ", exit code "))
                .append(s.exitCode()).append('\n');
        out.write(sb.toString());
        out.flush();
    }

    private void gate(org.osr.gate.GateSummary g, StringBuilder sb) {
        if (g == null) {
            return;
        }
        for (String w : g.expiredWaivers()) {
            sb.append(zhOrEn("豁免已过期，发现重新计入：", "expired waiver, its finding counts again: ")).append(w)
                    .append('\n');
        }
        for (String w : g.unusedWaivers()) {
            sb.append(zhOrEn("未使用的豁免：", "unused waiver: ")).append(w).append('\n');
        }
        sb.append(zhOrEn("已豁免 " + g.waived() + " 处，基线已有 " + g.baselined() + " 处（不计入结论）",
                g.waived() + " finding(s) waived, " + g.baselined() + " baselined (not counted)")).append('\n');
    }

    private String location(DocumentResult.Location f) {
        StringBuilder sb = new StringBuilder(PartNames.name(f.part(), lang));
        if (f.source() != null && !f.part().equals("body")) {
            sb.append(" (").append(f.source()).append(')');
        }
        if (f.embeddedPath() != null) {
            sb.append(' ').append(f.embeddedPath());
        }
        if (f.page() != null) {
            sb.append(lang == Lang.ZH ? " 第" + f.page() + "页" : " page " + f.page());
        }
        sb.append(lang == Lang.ZH ? " 第" + f.line() + "行" : " line " + f.line());
        return sb.toString();
    }

    private String coverage(DocumentResult.CoverageResult c) {
        StringBuilder sb = new StringBuilder(zhOrEn("读取范围", "coverage")).append(": ");
        sb.append(c.complete() ? zhOrEn("完整", "complete") : zhOrEn("不完整", "INCOMPLETE"));
        StringBuilder parts = new StringBuilder();
        for (PartKind k : PartKind.values()) {
            int n = c.parts().getOrDefault(k.id(), 0);
            if (n > 0) {
                parts.append(parts.length() > 0 ? ", " : "").append(PartNames.name(k.id(), lang)).append(' ').append(n);
            }
        }
        if (parts.length() > 0) {
            sb.append("; ").append(parts);
        }
        if (c.pages() != null) {
            sb.append("; ").append(c.pages()).append(zhOrEn(" 页", " page(s)"));
        }
        if (c.ocr() != null) {
            sb.append("; OCR ").append(c.ocr().pages()).append(zhOrEn(" 页", " page(s)"));
            if (c.ocr().images() > 0) {
                sb.append(", ").append(c.ocr().images()).append(zhOrEn(" 张内嵌图片", " embedded image(s)"));
            }
            if (!c.ocr().disagree().isEmpty()) {
                sb.append(zhOrEn("; 识别文字与文字层不符的页: ", "; pages whose OCR text and text layer disagree: "))
                        .append(c.ocr().disagree().stream().map(String::valueOf)
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
        for (DocumentResult.ProblemResult p : c.problems()) {
            sb.append("; ").append(p.code()).append(": ").append(p.message());
        }
        return sb.toString();
    }

    private String zhOrEn(String zh, String en) {
        return lang == Lang.ZH ? zh : en;
    }
}
