package org.osr.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to launch one {@code osr worker} child JVM: this JVM's {@code java} and class path, a heap cap, the collector,
 * the review's own arguments (rule packs, {@code --ocr}, {@code --fail-on}) and its per-file deadline.
 *
 * <p>Full tiered JIT (no {@code TieredStopAtLevel=1} as the one-shot launcher uses): a worker lives for thousands of
 * files, and C2 pays for itself after a few dozen. Serial GC: measured on the bench it is as fast as Parallel GC for
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
                "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Djava.io.tmpdir=" + tmpdir,
                "-cp", classPath, "org.osr.cli.Main", "worker"));
        command.addAll(reviewArgs);
        command.add("--timeout");
        command.add(Integer.toString(timeoutSeconds));
        return command;
    }
}
