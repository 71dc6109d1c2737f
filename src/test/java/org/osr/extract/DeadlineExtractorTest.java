package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deadline around a parser. A parser that hangs cannot be produced on demand with real files, so these tests
 * put a deliberately stuck extractor in front of the real one; the real extractor then reads the next file.
 */
class DeadlineExtractorTest {
    @TempDir
    Path dir;

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
        DeadlineExtractor deadline = new DeadlineExtractor(() -> {
            built.incrementAndGet();
            return hanging::extract;
        }, Duration.ofSeconds(1));

        Document timedOut = deadline.extract(stuck, "stuck.html");
        assertThat(timedOut.coverage().complete()).isFalse();
        assertThat(timedOut.coverage().problems()).extracting(Problem::code).containsExactly(Problem.TIMEOUT);
        assertThat(timedOut.coverage().problems().get(0).message()).contains("1 s");

        Document next = deadline.extract(Path.of("samples/notice-marked.html"), "samples/notice-marked.html");
        assertThat(next.coverage().complete()).isTrue();
        assertThat(next.bodyText()).contains("机密★5年");
        assertThat(built.get()).as("a fresh extractor replaces the abandoned one").isEqualTo(2);
    }

    @Test
    void runningOutOfMemoryMakesTheFileUnreviewableNotTheRunDie() throws Exception {
        Path file = Files.writeString(dir.resolve("big.html"), "<p>x</p>");
        DeadlineExtractor deadline = new DeadlineExtractor(() -> (f, d) -> {
            throw new OutOfMemoryError("Java heap space");
        }, Duration.ofSeconds(5));
        Document doc = deadline.extract(file, "big.html");
        assertThat(doc.coverage().problems()).extracting(Problem::code).containsExactly(Problem.TRUNCATED);
        assertThat(doc.sha256()).hasSize(64);
    }
}
