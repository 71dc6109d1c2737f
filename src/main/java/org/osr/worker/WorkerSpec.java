package org.osr.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to launch one {@code osr worker} child JVM: this JVM's {@code java} and class path, a heap cap, the collector,
 * the review's own arguments (rule packs, {@code --ocr}, {@code --fail-on}) and its per-file deadline.
 *
 * <p>The client compiler only ({@code TieredStopAtLevel=1}, as the launcher): measured over the 900 bench files with two
 * children on two processors, C2 cost each child 28 s of CPU against 16 s with C1 alone (wall 32 s against 20 s) —
 * two children compiling the same code with C2 while both processors are busy reviewing never earns it back; raised
 * C2 thresholds gave 22 s. The launcher's class-data archive ({@code osr.cds.archive}) is shared when there is one
 * (about 1 s of CPU less per child). Serial GC: measured on the bench it is as fast as Parallel GC for
 * one-document-at-a-time heaps of this size and keeps each child's footprint smaller (see the README). The JVM's own
 * messages are sent to standard error, so nothing but replies reaches the protocol stream.
 *
 * @param reviewArgs     arguments of {@code osr worker} other than {@code --timeout}: pack options, {@code --ocr MODE}
 * @param timeoutSeconds the review's deadline per file; the supervisor's is this plus {@code grace}
 * @param grace          time the child has, after its own deadline, to answer (it hashes the file and judges)
 * @param maxHeap        {@code -Xmx} of each child, e.g. {@code 768m}
 * @param log            file each child's standard error is appended to; null discards it
 */
public record WorkerSpec(Path java, String classPath, List<String> reviewArgs, int timeoutSeconds, Duration grace,
                         String maxHeap, String gc, Path log) {
    public static final String DEFAULT_HEAP = "768m";
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);
    public static final String DEFAULT_GC = "-XX:+UseSerialGC";

    public WorkerSpec {
        reviewArgs = List.copyOf(reviewArgs);
    }

    /** Children of this JVM (its {@code java}, its class path) with the defaults. */
    public static WorkerSpec of(List<String> reviewArgs, int timeoutSeconds) {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        return new WorkerSpec(java, System.getProperty("java.class.path"), reviewArgs, timeoutSeconds, DEFAULT_GRACE,
                DEFAULT_HEAP, DEFAULT_GC, null);
    }

    public WorkerSpec withHeap(String heap) {
        return new WorkerSpec(java, classPath, reviewArgs, timeoutSeconds, grace, heap, gc, log);
    }

    public WorkerSpec withGrace(Duration more) {
        return new WorkerSpec(java, classPath, reviewArgs, timeoutSeconds, more, maxHeap, gc, log);
    }

    public WorkerSpec withGc(String option) {
        return new WorkerSpec(java, classPath, reviewArgs, timeoutSeconds, grace, maxHeap, option, log);
    }

    public WorkerSpec withLog(Path file) {
        return new WorkerSpec(java, classPath, reviewArgs, timeoutSeconds, grace, maxHeap, gc, file);
    }

    /** The supervisor's deadline for one file: past it the child is taken to hang, and is killed. */
    public Duration deadline() {
        return Duration.ofSeconds(timeoutSeconds).plus(grace);
    }

    /** The command line of one child whose temporary files go to {@code tmpdir}. */
    public List<String> command(Path tmpdir) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + maxHeap, "-Xss4m", gc,
                "-XX:TieredStopAtLevel=1",
                "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Djava.io.tmpdir=" + tmpdir,
                "-cp", classPath));
        String archive = System.getProperty("osr.cds.archive");
        if (archive != null && Files.isReadable(Path.of(archive))) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"));
        }
        String extra = System.getenv("OSR_WORKER_JAVA_OPTS");   // JVM options for the children only, e.g. GC logging
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        command.addAll(List.of("org.osr.cli.Main", "worker"));
        command.addAll(reviewArgs);
        command.add("--timeout");
        command.add(Integer.toString(timeoutSeconds));
        return command;
    }
}
