package org.osr.gate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osr.judge.Judge;
import org.osr.judge.Verdict;
import org.osr.review.DocumentResult;

/**
 * What a publishing gate does to each reviewed document before it is reported and counted: drops the findings a
 * baseline already knows, marks the ones a waiver lets through, and judges the document again on the findings left
 * counting. Coverage is never touched: a document that was not read completely stays unreviewable.
 */
public final class Gate {
    private final Judge judge;
    private final Baseline baseline;
    private final Waivers waivers;
    private final Baseline.Recorder recorder;
    private final Path writeBaseline;
    private final boolean unusedFails;
    private final boolean waiversInPlay;
    private int baselined;

    /**
     * @param baseline      null for none
     * @param waivers       null when waivers are off or there is no waiver file
     * @param writeBaseline null unless the run records a baseline
     * @param unusedFails   whether a waiver that matched nothing fails the run
     */
    public Gate(Judge judge, Baseline baseline, Waivers waivers, Path writeBaseline, boolean unusedFails) {
        this.judge = judge;
        this.baseline = baseline;
        this.waiversInPlay = waivers != null;
        this.waivers = waivers == null ? Waivers.none() : waivers;
        this.writeBaseline = writeBaseline;
        this.recorder = writeBaseline == null ? null : new Baseline.Recorder();
        this.unusedFails = unusedFails;
    }

    public DocumentResult apply(DocumentResult document) {
        if (recorder != null) {
            recorder.add(document);
        }
        List<DocumentResult.Finding> kept = new ArrayList<>();
        for (DocumentResult.Finding f : document.findings()) {
            if (baseline != null && baseline.contains(f)) {
                baselined++;
            } else {
                kept.add(f);
            }
        }
        kept = waivers.mark(document, kept);
        if (kept.equals(document.findings())) {
            return document;
        }
        Verdict verdict = document.verdict();
        if (verdict != Verdict.UNREVIEWABLE) {
            verdict = judge.verdict(DocumentResult.strongestCounting(kept), document.coverage().complete());
        }
        return document.withFindings(kept, verdict, judge.exitCode(verdict));
    }

    /** Writes the baseline when asked to, and sums up what the gate did. */
    public GateSummary finish() throws IOException {
        if (recorder != null) {
            recorder.write(writeBaseline);
        }
        if (!waiversInPlay && baseline == null) {
            return null;
        }
        return new GateSummary(waivers.waived(), baselined,
                waivers.unused().stream().map(Waiver::describe).toList(),
                waivers.expired().stream().map(w -> w.describe() + " expired on " + w.expires()).toList(),
                unusedFails && !waivers.unused().isEmpty());
    }
}
