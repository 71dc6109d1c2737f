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

    @Override
    void close();
}
