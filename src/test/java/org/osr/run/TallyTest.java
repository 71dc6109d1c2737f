package org.osr.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osr.judge.Verdict;
import org.osr.source.Inputs;

/** Two shards' totals add up to the totals of one run over both. */
class TallyTest {
    @Test
    void mergingTwoTalliesGivesTheTotalsOfOneRun() {
        Tally one = new Tally();
        one.add(Verdict.PUBLISHABLE, 0);
        one.add(Verdict.REFER, 1);
        Tally two = new Tally();
        two.add(Verdict.PUBLISHABLE, 0);
        two.add(Verdict.WITHHOLD, 2);
        two.inputError(new Inputs.InputError("gone.pdf", Inputs.InputError.UNREADABLE, "no such file"));

        one.merge(two);
        ScanSummary s = one.summary(List.of(), Instant.EPOCH, 0);
        assertThat(s.documents()).isEqualTo(4);
        assertThat(s.counts()).containsEntry(Verdict.PUBLISHABLE, 2).containsEntry(Verdict.REFER, 1)
                .containsEntry(Verdict.WITHHOLD, 1);
        assertThat(s.inputErrors()).extracting(Inputs.InputError::path).containsExactly("gone.pdf");
        assertThat(s.verdict()).as("an unreadable input makes the run unreviewable").isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(s.exitCode()).isEqualTo(ScanSummary.UNREADABLE_INPUT);
    }

    @Test
    void mergingAnEmptyTallyChangesNothing() {
        Tally one = new Tally();
        one.add(Verdict.REDACT, 0);   // --fail-on refer lowered it
        one.merge(new Tally());
        ScanSummary s = one.summary(List.of(), Instant.EPOCH, 0);
        assertThat(s.verdict()).isEqualTo(Verdict.REDACT);
        assertThat(s.exitCode()).isZero();
        assertThat(s.documents()).isEqualTo(1);
    }
}
