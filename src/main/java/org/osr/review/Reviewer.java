package org.osr.review;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reviews one file into its masked {@link DocumentResult}: in this process, or in a supervised child process
 * ({@code org.osr.worker}). Safe to call from several threads at once; never throws for a bad file (one that cannot be
 * parsed, overruns its deadline, exhausts memory or kills the process reading it is {@code unreviewable} with the
 * problem named).
 */
public interface Reviewer extends AutoCloseable {
    /**
     * @throws IOException     only when the path itself cannot be read (missing, no permission)
     * @throws InternalFailure when osr's matcher or judge failed: a bug in osr, not a property of the file
     */
    DocumentResult review(Path file, String displayPath) throws IOException;

    /**
     * Reviews as {@link #review} does and also hands back everything that was read ({@code osr sweep --index} indexes
     * it); the document is null when nothing could be read (a child process that died on the file).
     */
    ResultWithDocument reviewWithDocument(Path file, String displayPath) throws IOException;

    /** A masked result, and the unmasked document it was made from (for the owner-only index, never for a report). */
    record ResultWithDocument(DocumentResult result, org.osr.extract.Document document) {
    }

    @Override
    void close();
}
