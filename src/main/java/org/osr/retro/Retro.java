package org.osr.retro;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.search.Query;
import org.osr.extract.Document;
import org.osr.index.IndexedArchive;
import org.osr.judge.Judge;
import org.osr.judge.Verdict;
import org.osr.match.RuleEngine;
import org.osr.review.DocumentResult;
import org.osr.review.DocumentReviewer;
import org.osr.review.Fingerprint;
import org.osr.review.Masking;
import org.osr.rules.Rule;

/**
 * Runs rule packs against the archive index instead of the files: each rule's {@link CandidateQueries} pick the files
 * that can hold a hit, each of those is rebuilt from the index and reviewed by the matcher and judge {@code scan}
 * uses ({@link DocumentReviewer#reviewRead}), and every other file is judged on its coverage alone, since no rule can
 * match it. Nothing is extracted again. When some rule cannot be narrowed, every file is a candidate: slower, as
 * exact.
 */
public final class Retro {
    private final RuleEngine engine;
    private final Judge judge;
    private final Masking masking;
    private final Fingerprint fingerprint;

    /** What a run looked at. */
    public record Stats(int files, int candidates, List<String> everyPageRules) {
    }

    /** Receives each result to report. */
    @FunctionalInterface
    public interface Results {
        void result(DocumentResult result) throws IOException;
    }

    /** Counts a document that is not reported on its own (a complete file no rule can match). */
    @FunctionalInterface
    public interface Counted {
        void count(Verdict verdict, int exitCode);
    }

    public Retro(RuleEngine engine, Judge judge, Masking masking, Fingerprint fingerprint) {
        this.engine = engine;
        this.judge = judge;
        this.masking = masking;
        this.fingerprint = fingerprint;
    }

    /** The rules whose candidates are every page. */
    public List<String> everyPageRules() {
        return engine.rules().stream().filter(r -> CandidateQueries.forRule(r) == null).map(Rule::id).toList();
    }

    /**
     * Reviews every file of the archive, in path order. A file with findings, or not read completely, is handed to
     * {@code results}; so is every other file when {@code all} is set, else it is only counted.
     */
    public Stats run(IndexedArchive archive, boolean all, Results results, Counted counted) throws IOException {
        List<IndexedArchive.File> files = archive.files();
        List<String> everyPage = everyPageRules();
        Set<String> candidates;
        if (everyPage.isEmpty()) {
            candidates = new HashSet<>();
            for (Query q : leafQueries()) {
                candidates.addAll(archive.pathsMatching(q));
            }
        } else {
            candidates = null;
        }
        int candidateCount = 0;
        Verdict clean = judge.verdict(DocumentResult.strongestCounting(List.of()), true);
        // Rebuilding and matching run on every processor; results are reported in path order.
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "osr-retro");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<DocumentResult>> ahead = new ArrayDeque<>();
        try {
            for (IndexedArchive.File file : files) {
                boolean candidate = candidates == null || candidates.contains(file.path());
                if (!candidate && file.complete() && !all) {
                    counted.count(clean, judge.exitCode(clean));
                    continue;
                }
                candidateCount += candidate ? 1 : 0;
                ahead.add(pool.submit(() -> review(archive, file.path(), candidate)));
                if (ahead.size() > 2 * threads) {
                    report(ahead.poll(), all, results, counted);
                }
            }
            while (!ahead.isEmpty()) {
                report(ahead.poll(), all, results, counted);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Stats(files.size(), candidateCount, everyPage);
    }

    private DocumentResult review(IndexedArchive archive, String path, boolean candidate) throws IOException {
        Document doc = archive.document(path);
        return DocumentResult.of(candidate ? DocumentReviewer.reviewRead(doc, source(doc.path()), engine, judge)
                : DocumentReviewer.withoutFindings(doc, judge), masking, fingerprint);
    }

    private static void report(Future<DocumentResult> next, boolean all, Results results, Counted counted)
            throws IOException {
        DocumentResult result;
        try {
            result = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (all || !result.findings().isEmpty() || result.verdict() != Verdict.PUBLISHABLE) {
            results.result(result);
        } else {
            counted.count(result.verdict(), result.exitCode());
        }
    }

    /** Every rule's queries, each distinct one once (many rules share 绝密, 机密, 秘密). */
    private Set<Query> leafQueries() {
        Set<Query> queries = new LinkedHashSet<>();
        for (Rule r : engine.rules()) {
            queries.addAll(CandidateQueries.forRule(r));
        }
        return queries;
    }

    /** Where the indexed document was read from, for its findings' file lines; null when its path names no file. */
    private static Path source(String path) {
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
