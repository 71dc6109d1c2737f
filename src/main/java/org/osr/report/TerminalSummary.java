package org.osr.report;

import java.io.PrintStream;
import org.osr.review.Opinion;
import org.osr.judge.Verdict;
import org.osr.rules.Lang;

/** One coloured line per document on stderr, for a person at a terminal; stdout stays machine-readable. */
public final class TerminalSummary {
    private static final String RESET = "\u001b[0m";

    private final PrintStream err;
    private final Lang lang;
    private final boolean colour;
    private final Masking masking;

    public TerminalSummary(PrintStream err, Lang lang, boolean colour, Masking masking) {
        this.err = err;
        this.masking = masking;
        this.lang = lang;
        this.colour = colour;
    }

    public void document(Opinion o) {
        Verdict v = o.verdict();
        String mark = switch (v) {
            case PUBLISHABLE -> "✓";
            case WITHHOLD -> "✗";
            case UNREVIEWABLE -> "?";
            default -> "!";
        };
        String colourCode = switch (v) {
            case PUBLISHABLE -> "\u001b[32m";
            case WITHHOLD -> "\u001b[1;31m";
            case UNREVIEWABLE -> "\u001b[1;35m";
            default -> "\u001b[33m";
        };
        int n = o.findings().size();
        String detail = n == 0 ? "" : lang == Lang.ZH ? "（" + n + " 处发现）" : " (" + n + " finding" + (n == 1 ? "" : "s") + ")";
        if (v == Verdict.UNREVIEWABLE && !o.document().coverage().problems().isEmpty()) {
            detail += " " + o.document().coverage().problems().get(0).code();
        }
        String verdict = String.format("%-12s", v.id());
        err.println((colour ? colourCode : "") + mark + " " + verdict + (colour ? RESET : "") + " " + v.label(lang)
                + "  " + masking.forDocument(o.findings()).maskPath(o.document().path()) + detail);
    }
}
