package org.osr.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.osr.cli.Version;
import org.osr.ocr.OcrMode;
import org.osr.review.Fingerprint;
import org.osr.review.Masking;
import org.osr.rules.Action;
import org.osr.rules.RulePack;
import org.osr.sweep.ItemNames;
import org.osr.sweep.outputs.SweepRun;
import org.osr.worker.WorkerSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code osr sweep} as an Apache Spark application: the driver lists the files under the given Hadoop paths, splits
 * them into partitions of {@code --files-per-partition}, and each task sweeps its share in supervised worker
 * processes ({@link PartitionSweep}, {@link ExecutorReviewer}). The output folder holds what {@code osr sweep merge}
 * reads: {@code lines=results/part-*} (one masked {@code DocumentResult} per line), {@code lines=manifest/part-*}
 * (one manifest line per item) and {@code sweep.json}. See docs/spark.md.
 */
@Command(name = "osr-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Review every file, and every record of the WARC/WACZ files, under Hadoop paths (local, HDFS, "
                + "S3A) as osr sweep does, as a Spark job; join the output with: osr sweep merge OUT --out DIR.")
public final class SparkSweep implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders, as Hadoop paths or URIs.")
    List<String> paths;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The job's output folder (Hadoop path; must not exist).")
    String out;

    @Option(names = "--rules", paramLabel = "PATH",
            description = "A rule pack file or folder on the driver (repeatable); shipped to the executors.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-bundled", description = "Do not use the bundled packs.")
    boolean noBundled;

    @Option(names = "--ocr", paramLabel = "MODE", description = "off (default), auto or force, as osr sweep --ocr.")
    String ocr = "off";

    @Option(names = "--fail-on", paramLabel = "ACTION", description = "redact (default), refer or withhold.")
    String failOn = "redact";

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per-file deadline (default 60).")
    int timeoutSeconds = 60;

    @Option(names = "--worker-heap", paramLabel = "SIZE",
            description = "Heap cap of each worker process (default " + WorkerSpec.DEFAULT_HEAP + ").")
    String workerHeap = WorkerSpec.DEFAULT_HEAP;

    @Option(names = "--hidden", description = "Also review hidden files and folders.")
    boolean hidden;

    @Option(names = "--files-per-partition", paramLabel = "N",
            description = "Files per Spark task (default ${DEFAULT-VALUE}); a web archive counts as one file.")
    int filesPerPartition = 100;

    /** What a run did, for the caller and the driver's last line. */
    public record Outcome(long files, int partitions, long driverEntries) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkSweep()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (SparkSession spark = SparkSession.builder().appName("osr sweep").getOrCreate()) {
            Outcome outcome = run(spark);
            System.err.println("osr-spark: " + outcome.files() + " files in " + outcome.partitions()
                    + " tasks into " + out + "; join with: osr sweep merge " + out + " --out DIR");
        }
        return 0;
    }

    /** Runs the job in {@code spark} (tests pass a local session). */
    public static Outcome run(SparkSession spark, String... args) throws Exception {
        SparkSweep job = new SparkSweep();
        new CommandLine(job).parseArgs(args);
        return job.run(spark);
    }

    Outcome run(SparkSession spark) throws Exception {
        OcrMode.valueOf(ocr.toUpperCase(Locale.ROOT));
        Action.fromId(failOn);
        if (filesPerPartition < 1 || timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--files-per-partition and --timeout must be at least 1");
        }
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<RulePack> packs = ShippedPacks.load(rules, noBundled);
        byte[] key = Fingerprint.installation().key();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = jsc.hadoopConfiguration();
        org.apache.hadoop.fs.Path outPath = new org.apache.hadoop.fs.Path(out);
        FileSystem outFs = outPath.getFileSystem(hadoop);
        outPath = outFs.makeQualified(outPath);
        if (outFs.exists(outPath)) {
            throw new IOException(out + " exists; give the job a new output folder");
        }
        HadoopInputs.Listing listing = HadoopInputs.list(paths, hadoop, hidden, outPath);
        JobConfig config = new JobConfig(UUID.randomUUID().toString(), ShippedPacks.read(rules, noBundled), key,
                ocr.toLowerCase(Locale.ROOT), failOn.toLowerCase(Locale.ROOT), timeoutSeconds, workerHeap, hidden,
                new SerializableWritable<>(hadoop));
        int partitions = (int) Math.max(1, (listing.files().size() + filesPerPartition - 1L) / filesPerPartition);
        JavaRDD<Row> reviewed = jsc.parallelize(listing.files(), partitions)
                .mapPartitions(new PartitionSweep(jsc.broadcast(config)));
        ItemNames names = new ItemNames(Masking.of(packs).plain(), Fingerprint.withKey(key));
        List<Row> listed = listing.entries().stream()
                .map(e -> RowFactory.create(names.shown(e).toJson(), PartitionSweep.MANIFEST)).toList();
        JavaRDD<Row> rows = listed.isEmpty() ? reviewed : reviewed.union(jsc.parallelize(listed, 1));
        StructType schema = new StructType().add("value", DataTypes.StringType, false)
                .add("lines", DataTypes.StringType, false);
        spark.createDataFrame(rows, schema).write().mode(SaveMode.ErrorIfExists).partitionBy("lines")
                .text(outPath.toString());
        SweepRun run = new SweepRun(Version.VERSION, packs.stream().map(SweepRun.PackRef::of).toList(), started,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), failOn.toLowerCase(Locale.ROOT), paths,
                null);
        try (OutputStream json = outFs.create(new org.apache.hadoop.fs.Path(outPath, SweepRun.FILE), false)) {
            json.write((run.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new Outcome(listing.files().size(), partitions, listing.entries().size());
    }

}
