package org.osr.report;

import java.io.PrintStream;
import org.osr.judge.Verdict;
import org.osr.review.DocumentResult;
import org.osr.rules.Lang;
import org.osr.run.ScanSummary;

/**
 * One coloured line per document on stderr, for a person at a terminal; stdout stays machine-readable. Composed with
 * the chosen format ({@link ReportWriter#and}).
 */
public final class TerminalSummary implements ReportWriter {
    private static final String RESET = "\u001b[0m";

    private final PrintStream err;
    private final Lang lang;
    private final boolean colour;

    public TerminalSummary(PrintStream err, Lang lang, boolean colour) {
        this.err = err;
        this.lang = lang;
        this.colour = colour;
    }

    @Override
    public void document(DocumentResult o) {
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
        if (v == Verdict.UNREVIEWABLE && !o.coverage().problems().isEmpty()) {
            detail += " " + o.coverage().problems().get(0).code();
        }
        String verdict = String.format("%-12s", v.id());
        err.println((colour ? colourCode : "") + mark + " " + verdict + (colour ? RESET : "") + " " + v.label(lang)
                + "  " + o.path() + detail);
    }

    /** The run's totals are the main report's to give. */
    @Override
    public void finish(ScanSummary summary) {
    }
}
