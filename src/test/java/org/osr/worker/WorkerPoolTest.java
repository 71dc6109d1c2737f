package org.osr.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.Problem;
import org.osr.judge.Judge;
import org.osr.judge.Verdict;
import org.osr.ocr.OcrMode;
import org.osr.review.DocumentResult;
import org.osr.review.Fingerprint;
import org.osr.review.LocalReviewer;
import org.osr.review.Masking;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.rules.RulePack;
import org.osr.testkit.Slow;

/**
 * Files reviewed in real {@code osr worker} child JVMs, against the same files reviewed in this process; children
 * killed with SIGKILL, frozen with SIGSTOP and starved of heap while they read a file.
 */
class WorkerPoolTest {
    private static final Path SAMPLES = Path.of("samples");
    private static final Judge JUDGE = new Judge(Action.REDACT);

    @TempDir
    Path dir;

    private final byte[] key = randomKey();

    @Test
    @Slow
    void childrenGiveTheSameResultsAsAnInProcessReview() throws Exception {
        List<RulePack> packs = bundledPacks();
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(p -> p.toString().matches(".*\\.(docx|pdf|html)$")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(6);
        // a masked finding's fingerprint is keyed: it agrees only if the child was handed this process's key
        Path personal = Files.writeString(dir.resolve("personal.html"), "<html><body><p>申请人：张三，身份证号："
                + "11010519491231002X，住址：北京市朝阳区</p></body></html>");
        samples = Stream.concat(samples.stream(), Stream.of(personal)).toList();
        int findings = 0;
        try (LocalReviewer local = LocalReviewer.of(packs, JUDGE, OcrMode.OFF, Duration.ofSeconds(60),
                Fingerprint.withKey(key));
             WorkerPool pool = pool(WorkerSpec.of(List.of(), 60), 1)) {
            for (Path sample : samples) {
                DocumentResult here = local.review(sample, "samples/" + sample.getFileName());
                DocumentResult there = pool.review(sample, "samples/" + sample.getFileName());
                assertThat(withoutDuration(there)).as(sample.toString()).isEqualTo(withoutDuration(here));
                findings += here.findings().size();
                if (sample.equals(personal)) {
                    assertThat(here.findings()).extracting(DocumentResult.Finding::match).doesNotContain(
                            "11010519491231002X").isNotEmpty();
                    assertThat(there.findings().get(0).fingerprint()).isEqualTo(here.findings().get(0).fingerprint());
                }
            }
            assertThat(pool.restarts()).isZero();
        }
        // the comparison covers findings and their fingerprints, not only clean files
        assertThat(findings).isPositive();
    }

    @Test
    @Slow
    void twoThreadsAtOnceUseTwoChildren() throws Exception {
        Path marked = SAMPLES.resolve("notice-marked.html");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (WorkerPool pool = pool(WorkerSpec.of(List.of(), 60), 2)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<DocumentResult>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(threads.submit(() -> {
                    go.await();
                    return pool.review(marked, "marked.html");
                }));
            }
            go.countDown();
            for (Future<DocumentResult> r : results) {
                assertThat(r.get(120, TimeUnit.SECONDS).verdict()).isNotEqualTo(Verdict.UNREVIEWABLE)
                        .isNotEqualTo(Verdict.PUBLISHABLE);
            }
            // each thread found no idle child (a child is idle only after its first file) and started its own
            assertThat(pool.pids()).hasSize(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @Slow
    void aFileWhoseChildIsKilledTwiceIsUnreviewableAndThePoolGoesOn() throws Exception {
        Path fifo = fifo();   // a child opening it blocks until it is killed
        try (WorkerPool pool = pool(WorkerSpec.of(List.of(), 60), 1)) {
            CompletableFuture<DocumentResult> review = reviewLater(pool, fifo, "pipe");
            long first = awaitChild(pool, -1);
            kill("-9", first);
            long second = awaitChild(pool, first);
            assertThat(pool.restarts()).isEqualTo(1);   // the file was tried again on a fresh child
            kill("-9", second);

            DocumentResult result = review.get(60, TimeUnit.SECONDS);
            assertThat(result.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
            assertThat(result.path()).isEqualTo("pipe");
            DocumentResult.ProblemResult problem = result.coverage().problems().get(0);
            assertThat(problem.code()).isEqualTo(Problem.WORKER_DIED);
            assertThat(problem.message()).contains("killed by signal 9");
            assertThat(pool.restarts()).isEqualTo(2);

            DocumentResult next = pool.review(SAMPLES.resolve("notice-marked.docx"), "marked.docx");
            assertThat(next.verdict()).isNotEqualTo(Verdict.UNREVIEWABLE);
            assertThat(next.findings()).isNotEmpty();
        }
    }

    @Test
    @Slow
    void aChildThatHangsPastTheDeadlineIsReplacedAndTheFileTimesOut() throws Exception {
        Path fifo = fifo();
        // a child's own deadline would answer after 4 s; a frozen child (SIGSTOP) cannot, so the supervisor's 5 s
        // deadline ends it
        WorkerSpec spec = WorkerSpec.of(List.of(), 4).withGrace(Duration.ofSeconds(1));
        try (WorkerPool pool = pool(spec, 1)) {
            CompletableFuture<DocumentResult> review = reviewLater(pool, fifo, "pipe");
            long first = awaitChild(pool, -1);
            kill("-STOP", first);
            long second = awaitChild(pool, first);
            kill("-STOP", second);

            DocumentResult result = review.get(60, TimeUnit.SECONDS);
            assertThat(result.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
            DocumentResult.ProblemResult problem = result.coverage().problems().get(0);
            assertThat(problem.code()).isEqualTo(Problem.TIMEOUT);
            assertThat(problem.message()).contains("did not answer within 5 s");
            assertThat(pool.restarts()).isEqualTo(2);
            assertThat(ProcessHandle.of(first)).isEmpty();
            assertThat(ProcessHandle.of(second)).isEmpty();
        }
    }

    @Test
    @Slow
    void aFileThatNeedsMoreThanTheHeapCapIsUnreviewableNotAFailureOfTheRun() throws Exception {
        StringBuilder html = new StringBuilder("<html><body>\n");
        for (int i = 0; i < 250_000; i++) {
            html.append("<p>第").append(i).append("段 关于做好防汛工作的通知 正文内容 words</p>\n");
        }
        Path big = Files.writeString(dir.resolve("big.html"), html.append("</body></html>\n"));
        try (WorkerPool pool = pool(WorkerSpec.of(List.of(), 60).withHeap("48m"), 1)) {
            DocumentResult result = pool.review(big, "big.html");
            assertThat(result.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
            assertThat(result.coverage().problems()).extracting(DocumentResult.ProblemResult::code)
                    .containsAnyOf(Problem.TRUNCATED, Problem.WORKER_DIED);

            DocumentResult next = pool.review(SAMPLES.resolve("notice-marked.html"), "marked.html");
            assertThat(next.findings()).isNotEmpty();
        }
    }

    @Test
    void aMissingPathIsAnIoExceptionAsInProcess() throws Exception {
        Path missing = dir.resolve("missing.docx");
        try (WorkerPool pool = pool(WorkerSpec.of(List.of(), 60), 1)) {
            assertThatThrownBy(() -> pool.review(missing, "missing.docx")).isInstanceOf(NoSuchFileException.class);
            assertThat(pool.pids()).isEmpty();   // no child was needed to tell
        }
        try (LocalReviewer local = LocalReviewer.of(bundledPacks(), JUDGE, OcrMode.OFF, Duration.ofSeconds(60),
                Fingerprint.withKey(key))) {
            assertThatThrownBy(() -> local.review(missing, "missing.docx")).isInstanceOf(NoSuchFileException.class);
        }
    }

    private WorkerPool pool(WorkerSpec spec, int size) throws Exception {
        Path log = dir.resolve("workers.log");
        return new WorkerPool(spec.withLog(log), size, Masking.of(bundledPacks()), JUDGE, Fingerprint.withKey(key));
    }

    private static List<RulePack> bundledPacks() throws Exception {
        PackLoader loader = new PackLoader();
        return PackSources.assemble(PackSources.bundled(loader), List.of(), false);
    }

    private static String withoutDuration(DocumentResult r) {
        return r.toJson().replaceFirst("\"durationMs\":\\d+", "\"durationMs\":0");
    }

    private Path fifo() throws Exception {
        Path fifo = dir.resolve("pipe.html");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        return fifo;
    }

    private static CompletableFuture<DocumentResult> reviewLater(WorkerPool pool, Path file, String display) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return pool.review(file, display);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Waits until a running child other than {@code previous} is the pool's, and returns its pid. */
    private static long awaitChild(WorkerPool pool, long previous) throws InterruptedException {
        long[] found = {-1};
        await(() -> {
            List<Long> pids = pool.pids();
            if (pids.size() == 1 && pids.get(0) != previous) {
                found[0] = pids.get(0);
                return true;
            }
            return false;
        });
        return found[0];
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 120 s").isLessThan(end);
            Thread.sleep(20);
        }
    }

    private static void kill(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private static byte[] randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }
}
