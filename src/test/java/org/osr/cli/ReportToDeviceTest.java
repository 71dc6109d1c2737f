package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o} naming a device or a pipe ({@code /dev/null}, {@code /dev/stdout}, a FIFO) is written into, never
 * replaced: the atomic rename that protects a report file would, run as root, put a regular file where
 * {@code /dev/null} was.
 */
class ReportToDeviceTest {
    @TempDir
    Path tmp;

    @Test
    void aNamedPipeGetsTheReportAndStaysAPipe() throws Exception {
        Path fifo = tmp.resolve("report.pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        ScanCommandTest.Run run = ScanCommandTest.osr("scan", "samples/notice-marked.html", "--format", "json",
                "-o", fifo.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(read.get(60, TimeUnit.SECONDS)).contains("\"verdict\" : \"withhold\"");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).as("still a pipe").isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("report.pipe");
        }
    }
}
