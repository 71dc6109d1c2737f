package org.osr.clean;

import java.io.IOException;
import java.nio.file.Path;
import org.osr.review.Redactor;

/** Writes the publication copy of one file format. A new format is one class and one line in {@link Cleaners}. */
public interface FormatCleaner {
    /** The format's name as the summary prints it: {@code DOCX}. */
    String name();

    /** Whether this cleaner reads {@code file}, judged from its name and its first bytes. */
    boolean reads(Path file, byte[] head);

    /**
     * Writes the cleaned copy of {@code source} to {@code target}.
     *
     * @param redactor masks the document's personal data, keeping every character's position
     * @throws CleanRefusal when the copy cannot be made exactly; nothing useful is in {@code target} then
     */
    Removals clean(Path source, Path target, Redactor redactor) throws IOException, CleanRefusal;
}
