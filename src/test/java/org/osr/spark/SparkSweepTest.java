package org.osr.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.sweep.ManifestEntry;
import org.osr.testkit.SampleDocuments;
import org.osr.testkit.Slow;

/**
 * The Spark job in local mode ({@code local[2]}) over the samples and, when present, a slice of 60 files of
 * {@code ../shared/bench}: after {@code osr sweep merge}, every item has the verdict and categories, and every payload
 * the findings, that {@code osr sweep} gives the same files; and a partition whose output landed twice (a retried
 * task) lists no item twice.
 */
@Slow
class SparkSweepTest {
    private static final Path BENCH = Path.of("..", "shared", "bench");
    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkRuns.local();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** 60 files of the bench, every 15th in name order (DOCX, HTML and PDF alike), copied under {@code tmp}. */
    private Path benchSlice() throws IOException {
        Path slice = Files.createDirectories(tmp.resolve("bench-slice"));
        List<Path> all;
        try (Stream<Path> walk = Files.walk(BENCH)) {
            all = walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(docx|pdf|html)"))
                    .sorted().toList();
        }
        for (int i = 0; i < all.size() && i / 15 < 60; i += 15) {
            Path from = all.get(i);
            Files.copy(from, Files.createDirectories(slice.resolve(BENCH.relativize(from).getParent()))
                    .resolve(from.getFileName()));
        }
        return slice;
    }

    @Test
    void afterMergeTheJobFindsWhatOsrSweepFinds() throws Exception {
        List<String> inputs = new ArrayList<>(List.of(Path.of("samples").toAbsolutePath().toString()));
        if (Files.isDirectory(BENCH)) {
            inputs.add(benchSlice().toString());
        }
        Path sweep = tmp.resolve("sweep");
        Path job = tmp.resolve("job");
        Path merged = tmp.resolve("merged");

        SparkRuns.both(spark, inputs, sweep, job, merged, "--files-per-partition", "8");

        assertThat(SparkRuns.outcomes(merged)).isEqualTo(SparkRuns.outcomes(sweep))
                .hasSizeGreaterThanOrEqualTo(Files.isDirectory(BENCH) ? 69 : 9);
        assertThat(SparkRuns.findings(merged)).isEqualTo(SparkRuns.findings(sweep));
        assertThat(SparkRuns.outcomes(merged).values()).anyMatch(o -> o.contains("WITHHOLD"))
                .anyMatch(o -> o.contains("PUBLISHABLE"));
        assertThat(job.resolve("lines=manifest")).isDirectory();
        assertThat(job.resolve("lines=results")).isDirectory();
        for (String output : List.of("summary.json", "ledger.csv", "ledger.xlsx", "report.html", "sweep.json")) {
            assertThat(merged.resolve(output)).isRegularFile();
        }
    }

    @Test
    void aPartitionWrittenTwiceListsNoItemTwiceAfterMerge() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        for (String sample : List.of("notice-marked.docx", "notice-clean.html", "notice-marked.pdf")) {
            Files.copy(Path.of("samples", sample), site.resolve(sample));
        }
        Path job = tmp.resolve("job");
        SparkSweep.run(spark, site.toString(), "--out", job.toString(), "--files-per-partition", "1");
        for (String lines : List.of("lines=manifest", "lines=results")) {
            Path first;
            try (Stream<Path> parts = Files.list(job.resolve(lines))) {
                first = parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().findFirst()
                        .orElseThrow();
            }
            Files.copy(first, first.resolveSibling("part-99999-a-second-attempt.txt"));
        }
        Path merged = tmp.resolve("merged");

        SparkRuns.osr("sweep", "merge", job.toString(), "--out", merged.toString());

        List<ManifestEntry> entries = SparkRuns.manifest(merged);
        assertThat(entries).hasSize(3);
        assertThat(entries.stream().map(ManifestEntry::status)).containsOnly("reviewed");
        assertThat(SparkRuns.results(merged)).hasSize(3);
    }

    @Test
    void aFileThatOverrunsItsDeadlineIsUnreviewableAndTheTaskGoesOn() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("long.html"), SampleDocuments.longHtml(12_000_000, null));
        Files.copy(Path.of("samples", "notice-marked.html"), site.resolve("notice-marked.html"));
        Path job = tmp.resolve("job");
        Path merged = tmp.resolve("merged");

        SparkSweep.run(spark, site.toString(), "--out", job.toString(), "--timeout", "2");
        SparkRuns.osr("sweep", "merge", job.toString(), "--out", merged.toString());

        Map<String, String> outcomes = SparkRuns.outcomes(merged);
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(site.resolve("long.html") + " file null")).startsWith("reviewed UNREVIEWABLE");
        assertThat(SparkRuns.results(merged)).filteredOn(r -> r.path().endsWith("long.html")).singleElement()
                .satisfies(r -> assertThat(r.coverage().problems()).isNotEmpty());
    }
}
