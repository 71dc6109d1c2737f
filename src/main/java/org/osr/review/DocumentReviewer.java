package org.osr.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.osr.extract.Document;
import org.osr.extract.Extractor;
import org.osr.extract.Part;
import org.osr.extract.Problem;
import org.osr.judge.Judge;
import org.osr.judge.Verdict;
import org.osr.match.Hit;
import org.osr.match.MatchInterruptedException;
import org.osr.match.RuleEngine;
import org.osr.source.Digests;
import org.osr.source.FileState;

/**
 * The whole per-file pipeline: extract, normalize and match every part, judge.
 *
 * <p>The deadline ({@code --timeout}) covers reading and matching together: the work runs on a worker thread, and a
 * file that overruns is abandoned (the thread is interrupted and left behind as a daemon; a fresh worker and
 * extractor take over) and is {@code unreviewable} with problem {@code timeout}. Running out of memory or stack ends
 * the same way, as {@code truncated}, instead of ending the run; so does a parser's exception ({@code corrupt}). An
 * exception of the matcher or the judge is a bug in osr, never a property of the file ({@link InternalFailure}).
 *
 * <p>The file's state (inode, size, times) is taken before it is hashed and again after it was read; a file changed
 * or replaced in between is {@code unreviewable} ({@code changed-while-reading}), so a hash never vouches for text
 * that came from another file.
 */
public final class DocumentReviewer {
    private final Supplier<? extends Extractor> factory;
    private final RuleEngine engine;
    private final Judge judge;
    private final Duration timeout;
    private Extractor extractor;
    private ExecutorService worker;

    /** Without a deadline: reads and matches on the calling thread. */
    public DocumentReviewer(Extractor extractor, RuleEngine engine, Judge judge) {
        this(extractor, () -> extractor, engine, judge, null);
    }

    /**
     * @param first   the extractor to start with (e.g. built on another thread)
     * @param factory makes a replacement after a timeout or an exhausted memory, with the same options
     */
    public DocumentReviewer(Extractor first, Supplier<? extends Extractor> factory, RuleEngine engine, Judge judge,
                            Duration timeout) {
        this.factory = factory;
        this.engine = engine;
        this.judge = judge;
        this.timeout = timeout;
        this.extractor = first;
        this.worker = timeout == null ? null : newWorker();
    }

    /**
     * Never throws for a bad file: one that cannot be parsed, overruns its deadline or exhausts memory or stack is
     * {@code unreviewable} with the problem named.
     *
     * @throws IOException      only when the path itself cannot be read (missing, no permission)
     * @throws InternalFailure  when the matcher or the judge threw: a bug in osr, not a property of the file
     */
    public synchronized Opinion review(Path file, String displayPath) throws IOException {
        long start = System.nanoTime();
        FileState before = FileState.of(file);
        Reviewed reviewed = timeout == null ? read(extractor, file, displayPath) : readWithDeadline(file, displayPath);
        if (reviewed.exhausted()) {
            extractor = factory.get();
        }
        Document doc = reviewed.document();
        if (!unchanged(file, before)) {
            doc = doc.withProblem(new Problem(Problem.CHANGED, "the file was changed or replaced while osr read it; "
                    + "review it again when it is no longer being written"));
        }
        return judged(doc, reviewed.hits(), judge, start, FileLines.of(file, doc, reviewed.hits()));
    }

    /**
     * Matches and judges a document read earlier (an archive index's), exactly as {@link #review} does once it has
     * read a file: the same matching of every part, the same judge. {@code file} is where the document was read
     * from; its lines are looked up for the findings' file lines only while it still holds the bytes that were read.
     *
     * @throws InternalFailure when the matcher or the judge threw
     */
    public static Opinion reviewRead(Document doc, java.nio.file.Path file, RuleEngine engine, Judge judge) {
        long start = System.nanoTime();
        List<Hit> hits = matched(doc, engine);
        return judged(doc, hits, judge, start, FileLines.ofUnchanged(file, doc, hits));
    }

    /**
     * The opinion on a document read earlier that no rule can match (no page of it holds what any rule needs), judged
     * as {@link #reviewRead} would judge it, without matching its text.
     */
    public static Opinion withoutFindings(Document doc, Judge judge) {
        return judged(doc, List.of(), judge, System.nanoTime(), java.util.Map.of());
    }

    private static List<Hit> matched(Document doc, RuleEngine engine) {
        List<Hit> hits = new ArrayList<>();
        try {
            for (Part part : doc.parts()) {
                hits.addAll(engine.match(part));
            }
        } catch (MatchInterruptedException e) {
            throw e;   // abandoned at its deadline; nobody reads this result
        } catch (RuntimeException e) {
            throw new InternalFailure(doc.path(), "matching", e);
        }
        return hits;
    }

    private static Opinion judged(Document doc, List<Hit> hits, Judge judge, long startNanos,
                                  java.util.Map<Hit, Integer> fileLines) {
        try {
            Verdict verdict = judge.verdict(hits, doc.coverage());
            return new Opinion(doc, hits, verdict, judge.exitCode(verdict), (System.nanoTime() - startNanos) / 1_000_000,
                    fileLines);
        } catch (RuntimeException e) {
            throw new InternalFailure(doc.path(), "judging", e);
        }
    }

    private Reviewed read(Extractor current, Path file, String displayPath) throws IOException {
        try {
            Document doc;
            try {
                doc = current.extract(file, displayPath);
            } catch (RuntimeException e) {
                // A parser bug met on one file must not end the run or let the file pass: the file is unreviewable.
                return failed(file, displayPath, new Problem(Problem.CORRUPT, "osr failed while reading this file: "
                        + e), false);
            }
            return new Reviewed(doc, matched(doc, engine), false);
        } catch (OutOfMemoryError | StackOverflowError e) {
            return failed(file, displayPath, new Problem(Problem.TRUNCATED, "reading the file exhausted "
                    + (e instanceof OutOfMemoryError ? "memory" : "the stack") + "; it is unreviewed (" + e + ")"), true);
        }
    }

    private Reviewed readWithDeadline(Path file, String displayPath) throws IOException {
        Extractor current = extractor;
        Future<Reviewed> work = worker.submit(() -> read(current, file, displayPath));
        try {
            return work.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return failed(file, displayPath, new Problem(Problem.TIMEOUT, "reading and checking the file took longer "
                    + "than " + timeout.toSeconds() + " s (--timeout); it was abandoned and is unreviewed"), true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InternalFailure bug) {
                throw bug;
            }
            throw new InternalFailure(displayPath, "reviewing", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + displayPath, e);
        }
    }

    /**
     * A file osr could not finish (failed, timed out, exhausted memory or stack, killed the process reading it): its
     * identity, no text, and why. The one place such a result is built.
     */
    private static Reviewed failed(Path file, String displayPath, Problem problem, boolean exhausted) {
        return new Reviewed(unread(file, displayPath, problem), List.of(), exhausted);
    }

    /**
     * The opinion on a file whose reading could not finish, as {@code review} gives it: {@code unreviewable} with
     * {@code problem} (a supervisor whose child process died or hung on the file builds its result here).
     */
    public static Opinion unreviewable(Path file, String displayPath, Problem problem, Judge judge, long durationMs) {
        Document doc = unread(file, displayPath, problem);
        Verdict verdict = judge.verdict(List.of(), doc.coverage());
        return new Opinion(doc, List.of(), verdict, judge.exitCode(verdict), durationMs);
    }

    /**
     * Only a regular file is hashed: opening a FIFO or a device to hash it can block forever, and must not hang the
     * process that is reporting the failure.
     */
    private static Document unread(Path file, String displayPath, Problem problem) {
        long size = -1;
        String sha256 = null;
        try {
            if (Files.isRegularFile(file)) {
                size = Files.size(file);
                sha256 = Digests.sha256(file);
            }
        } catch (IOException e) {
            size = -1;
            sha256 = null;
        }
        return Document.unread(displayPath, sha256, size, null, List.of(problem));
    }

    private static boolean unchanged(Path file, FileState before) {
        try {
            return before.sameAs(FileState.of(file));
        } catch (IOException e) {
            return false;   // deleted or made unreadable while it was read
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "osr-review");
            t.setDaemon(true);
            return t;
        });
    }

    private record Reviewed(Document document, List<Hit> hits, boolean exhausted) {
    }
}
