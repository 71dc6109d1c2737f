package org.osr.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.osr.cli.Main;
import org.osr.review.DocumentResult;
import org.osr.sweep.ManifestEntry;

/**
 * The Spark job and {@code osr sweep} side by side on the same inputs, in this JVM: Spark in local mode with two
 * executor threads, the sweep and the merge through osr's own command line, and what an item came to in each.
 */
public final class SparkRuns {
    private SparkRuns() {
    }

    /** Local Spark, two threads, no UI, bound to the loopback; its logging goes to osr's silent slf4j backend. */
    public static SparkSession local() {
        return SparkSession.builder().master("local[2]").appName("osr-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    /** {@code osr ARGS} in this JVM; returns the exit code, or throws with what it printed when it is 64 or more. */
    public static int osr(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), print, print);
        if (code >= 64 && code != 65) {
            throw new IllegalStateException("osr " + String.join(" ", args) + " -> " + code + ": "
                    + sink.toString(StandardCharsets.UTF_8));
        }
        return code;
    }

    /** {@code osr sweep INPUTS --out sweep}, the Spark job into {@code spark}, merged into {@code merged}. */
    public static void both(SparkSession spark, List<String> inputs, Path sweep, Path job, Path merged,
                            String... jobOptions) throws Exception {
        List<String> sweepArgs = new java.util.ArrayList<>(List.of("sweep"));
        sweepArgs.addAll(inputs);
        sweepArgs.addAll(List.of("--out", sweep.toString(), "-q", "--jobs", "2"));
        osr(sweepArgs.toArray(String[]::new));
        List<String> jobArgs = new java.util.ArrayList<>(inputs);
        jobArgs.addAll(List.of("--out", job.toString()));
        jobArgs.addAll(List.of(jobOptions));
        SparkSweep.run(spark, jobArgs.toArray(String[]::new));
        osr("sweep", "merge", job.toString(), "--out", merged.toString(), "--lang", "en");
    }

    public static List<ManifestEntry> manifest(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("manifest.jsonl")).stream().map(ManifestEntry::fromJson).toList();
    }

    public static List<DocumentResult> results(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("results.jsonl")).stream().map(DocumentResult::fromJson).toList();
    }

    /**
     * Item (and kind, capture time) to what it came to: its verdict, the categories that count, and whether it was
     * read ({@code reviewed} and {@code duplicate} are one here: which of two copies is reviewed first can differ).
     */
    public static Map<String, String> outcomes(Path dir) throws IOException {
        return manifest(dir).stream().collect(Collectors.toMap(
                e -> e.item() + " " + e.kind() + " " + e.captured(),
                e -> (e.status().equals("duplicate") ? "reviewed" : e.status()) + " " + e.verdict() + " "
                        + e.categories() + (e.reason() == null ? "" : " " + e.reason().replaceAll(":.*", "")),
                (a, b) -> a + " AND " + b, TreeMap::new));
    }

    /** Payload (SHA-256) to its verdict, completeness and findings: rule, action, where, fingerprint. */
    public static Map<String, String> findings(Path dir) throws IOException {
        return results(dir).stream().collect(Collectors.toMap(
                r -> r.sha256() == null ? "path:" + r.path() : r.sha256(),
                r -> r.verdict() + " complete=" + r.coverage().complete() + " " + r.findings().stream()
                        .map(f -> f.ruleId() + "/" + f.action() + "@" + f.location().part() + ":"
                                + f.location().page() + ":" + f.location().line() + "#" + f.fingerprint())
                        .sorted().toList(),
                (a, b) -> a + " AND " + b, TreeMap::new));
    }
}
