package org.osr.extract;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a file into labelled text parts. Implementations never throw for a bad document: an encrypted, corrupt or
 * unreadable file comes back with problems in its coverage. {@link IOException} means the path itself could not be
 * read (missing, no permission).
 */
public interface Extractor {
    Document extract(Path file, String displayPath) throws IOException;
}
