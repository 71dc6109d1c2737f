package org.osr.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.Extractor;
import org.osr.judge.Judge;
import org.osr.judge.Verdict;
import org.osr.extract.Problem;
import org.osr.extract.TikaExtractor;
import org.osr.match.RuleEngine;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.RulePack;

/**
 * The deadline around reading and matching, and the check that the file read is the file hashed. A parser that hangs
 * or a file swapped at the wrong moment cannot be produced on demand with real files alone, so these tests put a
 * deliberately stuck or swapping extractor in front of the real one.
 */
class DocumentReviewerTest {
    @TempDir
    Path dir;

    private static RuleEngine engine(String yaml) throws Exception {
        RulePack pack = new PackLoader().load("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        return new RuleEngine(java.util.List.of(pack));
    }

    private static final String PACK_HEAD = """
            pack: t
            version: "1"
            title: t
            rules:
            """;
    private static final String MARKING_RULE = """
              - id: t.marking
                category: classification-marking
                action: withhold
                message: marked
                terms: [机密★5年]
            """;

    private static RuleEngine markings() throws Exception {
        return engine(PACK_HEAD + MARKING_RULE);
    }

    @Test
    void aHangingParseIsAbandonedAsTimeoutAndTheNextFileIsStillRead() throws Exception {
        Path stuck = Files.writeString(dir.resolve("stuck.html"), "<p>x</p>");
        AtomicInteger built = new AtomicInteger();
        Extractor hanging = (file, display) -> {
            if (file.equals(stuck)) {
                try {
                    Thread.sleep(Long.MAX_VALUE);   // never returns, like a parser in an endless loop
                } catch (InterruptedException e) {
                    throw new java.io.IOException("interrupted", e);
                }
            }
            return new TikaExtractor().extract(file, display);
        };
        java.util.function.Supplier<Extractor> factory = () -> {
            built.incrementAndGet();
            return hanging;
        };
        // The 1 s deadline is for the file, not for the JVM: in a fresh JVM (this class run alone) Tika's first parse
        // loads its classes and can take longer than that, so it is made once before the clock matters.
        Path sample = Path.of("samples/notice-marked.html");
        new TikaExtractor().extract(sample, "warm-up");
        DocumentReviewer reviewer = new DocumentReviewer(factory.get(), factory, markings(),
                new Judge(Action.REDACT), Duration.ofSeconds(1));

        Opinion timedOut = reviewer.review(stuck, "stuck.html");
        assertThat(timedOut.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(timedOut.document().coverage().problems()).extracting(Problem::code)
                .containsExactly(Problem.TIMEOUT);
        assertThat(timedOut.document().coverage().problems().get(0).message()).contains("1 s");

        Opinion next = reviewer.review(sample, "samples/notice-marked.html");
        assertThat(next.document().coverage().problems()).isEmpty();
        assertThat(next.verdict()).isEqualTo(Verdict.WITHHOLD);
        assertThat(built.get()).as("a fresh extractor replaces the abandoned one").isEqualTo(2);
    }

    /**
     * A regex within the pack limits that RE2 runs in linear time but slowly over one long line (about a minute over
     * 4 million letters), and a marking rule.
     */
    static RuleEngine slowMatching() throws Exception {
        return engine(PACK_HEAD + """
                  - id: t.slow
                    category: sensitive-term
                    action: refer
                    message: slow
                    regex: '[^z]{0,400}z'
                """ + MARKING_RULE);
    }

    @Test
    void theDeadlineCoversMatchingNotOnlyReading() throws Exception {
        // A regex within the pack limits that RE2 runs in linear time but slowly over one long line: reading the
        // plain-text file takes a moment, matching it would take about a minute.
        Path file = Files.writeString(dir.resolve("long.txt"), "a".repeat(4_000_000));
        RuleEngine slow = slowMatching();
        DocumentReviewer reviewer = new DocumentReviewer(new TikaExtractor(), TikaExtractor::new, slow,
                new Judge(Action.REDACT), Duration.ofSeconds(3));
        Opinion opinion = reviewer.review(file, "long.txt");
        assertThat(opinion.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(opinion.document().coverage().problems()).extracting(Problem::code)
                .containsExactly(Problem.TIMEOUT);
        // The abandoned matcher stops at the interrupt, so the next file gets a free core and its own full deadline.
        Opinion next = reviewer.review(Path.of("samples/notice-marked.html"), "samples/notice-marked.html");
        assertThat(next.verdict()).isEqualTo(Verdict.WITHHOLD);
    }

    @Test
    void runningOutOfMemoryMakesTheFileUnreviewableNotTheRunDie() throws Exception {
        Path file = Files.writeString(dir.resolve("big.html"), "<p>x</p>");
        Extractor oom = (f, d) -> {
            throw new OutOfMemoryError("Java heap space");
        };
        DocumentReviewer reviewer = new DocumentReviewer(oom, () -> oom, markings(), new Judge(Action.REDACT),
                Duration.ofSeconds(5));
        Opinion opinion = reviewer.review(file, "big.html");
        assertThat(opinion.document().coverage().problems()).extracting(Problem::code)
                .containsExactly(Problem.TRUNCATED);
        assertThat(opinion.document().sha256()).hasSize(64);
    }

    @Test
    void aFileReplacedWhileItIsReadIsNeverVouchedFor() throws Exception {
        Path published = dir.resolve("notice.html");
        Files.writeString(published, "<p>关于做好防汛工作的通知</p>");
        Path marked = Files.copy(Path.of("samples/notice-marked.html"), dir.resolve("incoming.html"));
        TikaExtractor tika = new TikaExtractor();
        // The swap lands after osr took the file's state and before the parser opens it: the hash and the text
        // would otherwise belong to different files.
        Extractor swapping = (file, display) -> {
            Files.move(marked, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return tika.extract(file, display);
        };
        Opinion opinion = new DocumentReviewer(swapping, markings(), new Judge(Action.REDACT))
                .review(published, "notice.html");
        assertThat(opinion.document().coverage().problems()).extracting(Problem::code)
                .contains(Problem.CHANGED);
        assertThat(opinion.verdict()).isIn(Verdict.UNREVIEWABLE, Verdict.WITHHOLD);

        Path steady = Files.writeString(dir.resolve("steady.html"), "<p>关于做好防汛工作的通知</p>");
        Opinion unchanged = new DocumentReviewer(tika, markings(), new Judge(Action.REDACT))
                .review(steady, "steady.html");
        assertThat(unchanged.verdict()).isEqualTo(Verdict.PUBLISHABLE);
    }

    @Test
    void aFileRewrittenInPlaceWhileItIsReadIsUnreviewable() throws Exception {
        Path file = Files.writeString(dir.resolve("a.html"), "<p>关于做好防汛工作的通知</p>");
        TikaExtractor tika = new TikaExtractor();
        Extractor rewriting = (f, display) -> {
            var doc = tika.extract(f, display);
            Files.writeString(f, "<p>机密★5年 关于做好防汛工作的通知</p>");
            return doc;
        };
        Opinion opinion = new DocumentReviewer(rewriting, markings(), new Judge(Action.REDACT))
                .review(file, "a.html");
        assertThat(opinion.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(opinion.exitCode()).isEqualTo(3);
    }

    @Test
    void aParserExceptionMakesTheFileCorruptAndUnreviewable() throws Exception {
        Path file = Files.writeString(dir.resolve("odd.html"), "<p>x</p>");
        Extractor broken = (f, d) -> {
            throw new IllegalStateException("parser bug on this file");
        };
        Opinion opinion = new DocumentReviewer(broken, markings(), new Judge(Action.REDACT)).review(file, "odd.html");
        assertThat(opinion.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(opinion.document().coverage().problems()).extracting(Problem::code)
                .containsExactly(Problem.CORRUPT);
        assertThat(opinion.document().sha256()).isEqualTo(org.osr.source.Digests.sha256(Files.readAllBytes(file)));
    }

    @Test
    void aBugInTheJudgeIsAnInternalFailureNotACorruptFile() throws Exception {
        // A judge without a --fail-on threshold cannot give a withheld document its exit code: a bug in osr's wiring.
        DocumentReviewer reviewer = new DocumentReviewer(new TikaExtractor(), markings(), new Judge(null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reviewer.review(
                        Path.of("samples/notice-marked.html"), "samples/notice-marked.html"))
                .isInstanceOf(InternalFailure.class)
                .satisfies(e -> assertThat(((InternalFailure) e).path()).isEqualTo("samples/notice-marked.html"));
    }
}
