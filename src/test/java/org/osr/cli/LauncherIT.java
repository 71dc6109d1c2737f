package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.osr.testkit.Slow;

/**
 * The README's first command, run the way a user runs it: {@code ./osr} as a child process on the packaged jar,
 * with its class-data-sharing archive created on first use and used afterwards.
 */
@Slow
class LauncherIT {
    record Result(int exitCode, String out, String err) {
    }

    static Result launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("./osr");
        command.addAll(List.of(args));
        Path out = Files.createTempFile("osr-out", ".txt");
        Path err = Files.createTempFile("osr-err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("osr finished").isTrue();
        try {
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void launcherScansTheSamplesAndReturnsTheContractsExitCodes() throws Exception {
        Result marked = launch("scan", "samples/notice-marked.docx");
        assertThat(marked.exitCode()).as(marked.err()).isEqualTo(2);
        JsonNode report = JsonMapper.builder().build().readTree(marked.out());
        assertThat(report.get("documents").get(0).get("verdict").asString()).isEqualTo("withhold");

        Result clean = launch("scan", "samples/notice-clean.docx");
        assertThat(clean.exitCode()).as(clean.err()).isZero();

        Result all = launch("scan", "-q", "samples/");
        assertThat(all.exitCode()).isEqualTo(3);
        assertThat(all.err()).as("stderr stays quiet when it is not a terminal").isEmpty();
    }

    @Test
    void launcherCreatesAndReusesTheClassDataSharingArchive() throws Exception {
        Path jsa = Path.of("target/osr.jsa");
        launch("version");
        Result second = launch("version");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).startsWith("osr ");
        assertThat(jsa).exists();
        assertThat(Files.size(jsa)).isGreaterThan(1_000_000L);
    }

    @Test
    void rulesTestThroughTheLauncherPasses() throws Exception {
        Result r = launch("rules", "test");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 failed");
    }
}
