package org.osr.review;

import java.util.List;
import org.osr.extract.Document;
import org.osr.judge.Verdict;
import org.osr.match.Hit;

/** The preliminary review opinion on one document: what was read, what was found, and the verdict. */
public record Opinion(Document document, List<Hit> findings, Verdict verdict, int exitCode, long durationMs) {
    public Opinion {
        findings = List.copyOf(findings);
    }
}
