package org.osr.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.sweep.ManifestEntry;
import org.osr.testkit.Slow;

/**
 * A task that fails part-way (its first attempt cannot read a file) is retried by Spark; after merge its files are
 * listed once each, reviewed, as if nothing had happened.
 */
@Slow
class SparkRetryTest {
    @TempDir
    Path tmp;

    @Test
    void aRetriedTaskReportsItsFilesOnce() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.copy(Path.of("samples", "notice-marked.docx"), site.resolve("a-notice.docx"));
        Files.copy(Path.of("samples", "notice-marked.pdf"), site.resolve("b-fails-once.pdf"));
        Files.copy(Path.of("samples", "notice-clean.html"), site.resolve("c-clean.html"));
        Path job = tmp.resolve("job");
        Path merged = tmp.resolve("merged");
        FailingOnceFileSystem.OPENS.set(0);
        SparkSession spark = SparkSession.builder().master("local[2,2]").appName("osr-spark-retry-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.hadoop.fs.file.impl", FailingOnceFileSystem.class.getName())
                .config("spark.hadoop.fs.file.impl.disable.cache", "true")
                .getOrCreate();
        try {
            SparkSweep.run(spark, site.toString(), "--out", job.toString(), "--files-per-partition", "3");
        } finally {
            spark.stop();
        }

        SparkRuns.osr("sweep", "merge", job.toString(), "--out", merged.toString());

        assertThat(FailingOnceFileSystem.OPENS.get()).as("read by the failed attempt, then by the retry").isEqualTo(2);
        List<ManifestEntry> entries = SparkRuns.manifest(merged);
        assertThat(entries.stream().map(ManifestEntry::item)).containsExactlyInAnyOrder(
                site.resolve("a-notice.docx").toString(), site.resolve("b-fails-once.pdf").toString(),
                site.resolve("c-clean.html").toString());
        assertThat(entries.stream().map(ManifestEntry::status)).containsOnly("reviewed");
        assertThat(SparkRuns.results(merged)).hasSize(3);
    }
}
