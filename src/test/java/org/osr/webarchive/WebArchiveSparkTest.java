package org.osr.webarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.spark.SparkRuns;
import org.osr.testkit.Slow;

/**
 * A web archive fed to the Spark job: each capture is an item as {@code osr sweep} makes it — the same bytes at two
 * URLs and a revisit reviewed once, a capture cut short never publishable, an archive that ends inside a record an
 * error line — and after the merge every capture has the verdict the sweep gives it.
 */
@Slow
class WebArchiveSparkTest {
    private static final String SITE = WarcFixture.SITE;

    @TempDir
    Path tmp;

    @Test
    void theCapturesOfAWarcComeOutAsOsrSweepReviewsThem() throws Exception {
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        WarcFixture.site(archive);
        Path sweep = tmp.resolve("sweep");
        Path merged = tmp.resolve("merged");

        SparkSession spark = SparkRuns.local();
        try {
            SparkRuns.both(spark, List.of(archive.toString()), sweep, tmp.resolve("job"), merged,
                    "--files-per-partition", "1");
        } finally {
            spark.stop();
        }

        Map<String, String> outcomes = SparkRuns.outcomes(merged);
        assertThat(outcomes).isEqualTo(SparkRuns.outcomes(sweep));
        assertThat(outcomes.get(SITE + "notice.html revisit " + WarcFixture.day(30))).isEqualTo("reviewed WITHHOLD "
                + "[classification-marking]");
        assertThat(outcomes.get(SITE + "big.html response " + WarcFixture.day(1))).startsWith("reviewed UNREVIEWABLE");
        assertThat(outcomes.get(SITE + "old.html response " + WarcFixture.day(0))).isEqualTo("reviewed PUBLISHABLE []");
        assertThat(outcomes.values()).anyMatch(o -> o.startsWith("error UNREVIEWABLE"));
        // The archive's fault is keyed by the archive's URI, not by the task's local copy: the same in every attempt.
        assertThat(SparkRuns.manifest(merged)).filteredOn(e -> e.status().equals("error")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.key()).startsWith("archive:file:" + archive.resolve("cut.warc.gz")));
        assertThat(SparkRuns.findings(merged)).isEqualTo(SparkRuns.findings(sweep));
    }
}
