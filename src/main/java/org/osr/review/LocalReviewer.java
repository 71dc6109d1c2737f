package org.osr.review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.osr.extract.TikaExtractor;
import org.osr.judge.Judge;
import org.osr.match.RuleEngine;
import org.osr.ocr.OcrMode;
import org.osr.rules.RulePack;

/**
 * Reviews in this process: each calling thread borrows one of the {@link DocumentReviewer}s (made as threads need
 * them, so at most as many as threads call at once), and the opinion is masked into its {@link DocumentResult}. Used
 * by tests, small runs, and inside each {@code osr worker} child process, so a child's result is this one's.
 */
public final class LocalReviewer implements Reviewer {
    private final ConcurrentLinkedQueue<DocumentReviewer> idle = new ConcurrentLinkedQueue<>();
    private final Supplier<DocumentReviewer> more;
    private final Masking masking;
    private final Fingerprint fingerprint;

    public LocalReviewer(Supplier<DocumentReviewer> more, Masking masking, Fingerprint fingerprint) {
        this.more = more;
        this.masking = masking;
        this.fingerprint = fingerprint;
    }

    /** Reviews as {@code osr scan} does: Tika with osr's own passes, every pack's rules, the deadline per file. */
    public static LocalReviewer of(List<RulePack> packs, Judge judge, OcrMode ocr, Duration timeout,
                                   Fingerprint fingerprint) {
        Supplier<TikaExtractor> extractors = () -> new TikaExtractor(TikaExtractor.DEFAULT_CHAR_LIMIT, ocr);
        RuleEngine engine = new RuleEngine(packs);   // immutable: shared by every reviewer
        return new LocalReviewer(() -> new DocumentReviewer(extractors.get(), extractors, engine, judge, timeout),
                Masking.of(packs), fingerprint);
    }

    @Override
    public DocumentResult review(Path file, String displayPath) throws IOException {
        return reviewWithDocument(file, displayPath).result();
    }

    @Override
    public ResultWithDocument reviewWithDocument(Path file, String displayPath) throws IOException {
        DocumentReviewer reviewer = idle.poll();
        if (reviewer == null) {
            reviewer = more.get();
        }
        try {
            Opinion opinion = reviewer.review(file, displayPath);
            return new ResultWithDocument(DocumentResult.of(opinion, masking, fingerprint), opinion.document());
        } finally {
            idle.add(reviewer);
        }
    }

    /** Nothing to release: a reviewer's deadline thread is a daemon. */
    @Override
    public void close() {
    }
}
