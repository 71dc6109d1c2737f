package org.osr.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.osr.judge.Verdict;
import org.osr.rules.RulePack;
import org.osr.source.Inputs;

/**
 * The run as a whole: which packs ran, when, how long, the counts per verdict, what was given or found but not
 * reviewed, the overall verdict and exit code. An input that could not be read makes the run {@code unreviewable}:
 * the verdict and the exit code never disagree about it.
 */
public record ScanSummary(List<RulePack> packs, Instant startedAt, long durationMs, Map<Verdict, Integer> counts,
                          Verdict verdict, int exitCode, List<Inputs.InputError> inputErrors,
                          List<Inputs.Skipped> skipped, List<Inputs.Input> linksLeavingTree) {
    /** Exit code of a run in which an input path could not be read. */
    public static final int UNREADABLE_INPUT = 65;

    public ScanSummary {
        inputErrors = List.copyOf(inputErrors);
        skipped = List.copyOf(skipped);
        linksLeavingTree = List.copyOf(linksLeavingTree);
    }

    /** Accumulates the summary as opinions stream past. */
    public static final class Tally {
        private final EnumMap<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        private final List<Inputs.InputError> inputErrors = new ArrayList<>();
        private final List<Inputs.Skipped> skipped = new ArrayList<>();
        private final List<Inputs.Input> links = new ArrayList<>();
        private Verdict worst;
        private int exitCode;

        public void add(Verdict verdict, int documentExitCode) {
            counts.merge(verdict, 1, Integer::sum);
            raise(verdict);
            exitCode = Math.max(exitCode, documentExitCode);
        }

        /** Everything the run was given and found: errors and skipped entries count from the start. */
        public void inputs(Inputs inputs) {
            for (Inputs.InputError e : inputs.errors()) {
                inputError(e);
            }
            skipped.addAll(inputs.skipped());
            inputs.files().stream().filter(f -> f.linkTarget() != null).forEach(links::add);
        }

        public void inputError(Inputs.InputError error) {
            inputErrors.add(error);
            raise(Verdict.UNREVIEWABLE);
            exitCode = Math.max(exitCode, UNREADABLE_INPUT);
        }

        private void raise(Verdict verdict) {
            if (worst == null || verdict.compareTo(worst) > 0) {
                worst = verdict;
            }
        }

        public int exitCode() {
            return exitCode;
        }

        public ScanSummary summary(List<RulePack> packs, Instant startedAt, long durationMs) {
            return new ScanSummary(packs, startedAt, durationMs, counts, worst == null ? Verdict.PUBLISHABLE : worst,
                    exitCode, inputErrors, skipped, links);
        }
    }

    public int documents() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
