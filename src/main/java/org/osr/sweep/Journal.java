package org.osr.sweep;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.osr.review.DocumentResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two files a sweep appends to as it goes — {@code results.jsonl} (one result per payload reviewed) and
 * {@code manifest.jsonl} (one line per item) — with what it must remember of them, and the earlier sweep's files
 * ({@code previous/}) an incremental sweep reuses.
 *
 * <p>Keys are looked up as the manifest stores them ({@link ItemNames#key}): callers pass the real ones.
 *
 * <p>Exactly once, across kills: a result line is flushed before the manifest line that names it, and a resumed run
 * first cuts both files back to their last complete line. An item is done when its manifest line is there; a result
 * whose manifest line was lost is claimed by the item when the resumed run meets it again, not reviewed twice.
 */
final class Journal implements Closeable {
    static final String RESULTS = "results.jsonl";
    static final String MANIFEST = "manifest.jsonl";
    static final String PREVIOUS = "previous";
    private static final long CLAIMED = 1L << 62;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Path dir;
    private final ItemNames names;
    /** Items with a manifest line when the run started: read by the producer thread only. */
    private final KeyTable resumed = new KeyTable();
    /** Items with a manifest line: the coordinator's thread only. */
    private final KeyTable listed = new KeyTable();
    /** Payload (sha256) -> offset of its result line, {@link #CLAIMED} once an item lists it as reviewed. */
    private final KeyTable payloads = new KeyTable();
    private final KeyTable previousItems = new KeyTable();
    private final KeyTable previousPayloads = new KeyTable();
    private final RandomAccessFile previousManifest;
    private final RandomAccessFile previousResults;
    private final RandomAccessFile resultsReader;
    /** Reads the lines of {@link #resumed} items: the producer thread only. */
    private final RandomAccessFile resumedReader;
    private final OutputStream results;
    private final OutputStream manifest;
    private long resultsSize;

    private Journal(Path dir, boolean reusePrevious, ItemNames names) throws IOException {
        this.dir = dir;
        this.names = names;
        Path resultsFile = dir.resolve(RESULTS);
        Path manifestFile = dir.resolve(MANIFEST);
        JsonLines.cutPartialLine(resultsFile);
        JsonLines.cutPartialLine(manifestFile);
        JsonLines.forEach(manifestFile, (offset, line) -> {
            JsonNode node = MAPPER.readTree(line);
            KeyTable.Key key = KeyTable.of(node.path("key").asString());
            resumed.put(key, offset);
            listed.put(key, offset);
            String status = node.path("status").asString();
            if ((ManifestEntry.REVIEWED.equals(status) || ManifestEntry.UNCHANGED.equals(status))
                    && node.hasNonNull("sha256")) {
                payloads.put(KeyTable.ofSha256(node.get("sha256").asString()), CLAIMED);
            }
        });
        JsonLines.forEach(resultsFile, (offset, line) -> {
            KeyTable.Key key = payloadKey(MAPPER.readTree(line));
            long known = payloads.get(key);
            payloads.put(key, offset | (known != KeyTable.ABSENT && (known & CLAIMED) != 0 ? CLAIMED : 0));
        });
        resultsSize = Files.exists(resultsFile) ? Files.size(resultsFile) : 0;
        results = new BufferedOutputStream(Files.newOutputStream(resultsFile, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), 1 << 16);
        manifest = new BufferedOutputStream(Files.newOutputStream(manifestFile, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), 1 << 16);
        resultsReader = new RandomAccessFile(resultsFile.toFile(), "r");
        resumedReader = new RandomAccessFile(manifestFile.toFile(), "r");
        Path previous = dir.resolve(PREVIOUS);
        if (reusePrevious && Files.exists(previous.resolve(MANIFEST)) && Files.exists(previous.resolve(RESULTS))) {
            JsonLines.forEach(previous.resolve(MANIFEST), (offset, line) ->
                    previousItems.put(KeyTable.of(MAPPER.readTree(line).path("key").asString()), offset));
            JsonLines.forEach(previous.resolve(RESULTS), (offset, line) ->
                    previousPayloads.put(payloadKey(MAPPER.readTree(line)), offset));
            previousManifest = new RandomAccessFile(previous.resolve(MANIFEST).toFile(), "r");
            previousResults = new RandomAccessFile(previous.resolve(RESULTS).toFile(), "r");
        } else {
            previousManifest = null;
            previousResults = null;
        }
    }

    /** Opens the sweep folder's journal, resuming what is there. */
    static Journal open(Path dir, boolean reusePrevious, ItemNames names) throws IOException {
        return new Journal(dir, reusePrevious, names);
    }

    /**
     * Starts the next sweep into a finished folder: its results and manifest become {@code previous/}, which the new
     * sweep reads and removes when it finishes.
     */
    static void startNextGeneration(Path dir) throws IOException {
        Path previous = dir.resolve(PREVIOUS);
        deleteTree(previous);
        Files.createDirectories(previous);
        for (String name : new String[] {RESULTS, MANIFEST}) {
            if (Files.exists(dir.resolve(name))) {
                Files.move(dir.resolve(name), previous.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    static void dropPreviousGeneration(Path dir) throws IOException {
        deleteTree(dir.resolve(PREVIOUS));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static KeyTable.Key payloadKey(JsonNode result) {
        return result.hasNonNull("sha256") ? KeyTable.ofSha256(result.get("sha256").asString())
                : KeyTable.of("path:" + result.path("path").asString());
    }

    static KeyTable.Key payloadKey(DocumentResult result) {
        return result.sha256() != null ? KeyTable.ofSha256(result.sha256()) : KeyTable.of("path:" + result.path());
    }

    /** Items listed by an earlier, interrupted life of this sweep. */
    long resumedItems() {
        return resumed.size();
    }

    /** The item had its manifest line when this run started (producer thread). */
    boolean resumedDone(String key) {
        return resumed.contains(KeyTable.of(names.key(key)));
    }

    /** The line an earlier, interrupted life of this sweep wrote for the item (producer thread). */
    ManifestEntry resumedEntry(String key) throws IOException {
        long offset = resumed.get(KeyTable.of(names.key(key)));
        return offset == KeyTable.ABSENT ? null : ManifestEntry.fromJson(JsonLines.lineAt(resumedReader, offset));
    }

    /** The item already has its manifest line (coordinator thread). */
    boolean listed(String key) {
        return listed.contains(KeyTable.of(names.key(key)));
    }

    /** The earlier sweep's line for this item, or null (producer thread). */
    ManifestEntry previous(String key) throws IOException {
        if (previousManifest == null) {
            return null;
        }
        long offset = previousItems.get(KeyTable.of(names.key(key)));
        return offset == KeyTable.ABSENT ? null : ManifestEntry.fromJson(JsonLines.lineAt(previousManifest, offset));
    }

    /** What this run knows of a payload: absent, written by an earlier life of this run (unclaimed), or claimed. */
    enum PayloadState { ABSENT, UNCLAIMED, CLAIMED }

    PayloadState payload(KeyTable.Key sha) {
        long v = payloads.get(sha);
        return v == KeyTable.ABSENT ? PayloadState.ABSENT : (v & CLAIMED) != 0 ? PayloadState.CLAIMED
                : PayloadState.UNCLAIMED;
    }

    /** The result written for a payload in this run. */
    DocumentResult result(KeyTable.Key sha) throws IOException {
        long v = payloads.get(sha);
        return DocumentResult.fromJson(JsonLines.lineAt(resultsReader, v & ~CLAIMED));
    }

    void claim(KeyTable.Key sha) {
        payloads.put(sha, payloads.get(sha) | CLAIMED);
    }

    /** Copies the earlier sweep's result for a payload into this run's results; false when it has none. */
    DocumentResult carryOver(KeyTable.Key sha) throws IOException {
        long offset = previousResults == null ? KeyTable.ABSENT : previousPayloads.get(sha);
        if (offset == KeyTable.ABSENT) {
            return null;
        }
        String line = JsonLines.lineAt(previousResults, offset);
        DocumentResult result = DocumentResult.fromJson(line);
        append(sha, line);
        return result;
    }

    /** Appends a fresh result, claimed: the item that asked for it lists it as reviewed. */
    void write(KeyTable.Key sha, DocumentResult result) throws IOException {
        append(sha, result.toJson());
    }

    private void append(KeyTable.Key sha, String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        results.write(bytes);
        results.flush();
        payloads.put(sha, resultsSize | CLAIMED);
        resultsSize += bytes.length;
    }

    /** Writes the item's line, its names masked ({@link ItemNames}). */
    void list(ManifestEntry entry) throws IOException {
        ManifestEntry shown = names.shown(entry);
        manifest.write((shown.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        manifest.flush();
        listed.put(KeyTable.of(shown.key()), 0);
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        results.close();
        manifest.close();
        resultsReader.close();
        resumedReader.close();
        if (previousManifest != null) {
            previousManifest.close();
            previousResults.close();
        }
    }
}
