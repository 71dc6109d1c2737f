package org.osr.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.osr.gate.GateSummary;
import org.osr.judge.Verdict;
import org.osr.rules.RulePack;
import org.osr.source.Inputs;

/**
 * The run as a whole: which packs ran, when, how long, the counts per verdict, what was given or found but not
 * reviewed, the overall verdict and exit code, and ({@code gate}, null when neither was in play) what waivers and
 * a baseline did. An input that could not be read makes the run {@code unreviewable}:
 * the verdict and the exit code never disagree about it.
 */
public record ScanSummary(List<RulePack> packs, Instant startedAt, long durationMs, Map<Verdict, Integer> counts,
                          Verdict verdict, int exitCode, List<Inputs.InputError> inputErrors,
                          List<Inputs.Skipped> skipped, List<Inputs.Input> linksLeavingTree, GateSummary gate) {
    /** Exit code of a run in which an input path could not be read. */
    public static final int UNREADABLE_INPUT = 65;

    public ScanSummary {
        inputErrors = List.copyOf(inputErrors);
        skipped = List.copyOf(skipped);
        linksLeavingTree = List.copyOf(linksLeavingTree);
    }

    /** Without waivers or a baseline. */
    public ScanSummary(List<RulePack> packs, Instant startedAt, long durationMs, Map<Verdict, Integer> counts,
                       Verdict verdict, int exitCode, List<Inputs.InputError> inputErrors,
                       List<Inputs.Skipped> skipped, List<Inputs.Input> linksLeavingTree) {
        this(packs, startedAt, durationMs, counts, verdict, exitCode, inputErrors, skipped, linksLeavingTree, null);
    }

    public int documents() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
