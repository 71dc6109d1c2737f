package org.osr.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.Problem;
import org.osr.judge.Judge;
import org.osr.judge.Verdict;
import org.osr.review.DocumentResult;
import org.osr.review.Fingerprint;
import org.osr.review.Masking;
import org.osr.rules.Action;

/**
 * The supervisor against children that break the protocol: real processes (small shell scripts standing in for the
 * JVM) that answer the handshake and then write garbage, exit, or never start.
 */
class MisbehavingWorkerTest {
    @TempDir
    Path dir;

    @Test
    void aChildThatWritesGarbageIsReplacedAndTheFileIsUnreviewable() throws Exception {
        try (WorkerPool pool = pool("read line; echo '{\"ready\":1}'; read line; echo 'Picked up something'; exec sleep 60")) {
            DocumentResult result = pool.review(file(), "a.txt");
            assertThat(result.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
            assertThat(result.sha256()).isNotNull();   // the file's identity is kept, its text never read here
            DocumentResult.ProblemResult problem = result.coverage().problems().get(0);
            assertThat(problem.code()).isEqualTo(Problem.WORKER_DIED);
            assertThat(problem.message()).contains("not a reply");
            assertThat(pool.restarts()).isEqualTo(2);
            assertThat(pool.pids()).isEmpty();
        }
    }

    @Test
    void aChildThatExitsMidFileIsNamedWithItsExitStatus() throws Exception {
        try (WorkerPool pool = pool("read line; echo '{\"ready\":1}'; read line; exit 3")) {
            DocumentResult result = pool.review(file(), "a.txt");
            assertThat(result.coverage().problems().get(0).message())
                    .contains("exit status 3; then it ended with exit status 3");
        }
    }

    @Test
    void aChildThatCannotStartIsAFailureOfTheInstallationNotOfTheFile() throws Exception {
        try (WorkerPool pool = pool("echo 'osr: invalid rule pack' >&2; exit 78")) {
            assertThatThrownBy(() -> pool.review(file(), "a.txt"))
                    .isInstanceOf(WorkerPool.WorkerStartException.class)
                    .hasMessageContaining("exit status 78").hasMessageContaining("workers.log");
        }
        assertThat(Files.readString(dir.resolve("workers.log"))).contains("osr: invalid rule pack");
    }

    private WorkerPool pool(String script) throws Exception {
        Path fake = dir.resolve("fake-java");
        Files.writeString(fake, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        WorkerSpec spec = new WorkerSpec(fake, "", List.of(), 5, Duration.ofSeconds(1), "64m",
                WorkerSpec.DEFAULT_GC, dir.resolve("workers.log"));
        return new WorkerPool(spec, 1, Masking.NONE, new Judge(Action.REDACT), Fingerprint.withKey(new byte[32]));
    }

    private Path file() throws Exception {
        return Files.writeString(dir.resolve("a.txt"), "plain text");
    }
}
