package org.osr.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reviews many files on {@code jobs} threads and hands the outcomes back in the order of the inputs, while later files
 * are already being read. Each thread borrows one of at most {@code jobs} {@link DocumentReviewer}s, each with its own
 * extractor and deadline worker (a reviewer reviews one file at a time); the rule engine and judge inside them may be
 * shared. At most {@code 2 × jobs} files are in flight, so a run over 100 000 files holds a handful of documents.
 * With one job the files are reviewed one after the other on the caller's turn, as before.
 */
public final class ParallelReviews implements AutoCloseable {
    private final int jobs;
    private final ConcurrentLinkedQueue<DocumentReviewer> idle = new ConcurrentLinkedQueue<>();
    private final Supplier<DocumentReviewer> more;
    private final ExecutorService pool;

    /**
     * @param first the reviewer to start with (its extractor may have been built while the rule packs loaded)
     * @param more  makes another reviewer, with its own extractor, when a thread finds none idle
     */
    public ParallelReviews(int jobs, DocumentReviewer first, Supplier<DocumentReviewer> more) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        this.jobs = jobs;
        this.more = more;
        idle.add(first);
        AtomicInteger threads = new AtomicInteger();
        this.pool = jobs == 1 ? null : Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "osr-job-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * What became of one input: its opinion, or what {@link DocumentReviewer#review} threw. {@code startNanos} and
     * {@code endNanos} ({@link System#nanoTime()}) say when its review ran.
     */
    public record Outcome<T>(T input, Opinion reviewed, Throwable failure, long startNanos, long endNanos) {
        /**
         * The opinion, or the review's own exception as if the review had been called here.
         *
         * @throws IOException only when the path itself cannot be read (missing, no permission)
         */
        public Opinion opinion() throws IOException {
            if (failure instanceof IOException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return reviewed;
        }
    }

    /**
     * The outcomes of reviewing {@code inputs}, in their order. Files are submitted as the iterator is consumed, at
     * most {@code 2 × jobs} ahead of it.
     */
    public <T> Iterator<Outcome<T>> review(List<T> inputs, Function<T, Path> file, Function<T, String> displayPath) {
        return new Iterator<>() {
            private final Iterator<T> pending = inputs.iterator();
            private final Deque<Future<Outcome<T>>> inFlight = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                return !inFlight.isEmpty() || pending.hasNext();
            }

            @Override
            public Outcome<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (pool == null) {
                    return reviewOne(pending.next(), file, displayPath);
                }
                while (inFlight.size() < 2 * jobs && pending.hasNext()) {
                    T input = pending.next();
                    inFlight.add(pool.submit(() -> reviewOne(input, file, displayPath)));
                }
                return await(inFlight.removeFirst());
            }
        };
    }

    private <T> Outcome<T> reviewOne(T input, Function<T, Path> file, Function<T, String> displayPath) {
        // At most `jobs` threads hold a reviewer at once, so at most `jobs` reviewers are ever made.
        DocumentReviewer reviewer = idle.poll();
        if (reviewer == null) {
            reviewer = more.get();
        }
        long start = System.nanoTime();
        try {
            Opinion opinion = reviewer.review(file.apply(input), displayPath.apply(input));
            return new Outcome<>(input, opinion, null, start, System.nanoTime());
        } catch (IOException | RuntimeException | Error e) {
            return new Outcome<>(input, null, e, start, System.nanoTime());
        } finally {
            idle.add(reviewer);
        }
    }

    private static <T> Outcome<T> await(Future<Outcome<T>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a review", e);
        } catch (ExecutionException e) {
            // reviewOne catches everything a review throws; this is a failure of the pool itself
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Abandons the reviews not yet handed out (a run that stops early). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
