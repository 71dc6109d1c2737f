package org.osr.sweep.outputs;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.osr.judge.Judge;
import org.osr.judge.Verdict;
import org.osr.rules.Action;
import org.osr.run.ScanSummary;
import org.osr.sweep.ManifestEntry;

/**
 * The sweep's totals, counted over manifest lines as they stream past: items per status, items per verdict (every
 * item with its payload's verdict; an item that could not be read is unreviewable), items per finding category, the
 * worst verdict and the exit code {@code osr scan} would give for the same documents.
 */
final class SweepTotals {
    private final Judge judge;
    private long items;
    private final Map<String, Long> statuses = new LinkedHashMap<>();
    private final EnumMap<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
    private final Map<String, Long> categories = new TreeMap<>();
    private Verdict worst;
    private int exitCode;

    SweepTotals(Action failOn) {
        judge = new Judge(failOn);
        for (String s : new String[] {ManifestEntry.REVIEWED, ManifestEntry.DUPLICATE, ManifestEntry.UNCHANGED,
                ManifestEntry.ERROR, ManifestEntry.SKIPPED}) {
            statuses.put(s, 0L);
        }
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, 0L);
        }
    }

    /**
     * The verdict an item counts with: its payload's; unreviewable when it could not be read or names none (fail
     * closed); null only for an item deliberately skipped.
     */
    static Verdict verdictOf(ManifestEntry e) {
        if (ManifestEntry.SKIPPED.equals(e.status())) {
            return null;
        }
        if (ManifestEntry.ERROR.equals(e.status()) || e.verdict() == null) {
            return Verdict.UNREVIEWABLE;
        }
        return e.verdict();
    }

    void add(ManifestEntry e) {
        items++;
        statuses.merge(e.status() == null ? "unknown" : e.status(), 1L, Long::sum);
        Verdict v = verdictOf(e);
        if (v == null) {
            return;
        }
        verdicts.merge(v, 1L, Long::sum);
        if (worst == null || v.compareTo(worst) > 0) {
            worst = v;
        }
        // As osr scan: a path that could not be read is an input error (65), a document its verdict after --fail-on.
        int code = ManifestEntry.ERROR.equals(e.status()) ? ScanSummary.UNREADABLE_INPUT : judge.exitCode(v);
        exitCode = Math.max(exitCode, code);
        for (String c : e.categories()) {
            categories.merge(c, 1L, Long::sum);
        }
    }

    long items() {
        return items;
    }

    Map<String, Long> statuses() {
        return statuses;
    }

    Map<Verdict, Long> verdicts() {
        return verdicts;
    }

    Map<String, Long> categories() {
        return categories;
    }

    Verdict worst() {
        return worst == null ? Verdict.PUBLISHABLE : worst;
    }

    int exitCode() {
        return exitCode;
    }

    Action failOn() {
        return judge.failOn();
    }
}
