package org.osr.sweep.outputs;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.osr.judge.Verdict;
import org.osr.review.Approval;
import org.osr.rules.Lang;
import org.osr.sweep.ManifestEntry;
import org.osr.sweep.SweepItem;

/**
 * The release ledger (台账): one row per item a sweep saw, in the columns of the ledger template, with the reviewer and
 * approver columns left empty for people to sign. The CSV and the workbook write the same rows.
 */
final class Ledger {
    static final String STATE_SECRET = "state-secret";
    static final String COMMERCIAL_SECRET = "commercial-secret";
    static final String PERSONAL_PRIVACY = "personal-privacy";
    static final String INTERNAL_AFFAIRS = "internal-affairs";
    static final String SENSITIVE_TERM = "sensitive-term";

    private final Lang lang;
    private final String packs;

    Ledger(Lang lang, List<SweepRun.PackRef> packs) {
        this.lang = lang;
        this.packs = packs.stream().map(SweepRun.PackRef::label).collect(Collectors.joining("; "));
    }

    List<String> headers() {
        return lang == Lang.ZH
                ? List.of("序号", "信息名称", "公开方式（审查结论）", "不予公开理由类别", "载体", "审查时间", "规则包版本",
                        "SHA-256", "备注", "审核人", "审批人")
                : List.of("No.", "Name", "Disclosure decision", "Reason category", "Carrier", "Reviewed at",
                        "Rule-pack versions", "SHA-256", "Note", "Reviewer", "Approver");
    }

    /** Column widths in characters, for the workbook. */
    static final int[] WIDTHS = {8, 40, 16, 20, 60, 22, 40, 66, 30, 24, 24};

    List<String> row(long number, ManifestEntry e) {
        return row(number, e, List.of());
    }

    /**
     * @param approvals the sign-off stages recorded for the item's content ({@code osr review approve} on the sweep's
     *                  results.jsonl): shown in the reviewer and approver columns, which stay empty without them
     */
    List<String> row(long number, ManifestEntry e, List<Approval> approvals) {
        Verdict verdict = SweepTotals.verdictOf(e);
        return List.of(Long.toString(number), name(e), decision(verdict), verdict == null
                || verdict == Verdict.PUBLISHABLE ? "" : reasons(e.categories()), carrier(e),
                nz(e.reviewedAt()), packs, nz(e.sha256()), note(e), stages(approvals, Approval.Stage.REVIEW),
                stages(approvals, Approval.Stage.FINAL));
    }

    private String stages(List<Approval> approvals, Approval.Stage stage) {
        return approvals.stream().filter(a -> stage.id().equals(a.stage())).map(a -> a.line(lang))
                .collect(Collectors.joining(lang == Lang.ZH ? "；" : "; "));
    }

    private String decision(Verdict verdict) {
        if (verdict == null) {
            return lang == Lang.ZH ? "未审查（已跳过）" : "not reviewed (skipped)";
        }
        return verdict.label(lang);
    }

    /** The title, else the file name or the last segment of the URL. */
    static String name(ManifestEntry e) {
        if (e.title() != null && !e.title().isBlank()) {
            return e.title();
        }
        return lastSegment(e.item(), isRecord(e));
    }

    static boolean isRecord(ManifestEntry e) {
        return e.kind() != null && !SweepItem.FILE.equals(e.kind());
    }

    static String lastSegment(String item, boolean url) {
        if (item == null) {
            return "";
        }
        if (url) {
            try {
                URI uri = URI.create(item);
                String path = uri.getPath();
                if (path != null) {
                    String seg = lastOf(path, '/');
                    if (!seg.isEmpty()) {
                        return seg;
                    }
                }
                if (uri.getHost() != null) {
                    return uri.getHost();
                }
            } catch (IllegalArgumentException notAUri) {
                // fall back to the text after the last slash
            }
            String cut = item.replaceAll("[?#].*$", "");
            String seg = lastOf(cut, '/');
            return seg.isEmpty() ? item : seg;
        }
        String seg = lastOf(item.replace('\\', '/'), '/');
        return seg.isEmpty() ? item : seg;
    }

    private static String lastOf(String s, char sep) {
        String t = s;
        while (t.endsWith(String.valueOf(sep))) {
            t = t.substring(0, t.length() - 1);
        }
        return t.substring(t.lastIndexOf(sep) + 1);
    }

    private String carrier(ManifestEntry e) {
        if (isRecord(e) && e.captured() != null) {
            return lang == Lang.ZH ? e.item() + "（采集于 " + e.captured() + "）"
                    : e.item() + " (captured " + e.captured() + ")";
        }
        return nz(e.item());
    }

    private String note(ManifestEntry e) {
        String word = statusWord(nz(e.status()));
        return e.reason() == null ? word : word + ": " + e.reason();
    }

    /** A manifest status in the reader's words. */
    String statusWord(String status) {
        return statusWord(status, lang);
    }

    /** A manifest status in the words of {@code lang}: the ledger's, the report's and the sweep's last line. */
    public static String statusWord(String status, Lang lang) {
        return switch (status) {
            case ManifestEntry.REVIEWED -> lang == Lang.ZH ? "已审查" : "reviewed";
            case ManifestEntry.DUPLICATE -> lang == Lang.ZH ? "内容与另一项相同" : "same content as another item";
            case ManifestEntry.UNCHANGED -> lang == Lang.ZH ? "未变化，沿用上次审查" : "unchanged since the last sweep";
            case ManifestEntry.ERROR -> lang == Lang.ZH ? "无法读取" : "could not be read";
            case ManifestEntry.SKIPPED -> lang == Lang.ZH ? "已跳过" : "skipped";
            default -> status;
        };
    }

    /** A finding category with the ledger's reason for it, e.g. {@code classification-marking (国家秘密)}. */
    String categoryWithReason(String category) {
        String reason = reasonOf(category);
        return reason == null || reason.isEmpty() ? category
                : category + (lang == Lang.ZH ? "（" + label(reason) + "）" : " — " + label(reason));
    }

    /** The reason categories of the ledger template, for the categories of an item's findings. */
    String reasons(List<String> categories) {
        Set<String> reasons = new LinkedHashSet<>();
        List<String> other = new ArrayList<>();
        for (String c : categories) {
            String r = reasonOf(c);
            if (r == null) {
                continue;
            }
            if (r.isEmpty()) {
                other.add(c);
            } else {
                reasons.add(r);
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String r : List.of(STATE_SECRET, COMMERCIAL_SECRET, PERSONAL_PRIVACY, INTERNAL_AFFAIRS, SENSITIVE_TERM)) {
            if (reasons.contains(r)) {
                ordered.add(label(r));
            }
        }
        ordered.addAll(other);
        return String.join(lang == Lang.ZH ? "；" : "; ", ordered);
    }

    /**
     * The template's reason for a finding category: null for a category that is never a reason (a disclosure note),
     * "" for a category the template does not know (shown as it is named, never dropped).
     */
    static String reasonOf(String category) {
        String c = category.toLowerCase(Locale.ROOT);
        return switch (c) {
            case "classification-marking", "telegram-header" -> STATE_SECRET;
            case "personal-information" -> PERSONAL_PRIVACY;
            case "internal-marking" -> INTERNAL_AFFAIRS;
            case "commercial-secret", "trade-secret", "business-secret", "商业秘密" -> COMMERCIAL_SECRET;
            // A listed term says "look", not which secret it is: the reviewer decides the category.
            case "sensitive-term" -> SENSITIVE_TERM;
            case "disclosure-note" -> null;
            default -> "";
        };
    }

    String label(String reason) {
        boolean zh = lang == Lang.ZH;
        return switch (reason) {
            case STATE_SECRET -> zh ? "国家秘密" : "state secret (国家秘密)";
            case COMMERCIAL_SECRET -> zh ? "商业秘密" : "commercial secret (商业秘密)";
            case PERSONAL_PRIVACY -> zh ? "个人隐私" : "personal privacy (个人隐私)";
            case INTERNAL_AFFAIRS -> zh ? "内部事项" : "internal affairs (内部事项)";
            case SENSITIVE_TERM -> zh ? "敏感词（类别由审核人确定）" : "sensitive term (reviewer decides the category)";
            default -> reason;
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
