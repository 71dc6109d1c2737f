package org.osr.judge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osr.extract.Document;
import org.osr.extract.Extractor;
import org.osr.extract.Part;
import org.osr.match.Hit;
import org.osr.match.RuleEngine;

/** The whole per-file pipeline: extract, normalize and match every part, judge. Thread-safe. */
public final class DocumentReviewer {
    private final Extractor extractor;
    private final RuleEngine engine;
    private final Judge judge;

    public DocumentReviewer(Extractor extractor, RuleEngine engine, Judge judge) {
        this.extractor = extractor;
        this.engine = engine;
        this.judge = judge;
    }

    public Opinion review(Path file, String displayPath) throws IOException {
        long start = System.nanoTime();
        Document doc = extractor.extract(file, displayPath);
        List<Hit> hits = new ArrayList<>();
        for (Part part : doc.parts()) {
            hits.addAll(engine.match(part));
        }
        Verdict verdict = judge.verdict(hits, doc.coverage());
        return new Opinion(doc, hits, verdict, judge.exitCode(verdict), (System.nanoTime() - start) / 1_000_000);
    }
}
