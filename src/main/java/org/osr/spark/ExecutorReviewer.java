package org.osr.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osr.cli.Version;
import org.osr.judge.Judge;
import org.osr.review.Fingerprint;
import org.osr.review.Masking;
import org.osr.rules.Action;
import org.osr.rules.PackSources;
import org.osr.rules.RulePack;
import org.osr.rules.RulePackException;
import org.osr.source.Scratch;
import org.osr.sweep.ItemNames;
import org.osr.sweep.SweepState;
import org.osr.worker.WorkerPool;
import org.osr.worker.WorkerSpec;

/**
 * What one executor JVM keeps for the job's tasks: the rule packs written out and compiled once, and a
 * {@link WorkerPool} of {@code osr worker} child JVMs — the same supervision as {@code osr sweep}: each file under a
 * deadline ({@code --timeout} plus a grace) in a child with its own heap cap, a child that dies or hangs killed and
 * replaced and the file tried once more, then recorded as unreviewable. Parsing never happens in the executor's own
 * JVM, so a hostile file costs a child, never the executor or its task. Children are started as tasks ask for them
 * (one per task running at once) and live until the next job or the executor's end.
 */
final class ExecutorReviewer {
    private static ExecutorReviewer current;

    private final String job;
    private final Path packsDir;
    private final Thread removePacks;
    final Judge judge;
    final ItemNames names;
    final WorkerPool pool;
    final SweepState.Config config;

    private ExecutorReviewer(JobConfig job) throws IOException, RulePackException {
        this.job = job.job();
        this.packsDir = Files.createTempDirectory("osr-spark-packs-");
        this.removePacks = new Thread(() -> Scratch.delete(packsDir), "osr-spark-packs-removal");
        Runtime.getRuntime().addShutdownHook(removePacks);
        List<Path> rules = job.packs().writeTo(packsDir);
        List<RulePack> packs = ShippedPacks.load(rules, job.packs().noBundled());
        this.judge = new Judge(Action.fromId(job.failOn()));
        Masking masking = Masking.of(packs);
        Fingerprint fingerprint = Fingerprint.withKey(job.fingerprintKey());
        this.names = new ItemNames(masking.plain(), fingerprint);
        List<String> reviewArgs = new ArrayList<>(PackSources.arguments(rules, job.packs().noBundled()));
        if (!"off".equals(job.ocr())) {
            reviewArgs.addAll(List.of("--ocr", job.ocr()));
        }
        reviewArgs.addAll(List.of("--fail-on", job.failOn()));
        WorkerSpec defaults = WorkerSpec.of(reviewArgs, job.timeoutSeconds());
        String logDir = System.getProperty("spark.yarn.app.container.log.dir");
        WorkerSpec spec = new WorkerSpec(defaults.java(), workerClassPath(), reviewArgs, job.timeoutSeconds(),
                WorkerSpec.DEFAULT_GRACE, job.workerHeap(), WorkerSpec.DEFAULT_GC,
                logDir == null ? null : Path.of(logDir, "osr-workers.log"));
        this.pool = new WorkerPool(spec, Runtime.getRuntime().availableProcessors(), masking, judge, fingerprint);
        this.config = new SweepState.Config(Version.VERSION, List.of(),
                packs.stream().map(p -> p.id() + "@" + p.version() + "#" + p.sha256()).toList(),
                job.ocr().toUpperCase(Locale.ROOT), job.hidden(), null, null, job.failOn());
    }

    /** This executor's reviewer for the job, made by the first task that asks; an earlier job's is closed. */
    static synchronized ExecutorReviewer of(JobConfig job) throws IOException, RulePackException {
        if (current != null && current.job.equals(job.job())) {
            return current;
        }
        if (current != null) {
            current.close();
        }
        current = new ExecutorReviewer(job);
        return current;
    }

    private void close() {
        pool.close();
        Scratch.delete(packsDir);
        Runtime.getRuntime().removeShutdownHook(removePacks);
    }

    /**
     * The class path of the children: the job's jar when osr runs from one (the shaded jar on a cluster: osr and its
     * libraries, without Spark), else this JVM's class path (tests, a development checkout).
     */
    static String workerClassPath() {
        try {
            Path here = Path.of(ExecutorReviewer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(here)) {
                return here.toString();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source to name: fall back to the class path
        }
        return System.getProperty("java.class.path");
    }
}
