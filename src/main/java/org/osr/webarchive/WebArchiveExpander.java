package org.osr.webarchive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.osr.judge.Verdict;
import org.osr.sweep.ArchiveExpander;
import org.osr.sweep.ManifestEntry;
import org.osr.sweep.SweepItem;

/**
 * A sweep's web-archive inputs: each WARC or WACZ becomes its records; a fault of the archive itself (cut short,
 * corrupt, not an archive) becomes an {@code error} line of the manifest, so the archive is never counted as read.
 */
public final class WebArchiveExpander implements ArchiveExpander {
    @Override
    public boolean isArchive(Path file) {
        return WebArchives.isWebArchive(file);
    }

    @Override
    public void expand(Path archive, String shown, String archiveKey, Path scratch, Consumer<SweepItem> found,
                       Consumer<ManifestEntry> problem) throws IOException {
        try (ArchiveItems items = WebArchives.open(archive, shown, scratch, p -> problem.accept(
                new ManifestEntry(p.where(), "archive:" + archiveKey + "|" + p.where()
                        + "|" + p.code(), "archive", shown, -1, null, null, null, ManifestEntry.ERROR,
                        Verdict.UNREVIEWABLE, List.of(), null, p.code() + ": " + p.message(), null)))) {
            while (items.hasNext()) {
                found.accept(items.next());
            }
        }
    }
}
