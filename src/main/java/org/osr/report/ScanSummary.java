package org.osr.report;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.osr.judge.Verdict;
import org.osr.rules.RulePack;

/**
 * The run as a whole: which packs ran, when, how long, the counts per verdict, the overall verdict and exit code.
 */
public record ScanSummary(List<RulePack> packs, Instant startedAt, long durationMs, Map<Verdict, Integer> counts,
                          Verdict verdict, int exitCode) {

    /** Accumulates the summary as opinions stream past. */
    public static final class Tally {
        private final EnumMap<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        private Verdict worst;
        private int exitCode;

        public void add(Verdict verdict, int documentExitCode) {
            counts.merge(verdict, 1, Integer::sum);
            if (worst == null || verdict.compareTo(worst) > 0) {
                worst = verdict;
            }
            exitCode = Math.max(exitCode, documentExitCode);
        }

        public void raiseExitCode(int code) {
            exitCode = Math.max(exitCode, code);
        }

        public int exitCode() {
            return exitCode;
        }

        public ScanSummary summary(List<RulePack> packs, Instant startedAt, long durationMs) {
            return new ScanSummary(packs, startedAt, durationMs, counts, worst == null ? Verdict.PUBLISHABLE : worst,
                    exitCode);
        }
    }

    public int documents() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
