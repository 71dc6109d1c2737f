package org.osr.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Opens the web archives found among a sweep's inputs into their records ({@code org.osr.webarchive}). */
public interface ArchiveExpander {
    boolean isArchive(Path file);

    /**
     * Hands each record of the archive to {@code found} as it is read, and each fault no record carries (an archive
     * cut short, a corrupt member) to {@code problem} as a manifest line.
     *
     * @param archiveKey the archive's identity, which the keys of its faults start from: its absolute path, or for a
     *                   copy of an archive on another file system, its URI there
     */
    void expand(Path archive, String shown, String archiveKey, Path scratch, Consumer<SweepItem> found,
                Consumer<ManifestEntry> problem) throws IOException;
}
