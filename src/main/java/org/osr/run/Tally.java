package org.osr.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.osr.gate.GateSummary;
import org.osr.judge.Verdict;
import org.osr.rules.RulePack;
import org.osr.source.Inputs;

/**
 * The run's totals as documents stream past: counts per verdict, input errors, skipped entries, links leaving the
 * tree, the worst verdict and the largest exit code. Two tallies (two shards, two workers) {@link #merge}.
 */
public final class Tally {
    private final EnumMap<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    private final List<Inputs.InputError> inputErrors = new ArrayList<>();
    private final List<Inputs.Skipped> skipped = new ArrayList<>();
    private final List<Inputs.Input> links = new ArrayList<>();
    private Verdict worst;
    private int exitCode;
    private GateSummary gate;

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
        exitCode = Math.max(exitCode, ScanSummary.UNREADABLE_INPUT);
    }

    private void raise(Verdict verdict) {
        if (worst == null || verdict.compareTo(worst) > 0) {
            worst = verdict;
        }
    }

    /** Adds what another tally counted (another shard or worker of the same run). */
    public void merge(Tally other) {
        other.counts.forEach((v, n) -> counts.merge(v, n, Integer::sum));
        inputErrors.addAll(other.inputErrors);
        skipped.addAll(other.skipped);
        links.addAll(other.links);
        if (other.worst != null) {
            raise(other.worst);
        }
        exitCode = Math.max(exitCode, other.exitCode);
    }

    /** What waivers and a baseline did (null when neither was in play); unused waivers may fail the run. */
    public void gate(GateSummary summary) {
        gate = summary;
        if (summary != null && summary.failsRun()) {
            exitCode = Math.max(exitCode, GateSummary.UNUSED_WAIVER_EXIT);
        }
    }

    public int exitCode() {
        return exitCode;
    }

    public ScanSummary summary(List<RulePack> packs, Instant startedAt, long durationMs) {
        return new ScanSummary(packs, startedAt, durationMs, counts, worst == null ? Verdict.PUBLISHABLE : worst,
                exitCode, inputErrors, skipped, links, gate);
    }
}
