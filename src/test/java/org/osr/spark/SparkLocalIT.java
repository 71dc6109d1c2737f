package org.osr.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.sweep.ManifestEntry;
import org.osr.testkit.Slow;

/**
 * The packaged job as a user runs it: {@code scripts/spark-local samples --out DIR} (target/osr-spark.jar, its worker
 * processes started from that jar alone, Spark's jars beside it), quiet, and its output merged by the packaged CLI.
 */
@Slow
class SparkLocalIT {
    @TempDir
    Path tmp;

    private static Process run(Path log, String... command) throws Exception {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void theShadedJobReviewsTheSamplesAndItsOutputMerges() throws Exception {
        Path job = tmp.resolve("job");
        Path log = tmp.resolve("job.log");
        Process spark = run(log, "scripts/spark-local", "samples", "--out", job.toString());
        assertThat(spark.waitFor(300, TimeUnit.SECONDS)).as("the job finished").isTrue();
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(spark.exitValue()).as(printed).isZero();
        assertThat(printed.lines().filter(l -> !l.startsWith("spark-local: building")).toList())
                .singleElement().asString().startsWith("osr-spark: 9 files in 1 tasks into ");

        Path merged = tmp.resolve("merged");
        Process merge = run(tmp.resolve("merge.log"), Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", "target/osr.jar", "sweep", "merge", job.toString(), "--out", merged.toString());
        assertThat(merge.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(merge.exitValue()).as("the encrypted sample is unreviewable").isEqualTo(3);
        List<ManifestEntry> entries = SparkRuns.manifest(merged);
        assertThat(entries).hasSize(9);
        assertThat(entries).filteredOn(e -> e.item().equals("samples/notice-marked.docx")).singleElement()
                .satisfies(e -> assertThat(e.verdict().id()).isEqualTo("withhold"));
        assertThat(SparkRuns.results(merged)).hasSize(9);
    }
}
