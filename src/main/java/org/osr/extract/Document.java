package org.osr.extract;

import java.util.List;

/**
 * What the extractor read from one file: its identity, its text layers and how completely they were read.
 *
 * @param path  the path as the user named it (reports show it unchanged)
 * @param title the document's own title (metadata), or its first line when it has none; may be null
 */
public record Document(String path, String sha256, long size, String mediaType, String title, List<Part> parts,
                       Coverage coverage) {
    public Document {
        parts = List.copyOf(parts);
    }

    /**
     * A document of which no text was read: its identity and why. The one constructor of such a document, for an
     * empty file ({@link TikaExtractor}) and for a file whose reading failed or was abandoned
     * ({@code review.DocumentReviewer}).
     */
    public static Document unread(String path, String sha256, long size, String mediaType, List<Problem> problems) {
        return new Document(path, sha256, size, mediaType, null, List.of(), Coverage.of(List.of(), null, problems));
    }

    /** The same document with one more coverage problem (which makes it incomplete). */
    public Document withProblem(Problem problem) {
        List<Problem> problems = new java.util.ArrayList<>(coverage.problems());
        problems.add(problem);
        return new Document(path, sha256, size, mediaType, title, parts,
                new Coverage(false, coverage.parts(), coverage.pages(), coverage.characters(), problems,
                        coverage.images(), coverage.ocr()));
    }

    /** The body text, pages joined, for the report's abstract. */
    public String bodyText() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p.kind() == PartKind.BODY && p.embeddedPath() == null) {
                sb.append(p.text()).append('\n');
            }
        }
        return sb.toString();
    }
}
