package org.osr.review;

import java.util.List;
import java.util.Map;
import org.osr.extract.Document;
import org.osr.judge.Verdict;
import org.osr.match.Hit;

/**
 * The preliminary review opinion on one document: what was read, what was found, and the verdict.
 *
 * @param fileLines for findings of a text-like file, the line of the file itself where each stands ({@link FileLines});
 *                  looked up by the very hits of {@code findings}
 */
public record Opinion(Document document, List<Hit> findings, Verdict verdict, int exitCode, long durationMs,
                      Map<Hit, Integer> fileLines) {
    public Opinion {
        findings = List.copyOf(findings);
        // Keyed by identity: a hit's own hashCode walks its rule and its part's blocks, which made looking up each of
        // many findings cost as much as its whole document.
        fileLines = java.util.Collections.unmodifiableMap(new java.util.IdentityHashMap<>(fileLines));
    }

    public Opinion(Document document, List<Hit> findings, Verdict verdict, int exitCode, long durationMs) {
        this(document, findings, verdict, exitCode, durationMs, Map.of());
    }
}
