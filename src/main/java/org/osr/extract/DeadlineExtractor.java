package org.osr.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Gives each file a deadline. The parse runs on a worker thread; a parser that overruns is abandoned (its thread is
 * interrupted and left behind as a daemon, a fresh worker and extractor take over) and the file is
 * {@code unreviewable} with problem {@code timeout}, so one pathological file never stalls the others. A parse that
 * runs out of memory or overflows its stack ends the same way, as {@code truncated}, instead of ending the run.
 * (Sweeps over archives isolate parsers in child processes; see ARCHITECTURE.md.)
 */
public final class DeadlineExtractor implements Extractor {
    private final Supplier<? extends Extractor> factory;
    private final Duration timeout;
    private Extractor extractor;
    private ExecutorService worker;

    public DeadlineExtractor(Supplier<? extends Extractor> factory, Duration timeout) {
        this(factory.get(), factory, timeout);
    }

    /** Starts with an extractor already built (e.g. on another thread), making new ones only after a timeout. */
    public DeadlineExtractor(Extractor first, Supplier<? extends Extractor> factory, Duration timeout) {
        this.factory = factory;
        this.timeout = timeout;
        this.extractor = first;
        this.worker = newWorker();
    }

    @Override
    public synchronized Document extract(Path file, String displayPath) throws IOException {
        Extractor current = extractor;
        Future<Document> parse = worker.submit(() -> current.extract(file, displayPath));
        try {
            return parse.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            extractor = factory.get();
            return failed(file, displayPath, new Problem(Problem.TIMEOUT, "reading the file took longer than "
                    + timeout.toSeconds() + " s (--timeout); it was abandoned and is unreviewed"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError) {
                extractor = factory.get();
                return failed(file, displayPath, new Problem(Problem.TRUNCATED, "reading the file exhausted "
                        + (cause instanceof OutOfMemoryError ? "memory" : "the stack")
                        + "; it is unreviewed (" + cause + ")"));
            }
            return failed(file, displayPath, new Problem(Problem.CORRUPT, "osr failed while reading this file: "
                    + cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + displayPath, e);
        }
    }

    private static Document failed(Path file, String displayPath, Problem problem) throws IOException {
        long size = java.nio.file.Files.size(file);
        return new Document(displayPath, TikaExtractor.sha256(file), size, null, null, List.of(),
                Coverage.of(List.of(), null, List.of(problem)));
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "osr-parse");
            t.setDaemon(true);
            return t;
        });
    }
}
