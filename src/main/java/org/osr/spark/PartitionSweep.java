package org.osr.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.osr.source.Inputs;
import org.osr.source.Scratch;
import org.osr.sweep.Shard;
import org.osr.sweep.StagedInput;
import org.osr.sweep.Sweep;
import org.osr.webarchive.WebArchiveExpander;

/**
 * One Spark task: its share of the files, swept exactly as {@code osr sweep} sweeps — the same {@link Sweep}, its
 * duplicates, revisits, incomplete captures and web-archive records — into a private local folder, whose two files
 * become the task's rows: {@code (lines, value)} with {@code lines} {@code results} or {@code manifest}. Its output
 * depends only on its files, so a retried or speculative attempt writes the same lines, and Spark's output commit
 * keeps one attempt per partition.
 */
final class PartitionSweep implements FlatMapFunction<Iterator<HadoopFile>, Row> {
    private static final long serialVersionUID = 1L;
    static final String RESULTS = "results";
    static final String MANIFEST = "manifest";

    private final Broadcast<JobConfig> job;

    PartitionSweep(Broadcast<JobConfig> job) {
        this.job = job;
    }

    @Override
    public Iterator<Row> call(Iterator<HadoopFile> files) throws Exception {
        JobConfig config = job.value();
        ExecutorReviewer reviewer = ExecutorReviewer.of(config);
        Configuration hadoop = config.hadoop().value();
        List<StagedInput> staged = new ArrayList<>();
        files.forEachRemaining(f -> staged.add(f.staged(hadoop)));
        if (staged.isEmpty()) {
            return List.<Row>of().iterator();
        }
        Path dir = Files.createTempDirectory("osr-spark-task-");
        try {
            Path out = dir.resolve("sweep");
            Sweep.Settings settings = new Sweep.Settings(List.of(), out, new Inputs.Options(config.hidden(), Set.of()),
                    Shard.ALL, null, 1, reviewer.config, staged);
            new Sweep(settings, reviewer.judge, reviewer.names, reviewer.pool, new WebArchiveExpander(), null).run();
            List<Row> rows = new ArrayList<>();
            lines(out.resolve("results.jsonl"), RESULTS, rows);
            lines(out.resolve("manifest.jsonl"), MANIFEST, rows);
            return rows.iterator();
        } finally {
            Scratch.delete(dir);
        }
    }

    private static void lines(Path file, String kind, List<Row> rows) throws IOException {
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                rows.add(RowFactory.create(line, kind));
            }
        }
    }
}
