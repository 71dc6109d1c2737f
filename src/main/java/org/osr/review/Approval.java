package org.osr.review;

import java.util.List;
import java.util.Locale;
import org.osr.judge.Verdict;
import org.osr.rules.Lang;

/**
 * One person's sign-off on one exact content, appended to the opinion by {@code osr review approve}: who, when, which
 * decision, and the SHA-256 of the bytes it applies to. A record of what someone said, not a signature: nothing is
 * signed cryptographically, so anyone who can write the opinion file can write an approval.
 *
 * @param stage    {@link Stage#id()}: {@code review} (审核) or {@code final} (审批)
 * @param at       ISO-8601 instant, to the second
 * @param decision {@link Decision#id()}
 * @param sha256   the document's SHA-256 as the opinion names it
 * @param note     free text, or null
 */
public record Approval(String stage, String by, String at, String decision, String sha256, String note) {

    /** The stages of the review procedure, in the order they must happen. */
    public enum Stage {
        REVIEW("审核人", "Reviewer"),
        FINAL("审批领导", "Approving leader");

        private final String zh;
        private final String en;

        Stage(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The role that signs this stage on the record. */
        public String role(Lang lang) {
            return lang == Lang.ZH ? zh : en;
        }

        public static Stage fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }

        public static List<String> ids() {
            return java.util.Arrays.stream(values()).map(Stage::id).toList();
        }
    }

    /** What a person decided; worded like the verdict it corresponds to. */
    public enum Decision {
        PUBLISH(Verdict.PUBLISHABLE),
        REDACT(Verdict.REDACT),
        WITHHOLD(Verdict.WITHHOLD),
        REFER(Verdict.REFER);

        private final Verdict verdict;

        Decision(Verdict verdict) {
            this.verdict = verdict;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String label(Lang lang) {
            return verdict.label(lang);
        }

        public static Decision fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }

        public static List<String> ids() {
            return java.util.Arrays.stream(values()).map(Decision::id).toList();
        }
    }

    /** One line for a ledger cell or a record: {@code 张三 2026-11-30T08:00:00Z 可以公开（note）}. */
    public String line(Lang lang) {
        String decided;
        try {
            decided = Decision.fromId(decision).label(lang);
        } catch (IllegalArgumentException unknown) {
            decided = decision;
        }
        String tail = note == null || note.isBlank() ? "" : lang == Lang.ZH ? "（" + note + "）" : " (" + note + ")";
        return by + " " + at + " " + decided + tail;
    }
}
