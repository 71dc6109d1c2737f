package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osr.testkit.Slow;

/** Errors as a user meets them from the packaged program: one line on stderr starting "osr: ", the documented code. */
@Slow
class LauncherErrorsIT {
    record Result(int exitCode, String out, String err) {
    }

    private static Result run(List<String> command, String... env) throws IOException, InterruptedException {
        Path out = Files.createTempFile("osr-out", ".txt");
        Path err = Files.createTempFile("osr-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            for (int i = 0; i < env.length; i += 2) {
                builder.environment().put(env[i], env[i + 1]);
            }
            Process p = builder.start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("osr finished").isTrue();
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    @Test
    void aPackThatCannotBeReadSaysPermissionDenied() throws Exception {
        Path dir = Files.createTempDirectory("osr-pack");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pack = Files.writeString(dir.resolve("office.yaml"), "pack: office\nversion: \"1\"\ntitle: Office\n");
        Files.setPosixFilePermissions(pack, PosixFilePermissions.fromString("---------"));
        List<String> command = new ArrayList<>();
        if (Files.isReadable(pack)) {
            // Root reads every file: run osr as the unprivileged user instead.
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is not installed");
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                "target/osr.jar", "rules", "list", "--rules", pack.toString()));
        try {
            Result r = run(command);

            assertThat(r.exitCode()).as(r.err()).isEqualTo(64);
            assertThat(r.err()).isEqualTo("osr: cannot read rule pack " + pack + ": permission denied\n");
        } finally {
            Files.delete(pack);
            Files.delete(dir);
        }
    }

    @Test
    void runningOutOfMemoryIsExit70AndOneLineNotAJavaStackTrace() throws Exception {
        // 10 MiB is enough to start but not to load the bundled packs: the Error escapes the command itself.
        Result r = run(List.of("./osr", "scan", "samples/notice-clean.docx"), "OSR_MAX_HEAP", "10m", "OSR_CDS", "0");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(70);
        assertThat(r.err()).startsWith("osr: out of memory (the limit is ").contains("OSR_MAX_HEAP=6g").hasLineCount(1);
    }
}
