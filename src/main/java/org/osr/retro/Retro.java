package org.osr.retro;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
        for (IndexedArchive.File file : files) {
            boolean candidate = candidates == null || candidates.contains(file.path());
            if (!candidate && file.complete() && !all) {
                counted.count(clean, judge.exitCode(clean));
                continue;
            }
            Document doc = archive.document(file.path());
            DocumentResult result;
            if (candidate) {
                candidateCount++;
                result = DocumentResult.of(DocumentReviewer.reviewRead(doc, source(doc.path()), engine, judge),
                        masking, fingerprint);
            } else {
                result = DocumentResult.of(DocumentReviewer.withoutFindings(doc, judge), masking, fingerprint);
            }
            if (all || !result.findings().isEmpty() || result.verdict() != Verdict.PUBLISHABLE) {
                results.result(result);
            } else {
                counted.count(result.verdict(), result.exitCode());
            }
        }
        return new Stats(files.size(), candidateCount, everyPage);
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
