package org.osr.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.TikaExtractor;
import org.osr.match.RuleEngine;
import org.osr.judge.Judge;
import org.osr.judge.Verdict;
import org.osr.rules.Action;

/**
 * Files reviewed at the same time on real components. Whether two reviews ran at the same time is read from when each
 * ran, not from a wall-time threshold: with two jobs the second slow file starts before the first ends; with one it
 * starts after.
 */
class ParallelReviewsTest {
    @TempDir
    Path dir;

    private List<ParallelReviews.Outcome<Path>> reviewAll(int jobs, List<Path> files) throws Exception {
        // matching 200 000 letters keeps a core busy for a second or more, whatever else the machine does
        RuleEngine engine = DocumentReviewerTest.slowMatching();
        Judge judge = new Judge(Action.REDACT);
        Duration timeout = Duration.ofSeconds(600);
        List<ParallelReviews.Outcome<Path>> outcomes = new ArrayList<>();
        try (ParallelReviews reviews = new ParallelReviews(jobs,
                new DocumentReviewer(new TikaExtractor(), TikaExtractor::new, engine, judge, timeout),
                () -> new DocumentReviewer(new TikaExtractor(), TikaExtractor::new, engine, judge, timeout))) {
            Iterator<ParallelReviews.Outcome<Path>> it = reviews.review(files, Function.identity(), Path::toString);
            it.forEachRemaining(outcomes::add);
        }
        return outcomes;
    }

    private List<Path> twoSlowFiles() throws Exception {
        return List.of(Files.writeString(dir.resolve("slow-1.txt"), "a".repeat(200_000)),
                Files.writeString(dir.resolve("slow-2.txt"), "b".repeat(200_000)));
    }

    @Test
    void twoSlowFilesAreReviewedAtTheSameTimeWithTwoJobs() throws Exception {
        List<ParallelReviews.Outcome<Path>> outcomes = reviewAll(2, twoSlowFiles());

        assertThat(outcomes).extracting(o -> o.input().getFileName().toString())
                .containsExactly("slow-1.txt", "slow-2.txt");
        assertThat(outcomes).allSatisfy(o -> assertThat(o.opinion().verdict()).isEqualTo(Verdict.PUBLISHABLE));
        ParallelReviews.Outcome<Path> first = outcomes.get(0);
        ParallelReviews.Outcome<Path> second = outcomes.get(1);
        assertThat(second.startNanos()).as("the second file starts while the first is being reviewed")
                .isLessThan(first.endNanos());
        assertThat(first.startNanos()).isLessThan(second.endNanos());
    }

    @Test
    void withOneJobTheSecondSlowFileWaitsForTheFirst() throws Exception {
        List<ParallelReviews.Outcome<Path>> outcomes = reviewAll(1, twoSlowFiles());

        assertThat(outcomes.get(1).startNanos()).isGreaterThanOrEqualTo(outcomes.get(0).endNanos());
    }

    @Test
    void aPathThatCannotBeReadIsHandedBackInItsPlaceAsItsOwnError() throws Exception {
        Path clean = Files.writeString(dir.resolve("clean.html"), "<p>关于做好防汛工作的通知</p>");
        Path missing = dir.resolve("missing.html");
        List<ParallelReviews.Outcome<Path>> outcomes = reviewAll(2, List.of(clean, missing, clean, missing, clean));

        assertThat(outcomes).extracting(ParallelReviews.Outcome::input)
                .containsExactly(clean, missing, clean, missing, clean);
        assertThat(outcomes).extracting(o -> o.failure() == null ? null : o.failure().getClass().getSimpleName())
                .containsExactly(null, "NoSuchFileException", null, "NoSuchFileException", null);
    }
}
