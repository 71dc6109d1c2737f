package org.osr.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.osr.extract.Problem;
import org.osr.judge.Judge;
import org.osr.judge.Verdict;
import org.osr.review.DocumentResult;
import org.osr.review.InternalFailure;
import org.osr.review.Reviewer;
import org.osr.source.Inputs;
import org.osr.source.Scratch;

/**
 * The coordinator of {@code osr sweep}: one thread that takes items from the {@link ItemFeed}, decides what each
 * needs (nothing: listed before; its payload's result: a duplicate or an unchanged item; a review), hands reviews to
 * {@code jobs} threads that each drive a {@link Reviewer} (child processes in a real sweep), and writes every outcome
 * to the {@link Journal} as it comes. It holds no document text and, per item, only 24-byte table entries, so its heap
 * stays flat over a million items. Nothing a file does ends the sweep: a failed review is an unreviewable result.
 */
public final class Sweep {
    /**
     * @param inputs the paths as given
     * @param since  items modified (or captured) before this instant are left out; null for all
     * @param staged files of another file system, after the paths (a Spark task's share of a sweep)
     * @param index  the archive index to keep up to date with what the sweep reads ({@code --index}), or null
     */
    public record Settings(List<String> inputs, Path out, Inputs.Options walk, Shard shard, Instant since, int jobs,
                           SweepState.Config config, List<StagedInput> staged, Path index) {
        public Settings {
            staged = staged == null ? List.of() : List.copyOf(staged);
        }

        public Settings(List<String> inputs, Path out, Inputs.Options walk, Shard shard, Instant since, int jobs,
                        SweepState.Config config, List<StagedInput> staged) {
            this(inputs, out, walk, shard, since, jobs, config, staged, null);
        }

        public Settings(List<String> inputs, Path out, Inputs.Options walk, Shard shard, Instant since, int jobs,
                        SweepState.Config config) {
            this(inputs, out, walk, shard, since, jobs, config, List.of(), null);
        }
    }

    /** Sees each manifest line as it is written (progress). */
    public interface Listener {
        void listed(ManifestEntry entry);

        /** Before the first {@link #listed}: how many items an earlier, interrupted life of this sweep listed. */
        default void resumedFrom(long items) {
        }
    }

    private final Settings settings;
    private final Judge judge;
    private final Reviewer reviewer;
    private final ItemNames names;
    private final ArchiveExpander archives;
    private final Listener listener;
    private final Map<KeyTable.Key, List<ItemFeed.Found>> inFlight = new HashMap<>();
    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    private Journal journal;
    private SweepIndex index;
    private int indexAdded;
    private int indexRemoved;
    private int running;

    /** @param names masks what manifest lines show of an item, as reports mask paths */
    public Sweep(Settings settings, Judge judge, ItemNames names, Reviewer reviewer, ArchiveExpander archives,
                 Listener listener) {
        this.settings = settings;
        this.names = names;
        this.judge = judge;
        this.reviewer = reviewer;
        this.archives = archives;
        this.listener = listener;
    }

    private record Completion(ItemFeed.Found found, Reviewer.ResultWithDocument reviewed, Throwable failure,
                              boolean indexOnly) {
    }

    /** The reviews themselves failed (not one file): the sweep stops where it is, resumable. */
    public static final class ReviewsFailed extends RuntimeException {
        ReviewsFailed(Throwable cause) {
            super("reviewing stopped: " + cause.getMessage(), cause);
        }
    }

    /** Refused before anything is written: the folder holds an unfinished sweep of other inputs or options. */
    public static final class ConflictingSweep extends Exception {
        ConflictingSweep(String message) {
            super(message);
        }
    }

    /**
     * Runs (or resumes, or continues incrementally) the sweep into {@code settings.out()}.
     *
     * @return the sweep's state, complete
     */
    public SweepState run() throws IOException, ConflictingSweep {
        Path out = settings.out();
        Files.createDirectories(out);
        SweepState before = SweepState.read(out);
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        boolean reusePrevious;
        if (before == null) {
            reusePrevious = false;
        } else if (SweepState.RUNNING.equals(before.status())) {
            if (!before.config().equals(settings.config())) {
                throw new ConflictingSweep(out + " holds an unfinished sweep of other inputs or options (" + diff(
                        before.config(), settings.config()) + "); run that sweep's command again to finish it, or "
                        + "sweep into another --out folder");
            }
            startedAt = before.startedAt();
            reusePrevious = Files.exists(out.resolve(Journal.PREVIOUS))
                    && before.config().reviewedAlike(settings.config());
        } else {
            Journal.startNextGeneration(out);
            reusePrevious = before.config().reviewedAlike(settings.config());
        }
        new SweepState(SweepState.RUNNING, settings.config(), startedAt, null).write(out);
        Path scratch = Files.createTempDirectory("osr-sweep-");
        BlockingQueue<ItemFeed.Event> events = new ArrayBlockingQueue<>(Math.max(64, settings.jobs() * 8));
        ExecutorService reviews = Executors.newFixedThreadPool(settings.jobs(), r -> {
            Thread t = new Thread(r, "osr-sweep-review");
            t.setDaemon(true);
            return t;
        });
        Thread feed = null;
        try (SweepIndex ix = settings.index() == null ? null : SweepIndex.open(settings.index(), out);
             Journal j = Journal.open(out, reusePrevious, names)) {
            journal = j;
            index = ix;
            if (listener != null) {
                listener.resumedFrom(j.resumedItems());
            }
            feed = new Thread(new ItemFeed(settings.inputs(), settings.staged(), settings.walk(), settings.shard(),
                    settings.since(), j, archives, scratch, events, ix), "osr-sweep-feed");
            feed.setDaemon(true);
            feed.start();
            loop(events, reviews);
            if (ix != null) {
                ix.finish(j::listed);
                indexAdded = ix.added();
                indexRemoved = ix.removed();
            }
        } finally {
            reviews.shutdownNow();
            if (feed != null) {
                feed.interrupt();
            }
            Scratch.delete(scratch);
        }
        Journal.dropPreviousGeneration(out);
        SweepState done = new SweepState(SweepState.COMPLETE, settings.config(), startedAt,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        done.write(out);
        return done;
    }

    /** Items whose parts the run added to the index or replaced there ({@code --index}). */
    public int indexAdded() {
        return indexAdded;
    }

    /** Items the run removed from the index because its inputs no longer hold them. */
    public int indexRemoved() {
        return indexRemoved;
    }

    private void loop(BlockingQueue<ItemFeed.Event> events, ExecutorService reviews) throws IOException {
        int limit = settings.jobs() * 2;
        boolean ended = false;
        while (true) {
            Completion c;
            while ((c = completions.poll()) != null) {
                complete(c, reviews);
            }
            if (!ended && running < limit) {
                ItemFeed.Event event;
                try {
                    event = events.poll(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                if (event instanceof ItemFeed.End end) {
                    if (end.failure() != null) {
                        throw new IOException("reading the inputs failed: " + end.failure(), end.failure());
                    }
                    ended = true;
                } else if (event instanceof ItemFeed.Listed listed) {
                    list(listed.entry());
                } else if (event instanceof ItemFeed.Found found) {
                    found(found, reviews);
                }
                continue;
            }
            if (ended && running == 0) {
                return;
            }
            try {
                complete(completions.take(), reviews);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private void found(ItemFeed.Found found, ExecutorService reviews) throws IOException {
        SweepItem item = found.item();
        if (found.indexOnly()) {
            submit(found, reviews, true);
            return;
        }
        if (journal.listed(item.key())) {
            ItemFeed.discard(item);   // the same item reached twice (overlapping inputs)
            return;
        }
        if (found.sha256() == null) {
            list(entry(item, null, ManifestEntry.ERROR, Verdict.UNREVIEWABLE, List.of(), null,
                    "revisit-without-original: a revisit record whose original capture is not in this sweep", null));
            return;
        }
        KeyTable.Key sha = KeyTable.ofSha256(found.sha256());
        switch (journal.payload(sha)) {
            case CLAIMED -> {
                listAs(found, journal.result(sha), ManifestEntry.DUPLICATE, null);
                indexOrDiscard(found, reviews);
                return;
            }
            case UNCLAIMED -> {
                journal.claim(sha);   // reviewed by an earlier life of this run, which was killed before listing it
                listAs(found, journal.result(sha), ManifestEntry.REVIEWED, null);
                indexOrDiscard(found, reviews);
                return;
            }
            default -> {
            }
        }
        List<ItemFeed.Found> waiting = inFlight.get(sha);
        if (waiting != null) {
            waiting.add(found);
            return;
        }
        // Bytes the earlier sweep reviewed, under this item (unchanged) or another (a duplicate of that review).
        DocumentResult earlier = journal.carryOver(sha);
        if (earlier != null) {
            listAs(found, earlier, found.unchanged() != null ? ManifestEntry.UNCHANGED : ManifestEntry.DUPLICATE,
                    found.unchanged() != null ? found.unchanged().reviewedAt() : null);
            indexOrDiscard(found, reviews);
            return;
        }
        if (item.file() == null) {   // a revisit whose original is known but was not reviewed here
            list(entry(item, found.sha256(), ManifestEntry.ERROR, Verdict.UNREVIEWABLE, List.of(), null,
                    "revisit-without-original: the original capture was not reviewed in this sweep", null));
            return;
        }
        inFlight.put(sha, new ArrayList<>());
        submit(found, reviews, false);
    }

    /**
     * An item listed without a review of its own (a duplicate, an unchanged item) is read for the index when the
     * index does not hold its bytes under its name (the first sweep with {@code --index}, a copy under a new name);
     * otherwise its temporary copy, if any, goes.
     */
    private void indexOrDiscard(ItemFeed.Found found, ExecutorService reviews) throws IOException {
        if (index != null && found.item().file() != null && !index.holds(found.item(), found.sha256())) {
            submit(found, reviews, true);
        } else {
            ItemFeed.discard(found.item());
        }
    }

    private void submit(ItemFeed.Found found, ExecutorService reviews, boolean indexOnly) {
        running++;
        SweepItem item = found.item();
        reviews.execute(() -> {
            try {
                Reviewer.ResultWithDocument reviewed = index != null
                        ? reviewer.reviewWithDocument(item.file(), item.item())
                        : new Reviewer.ResultWithDocument(reviewer.review(item.file(), item.item()), null);
                completions.add(new Completion(found, reviewed, null, indexOnly));
            } catch (IOException | RuntimeException | Error e) {
                completions.add(new Completion(found, null, e, indexOnly));
            }
        });
    }

    private void complete(Completion c, ExecutorService reviews) throws IOException {
        running--;
        ItemFeed.Found found = c.found();
        ItemFeed.discard(found.item());
        if (c.failure() instanceof InternalFailure bug) {
            throw bug;
        }
        if (c.failure() != null && !(c.failure() instanceof IOException)) {
            // A reviewer never throws for a bad file; this is the machine or the installation (no worker can start):
            // stop, and let the same command resume once it is fixed.
            throw new ReviewsFailed(c.failure());
        }
        if (c.indexOnly()) {   // read again for the index only: the item keeps the line it has
            if (c.failure() != null) {
                index.remove(found.item());
            } else {
                index.add(found.item(), c.reviewed().document());
            }
            return;
        }
        KeyTable.Key sha = KeyTable.ofSha256(found.sha256());
        List<ItemFeed.Found> waiting = inFlight.remove(sha);
        if (c.failure() != null) {
            if (index != null) {
                index.remove(found.item());
            }
            String reason = Inputs.reason((IOException) c.failure());
            list(entry(found.item(), found.sha256(), ManifestEntry.ERROR, Verdict.UNREVIEWABLE, List.of(), null,
                    "unreadable: " + reason, null));
            if (waiting != null && !waiting.isEmpty()) {   // a copy of the same bytes may still be readable
                ItemFeed.Found next = waiting.remove(0);
                inFlight.put(sha, waiting);
                submit(next, reviews, false);
            }
            return;
        }
        DocumentResult result = c.reviewed().result();
        if (index != null) {
            index.add(found.item(), c.reviewed().document());
        }
        if (found.item().incomplete() != null) {
            result = result.incomplete(new DocumentResult.ProblemResult(Problem.CUT_SHORT, "the web archive holds an "
                    + "incomplete capture of this item (" + found.item().incomplete() + "); what is missing was not "
                    + "reviewed"), judge);
        }
        journal.write(sha, result);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        listAs(found, result, ManifestEntry.REVIEWED, now);
        if (waiting != null) {
            for (ItemFeed.Found duplicate : waiting) {
                ItemFeed.discard(duplicate.item());
                listAs(duplicate, result, ManifestEntry.DUPLICATE, now);
                if (index != null && duplicate.item().file() != null) {   // a revisit's text is its original's
                    index.add(duplicate.item(), c.reviewed().document());
                }
            }
        }
    }

    /** Lists the item; its temporary copy stays until {@link #indexOrDiscard} or the review is done with it. */
    private void listAs(ItemFeed.Found found, DocumentResult result, String status, String reviewedAt)
            throws IOException {
        list(entry(found.item(), found.sha256(), status, result.verdict(), categories(result), result.title(), null,
                reviewedAt));
    }

    private static List<String> categories(DocumentResult result) {
        TreeSet<String> categories = new TreeSet<>();
        for (DocumentResult.Finding f : result.findings()) {
            if (f.waiver() == null && !"note".equals(f.action())) {
                categories.add(f.category());
            }
        }
        return List.copyOf(categories);
    }

    private static ManifestEntry entry(SweepItem item, String sha256, String status, Verdict verdict,
                                       List<String> categories, String title, String reason, String reviewedAt) {
        return new ManifestEntry(item.item(), item.key(), item.kind(), item.source(), item.size(),
                item.modified() == null ? null : item.modified().toString(),
                item.captured() == null ? null : item.captured().toString(), sha256, status, verdict, categories,
                title, reason, reviewedAt);
    }

    private void list(ManifestEntry entry) throws IOException {
        if (journal.listed(entry.key())) {
            return;
        }
        journal.list(entry);
        if (listener != null) {
            listener.listed(entry);
        }
    }

    private static String diff(SweepState.Config a, SweepState.Config b) {
        List<String> differs = new ArrayList<>();
        if (!a.inputs().equals(b.inputs())) {
            differs.add("inputs " + a.inputs());
        }
        if (!a.packs().equals(b.packs()) || !a.osrVersion().equals(b.osrVersion())) {
            differs.add("rule packs or osr version");
        }
        if (!java.util.Objects.equals(a.shard(), b.shard())) {
            differs.add("--shard " + a.shard());
        }
        if (!java.util.Objects.equals(a.since(), b.since())) {
            differs.add("--since " + a.since());
        }
        if (!a.ocr().equals(b.ocr()) || a.hidden() != b.hidden() || !java.util.Objects.equals(a.failOn(), b.failOn())) {
            differs.add("--ocr, --hidden or --fail-on");
        }
        return String.join(", ", differs);
    }
}
