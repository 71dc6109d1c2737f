package org.osr.sweep;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.osr.extract.Document;
import org.osr.index.PartIndex;

/**
 * What {@code osr sweep --index DIR} keeps in the archive index: the parts of every item the sweep lists, under the
 * item's path (a web-archive capture under its URL and capture time), each file record naming the sweep (its output
 * folder) and the item's key. A revisit record, which carries no payload, is not indexed: its text is its original
 * capture's.
 *
 * <p>Staying true without a second journal: the index commits every so often, and a resumed sweep asks the index,
 * for each item an earlier life of the run listed, whether it holds that item's bytes (its SHA-256); an item whose
 * parts were lost with an uncommitted batch is read again for the index only. At the end, items this sweep indexed
 * before and no longer lists are removed.
 */
final class SweepIndex implements Closeable {
    private static final long COMMIT_EVERY_NANOS = 30_000_000_000L;
    /** Tests make the index commit more often, to kill a sweep between commits. */
    static final String COMMIT_EVERY_PROPERTY = "osr.sweep.indexCommitEvery";
    private static final int COMMIT_EVERY_ITEMS = Integer.getInteger(COMMIT_EVERY_PROPERTY, 2_000);

    private final PartIndex index;
    private final String scope;
    private long lastCommit = System.nanoTime();
    private int uncommitted;
    private int added;
    private int removed;

    private SweepIndex(PartIndex index, String scope) {
        this.index = index;
        this.scope = scope;
    }

    /** @throws org.osr.index.StaleIndexException when another extractor or normalizer version built it */
    static SweepIndex open(Path dir, Path out) throws IOException {
        return new SweepIndex(PartIndex.open(dir), out.toAbsolutePath().normalize().toString());
    }

    /** The name an item has in the index: its path or URL; a capture's URL with its capture time. */
    static String pathOf(SweepItem item) {
        return item.captured() == null ? item.item() : item.item() + " @ " + item.captured();
    }

    /** Whether the index holds these bytes for the item (thread-safe: reads the index as it was opened). */
    boolean holds(SweepItem item, String sha256) throws IOException {
        return sha256 != null && sha256.equals(index.indexedSha256(pathOf(item)));
    }

    /** Indexes what was read of the item; nothing read (a worker died on it) removes what the index held. */
    void add(SweepItem item, Document read) throws IOException {
        if (read == null) {
            remove(item);
            return;
        }
        Document named = new Document(pathOf(item), read.sha256(), read.size(), read.mediaType(), read.title(),
                read.parts(), read.coverage());
        if (index.add(named, scope, item.key()) != PartIndex.Change.UNCHANGED) {
            added++;
            changed();
        }
    }

    /** The item could not be read this time: the index must not answer for text it no longer has. */
    void remove(SweepItem item) throws IOException {
        index.remove(pathOf(item));
        changed();
    }

    private void changed() throws IOException {
        uncommitted++;
        if (uncommitted >= COMMIT_EVERY_ITEMS || System.nanoTime() - lastCommit >= COMMIT_EVERY_NANOS) {
            commit();
        }
    }

    private void commit() throws IOException {
        index.commit();
        uncommitted = 0;
        lastCommit = System.nanoTime();
    }

    /** Removes the items this sweep indexed before and no longer lists, and commits. */
    void finish(Predicate<String> listed) throws IOException {
        removed = index.removeGone(scope, listed);
        commit();
    }

    /** Items whose parts were added or replaced. */
    int added() {
        return added;
    }

    /** Items removed because the sweep no longer lists them. */
    int removed() {
        return removed;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
