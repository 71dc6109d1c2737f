package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.Slow;

/**
 * What only a real process shows: signals, pipes, closed descriptors and the locale, with {@code ./osr} as a child
 * process on the packaged jar.
 */
@Slow
class OutputSafetyIT {
    @TempDir
    Path tmp;

    private Process start(Map<String, String> env, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(tmp.resolve("stderr.txt").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private Map<String, String> privateTmp(Path dir) {
        return Map.of("TMPDIR", dir.toString(), "OSR_CDS", "0");
    }

    @Test
    void sigtermLeavesTheOldReportAndRemovesEveryTemporaryCopy() throws Exception {
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));
        Path report = Files.writeString(tmp.resolve("r.json"), "old report");
        // osr reads '-' until the pipe closes; it is stopped while the copy of standard input is being written.
        Process osr = start(privateTmp(scratch), "./osr", "scan", "-q", "-", "-o", report.toString());
        OutputStream stdin = osr.getOutputStream();
        stdin.write(Files.readAllBytes(Path.of("samples/notice-marked.html")));
        stdin.flush();
        Path copyDir = awaitOne(scratch, 30);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copyDir))).isEqualTo("rwx------");
        try (Stream<Path> copies = Files.walk(copyDir)) {
            List<Path> all = copies.toList();
            assertThat(all).anyMatch(Files::isRegularFile);
            for (Path copy : all) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).as(copy.toString())
                        .isEqualTo(Files.isDirectory(copy) ? "rwx------" : "rw-------");
            }
        }
        assertThat(tmp).isDirectoryContaining("glob:**/.r.json.osr-*.tmp");

        osr.destroy();   // SIGTERM
        assertThat(osr.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(osr.exitValue()).isEqualTo(143);
        assertThat(Files.readString(report)).isEqualTo("old report");
        assertThat(tmp).isDirectoryNotContaining("glob:**/.r.json.osr-*.tmp");
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aCopyLeftByAKilledRunIsRemovedByTheNextRun() throws Exception {
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path abandoned = Files.createDirectory(scratch.resolve("osr-" + gone.pid() + "-123"));
        Files.writeString(abandoned.resolve("stdin-1"), "a copy of someone's document");
        Process osr = start(privateTmp(scratch), "./osr", "scan", "-q", "-");
        osr.getOutputStream().write("<p>通知</p>".getBytes(StandardCharsets.UTF_8));
        osr.getOutputStream().close();
        osr.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(osr.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(osr.exitValue()).isZero();
        assertThat(abandoned).doesNotExist();
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).as("the run's own copy is gone too").isEmpty();
        }
    }

    @Test
    void aReaderThatStopsEarlyKeepsTheVerdictsExitCode() throws Exception {
        Process p = start(Map.of(), "bash", "-c", "set -o pipefail; ./osr scan -q --format text samples/ | head -1");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(3);
        assertThat(out.lines().count()).isEqualTo(1);
        assertThat(Files.readString(tmp.resolve("stderr.txt"))).isEmpty();
    }

    @Test
    void aClosedStandardOutputIsExit74() throws Exception {
        Process p = start(Map.of(), "bash", "-c", "./osr scan -q samples/notice-clean.html >&-");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(74);
        assertThat(Files.readString(tmp.resolve("stderr.txt"))).startsWith("osr: cannot write")
                .doesNotContain("at org.");
    }

    @Test
    void chineseNamesAreReadUnderTheCLocale() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("公文"));
        Path file = Files.copy(Path.of("samples/notice-marked.docx"), dir.resolve("通知-机密.docx"));
        Map<String, String> cLocale = Map.of("LANG", "C", "LC_ALL", "C");
        for (String arg : List.of(file.toString(), dir.toString())) {
            Process p = start(cLocale, "./osr", "scan", "-q", "--format", "text", arg);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isEqualTo(2);
            assertThat(out).contains("通知-机密.docx  WITHHOLD").contains("opinion:");
        }
    }

    @Test
    void withoutTheLauncherANameTheLocaleCannotDecodeIsAnInputErrorNotACrash() throws Exception {
        Path file = Files.copy(Path.of("samples/notice-marked.docx"), tmp.resolve("通知.docx"));
        Process p = start(Map.of("LANG", "C", "LC_ALL", "C"), "java", "-jar", "target/osr.jar", "scan", "-q",
                file.toString());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(65);
        assertThat(out).contains("\"name-encoding\"").contains("\"verdict\" : \"unreviewable\"");
        assertThat(Files.readString(tmp.resolve("stderr.txt"))).contains("UTF-8 locale").doesNotContain("at org.");
    }

    private static Path awaitOne(Path dir, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> found = s.toList();
                if (!found.isEmpty()) {
                    Path only = found.get(0);
                    try (Stream<Path> inside = Files.walk(only)) {
                        if (inside.anyMatch(Files::isRegularFile)) {
                            return only;
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("osr made no copy of standard input in " + dir);
    }
}
