package org.osr.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.osr.source.Digests;
import org.osr.source.FolderWalk;
import org.osr.source.Inputs;

/**
 * The producer side of a sweep, on its own thread: walks the inputs (folders stream, archives expand into their
 * records), leaves out what another shard, {@code --since} or an earlier life of this run already covers, and for
 * the rest does the I/O the coordinator must not wait on — the file's state, its SHA-256, the earlier sweep's line —
 * before handing each on, a bounded queue ahead of the reviews.
 */
final class ItemFeed implements Runnable {
    /** What the feed hands on. */
    sealed interface Event permits Found, Listed, End {
    }

    /**
     * An item to account for.
     *
     * @param sha256    of its bytes (null for a revisit record)
     * @param unchanged the earlier sweep's line when the item is the same as then (size and time, or SHA-256)
     * @param indexOnly  an earlier life of this run listed the item, but the index lost its parts (killed before
     *                   they were committed): it is read again for the index only
     */
    record Found(SweepItem item, String sha256, ManifestEntry unchanged, boolean indexOnly) implements Event {
        Found(SweepItem item, String sha256, ManifestEntry unchanged) {
            this(item, sha256, unchanged, false);
        }
    }

    /** An entry with nothing to review: an input error or a skipped entry. */
    record Listed(ManifestEntry entry) implements Event {
    }

    /** The end of the inputs; {@code failure} when the feed itself broke (a bug), else null. */
    record End(Throwable failure) implements Event {
    }

    private final List<String> inputs;
    private final List<StagedInput> staged;
    private final Inputs.Options options;
    private final Shard shard;
    private final Instant since;
    private final Journal journal;
    private final ArchiveExpander archives;
    private final Path scratch;
    private final BlockingQueue<Event> queue;
    private final SweepIndex index;

    private int copies;

    /** @param index the archive index the sweep keeps ({@code --index}), or null */
    ItemFeed(List<String> inputs, List<StagedInput> staged, Inputs.Options options, Shard shard, Instant since,
             Journal journal, ArchiveExpander archives, Path scratch, BlockingQueue<Event> queue, SweepIndex index) {
        this.index = index;
        this.inputs = inputs;
        this.staged = staged;
        this.options = options;
        this.shard = shard;
        this.since = since;
        this.journal = journal;
        this.archives = archives;
        this.scratch = scratch;
        this.queue = queue;
    }

    @Override
    public void run() {
        Throwable failure = null;
        try {
            for (String input : inputs) {
                input(input);
            }
            for (StagedInput input : staged) {
                staged(input);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException | Error | IOException e) {
            failure = e;
        }
        try {
            queue.put(new End(failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void input(String shown) throws IOException, InterruptedException {
        Path path = Path.of(shown);
        if (Files.isDirectory(path)) {
            FolderWalk.walk(path, shown, options, new FolderWalk.Visitor() {
                @Override
                public void file(Inputs.Input input) {
                    offer(() -> ItemFeed.this.file(input.file(), input.displayPath()));
                }

                @Override
                public void error(Inputs.InputError error) {
                    offer(() -> listError(error.path(), error.path(), error.code() + ": " + error.message()));
                }

                @Override
                public void skipped(Inputs.Skipped entry) {
                    offer(() -> listSkipped(entry.path(), entry.reason()));
                }
            });
        } else if (Files.isRegularFile(path)) {
            file(path, shown);
        } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            listError(shown, shown, Files.exists(path) ? "special-file: not a regular file or folder; not read"
                    : "broken-link: a symbolic link to a file that does not exist");
        } else {
            listError(shown, shown, "not-found: no such file or folder");
        }
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    /** The walk's visitor cannot throw checked exceptions: they travel out in an unchecked wrapper. */
    private static void offer(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * A file of another file system: copied under its own file name (parsers read the extension) with its own
     * modification time, then a file like any other, except that its copy goes once it is reviewed.
     */
    private void staged(StagedInput input) throws IOException, InterruptedException {
        if (journal.resumedDone(input.key())
                && !lostFromIndex(SweepItem.file(input.key(), input.name(), null, -1, null))) {
            return;
        }
        String name = input.key().substring(input.key().lastIndexOf('/') + 1);
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        Path copy = scratch.resolve("staged-" + (++copies) + "-" + name);
        try {
            input.copyTo(copy);
            Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.from(input.modified()));
        } catch (IOException e) {
            Files.deleteIfExists(copy);
            listError(input.key(), input.name(), "unreadable: " + Inputs.reason(e));
            return;
        }
        if (archives != null && archives.isArchive(copy)) {
            try {
                expand(copy, input.name(), input.key());
            } finally {
                Files.deleteIfExists(copy);
            }
            return;
        }
        file(copy, input.name(), input.key(), true);
    }

    private void file(Path file, String shown) throws IOException, InterruptedException {
        String key = file.toAbsolutePath().normalize().toString();
        if (archives != null && archives.isArchive(file)) {
            expand(file, shown, key);
            return;
        }
        file(file, shown, key, false);
    }

    private void expand(Path archive, String shown, String key) throws IOException {
        archives.expand(archive, shown, key, scratch, record -> offer(() -> record(record)),
                entry -> offer(() -> queue.put(new Listed(entry))));
    }

    /** @param temporary the file is a copy, removed once its item is listed */
    private void file(Path file, String shown, String key, boolean temporary) throws IOException,
            InterruptedException {
        if (!shard.takes(shown)) {
            dropCopy(file, temporary);
            return;
        }
        boolean indexOnly = false;
        if (journal.resumedDone(key)) {
            if (!lostFromIndex(SweepItem.file(key, shown, file, -1, null))) {
                dropCopy(file, temporary);
                return;
            }
            indexOnly = true;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            listError(key, shown, "unreadable: " + Inputs.reason(e));
            return;
        }
        Instant modified = attrs.lastModifiedTime().toInstant();
        if (since != null && modified.isBefore(since)) {
            dropCopy(file, temporary);
            return;
        }
        SweepItem item = new SweepItem(key, shown, SweepItem.FILE, file, temporary, attrs.size(), modified, null, null,
                null, null);
        ManifestEntry before = journal.previous(key);
        if (indexOnly) {
            before = null;   // read again whatever the earlier sweep saw: the index needs the parts
        }
        if (before != null && before.sha256() != null && before.size() == item.size()
                && modified.toString().equals(before.modified())) {
            queue.put(new Found(item, before.sha256(), before));
            return;
        }
        String sha256;
        try {
            sha256 = Digests.sha256(file);
        } catch (IOException e) {
            dropCopy(file, temporary);
            listError(key, shown, "unreadable: " + Inputs.reason(e));
            return;
        }
        boolean same = before != null && sha256.equals(before.sha256());
        queue.put(new Found(item, sha256, same ? before : null, indexOnly));
    }

    private void record(SweepItem record) throws IOException, InterruptedException {
        boolean resumed = journal.resumedDone(record.key());
        if (!shard.takes(record.item()) || (resumed && !lostFromIndex(record))
                || (since != null && record.modified() != null && record.modified().isBefore(since))) {
            discard(record);
            return;
        }
        ManifestEntry before = journal.previous(record.key());
        String sha256 = SweepItem.REVISIT.equals(record.kind()) ? record.revisitOf() : record.sha256();
        boolean same = before != null && sha256 != null && sha256.equals(before.sha256());
        queue.put(new Found(record, sha256, same ? before : null, resumed));
    }

    /**
     * Whether an item an earlier life of this run listed with readable bytes is missing from the index (or held there
     * with other bytes): its parts were added but that life was killed before the index committed them.
     */
    private boolean lostFromIndex(SweepItem item) throws IOException {
        if (index == null) {
            return false;
        }
        ManifestEntry listed = journal.resumedEntry(item.key());
        boolean readable = listed != null && listed.sha256() != null && !ManifestEntry.ERROR.equals(listed.status());
        return readable && (item.file() != null || SweepItem.FILE.equals(item.kind()))
                && !index.holds(item, listed.sha256());
    }

    private static void dropCopy(Path file, boolean temporary) throws IOException {
        if (temporary) {
            Files.deleteIfExists(file);
        }
    }

    static void discard(SweepItem item) {
        if (item.temporary() && item.file() != null) {
            try {
                Files.deleteIfExists(item.file());
            } catch (IOException ignored) {
                // the private temporary folder goes at exit anyway
            }
        }
    }

    private void listError(String key, String shown, String reason) throws InterruptedException {
        if (shard.takes(shown) && !journal.resumedDone(key)) {
            queue.put(new Listed(new ManifestEntry(shown, key, SweepItem.FILE, null, -1, null, null, null,
                    ManifestEntry.ERROR, org.osr.judge.Verdict.UNREVIEWABLE, List.of(), null, reason, null)));
        }
    }

    private void listSkipped(String shown, String reason) throws InterruptedException {
        String key = "skipped:" + shown;
        if (shard.takes(shown) && !journal.resumedDone(key)) {
            queue.put(new Listed(new ManifestEntry(shown, key, SweepItem.FILE, null, -1, null, null, null,
                    ManifestEntry.SKIPPED, null, List.of(), null, reason, null)));
        }
    }
}
