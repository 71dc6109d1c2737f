package org.osr.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.osr.judge.Judge;
import org.osr.judge.Verdict;
import org.osr.ocr.OcrMode;
import org.osr.review.DocumentResult;
import org.osr.review.Fingerprint;
import org.osr.review.LocalReviewer;
import org.osr.review.Masking;
import org.osr.review.Reviewer;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.rules.RulePack;
import org.osr.worker.WorkerPool;
import org.osr.worker.WorkerSpec;

/**
 * Reviews every file under a folder in this process ({@code local}) or in {@code osr worker} children ({@code pool}),
 * on N threads, and prints files/s and peak RSS (VmHWM) of this process and of each child:
 * {@code WorkerBench FOLDER THREADS local|pool [GC-OPTION] [HEAP]}, e.g. {@code ../shared/bench 2 pool
 * -XX:+UseParallelGC 768m}. The first file of each thread is not timed (JVM start, Tika's registry).
 */
public final class WorkerBench {
    private WorkerBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        boolean pool = args[2].equals("pool");
        WorkerSpec spec = WorkerSpec.of(List.of(), 60)
                .withGc(args.length > 3 ? args[3] : WorkerSpec.DEFAULT_GC)
                .withHeap(args.length > 4 ? args[4] : WorkerSpec.DEFAULT_HEAP);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".tsv")).sorted().toList();
        }
        List<RulePack> packs = PackSources.assemble(PackSources.bundled(new PackLoader()), List.of(), false);
        Judge judge = new Judge(Action.REDACT);
        Fingerprint fingerprint = Fingerprint.withKey(new byte[32]);
        try (Reviewer reviewer = pool ? new WorkerPool(spec, threads, Masking.of(packs), judge, fingerprint)
                : LocalReviewer.of(packs, judge, OcrMode.OFF, Duration.ofSeconds(60), fingerprint)) {
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            List<Future<DocumentResult>> warm = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Path f = files.get(i);
                warm.add(executor.submit(() -> reviewer.review(f, f.toString())));
            }
            for (Future<DocumentResult> f : warm) {
                f.get();
            }
            long start = System.nanoTime();
            List<Future<DocumentResult>> results = new ArrayList<>();
            for (Path f : files.subList(threads, files.size())) {
                results.add(executor.submit(() -> reviewer.review(f, f.toString())));
            }
            int unreviewable = 0;
            for (Future<DocumentResult> r : results) {
                unreviewable += r.get().verdict() == Verdict.UNREVIEWABLE ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            executor.shutdown();
            StringBuilder children = new StringBuilder();
            if (reviewer instanceof WorkerPool p) {
                for (long pid : p.pids()) {
                    children.append(' ').append(peakRss(Path.of("/proc", Long.toString(pid), "status"))).append(" MB");
                }
            }
            System.out.printf("%s %s %s threads=%d files=%d %.1f s %.1f files/s %.1f ms/file unreviewable=%d "
                            + "rss: self %d MB, children%s%n", pool ? "pool" : "local", spec.gc(), spec.maxHeap(),
                    threads, results.size(), seconds, results.size() / seconds, seconds * 1000 / results.size(),
                    unreviewable, peakRss(Path.of("/proc/self/status")), children);
        }
    }

    private static long peakRss(Path status) throws java.io.IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
