package org.osr.sweep.outputs;

import org.osr.sweep.KeyTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.osr.review.DocumentResult;
import org.osr.sweep.ManifestEntry;

/**
 * The manifest and result lines of one or more sweep folders as one sweep: manifest lines deduplicated by item key,
 * results by payload SHA-256 (by path when a result has none), the first line of each kept. A single sweep and the
 * merge of its shards are read by this same code, which is what makes their totals equal.
 */
final class SweepLines {
    static final String MANIFEST = "manifest.jsonl";
    static final String RESULTS = "results.jsonl";
    /** A Spark job's folder (org.osr.spark) holds the same lines as part files, in {@code lines=manifest/} and so on. */
    private static final String PARTS = "lines=";

    /** A parsed line and its text as written. */
    record Line<T>(T value, String text) {
    }

    interface Sink<T> {
        void accept(Line<T> line) throws IOException;
    }

    private long malformed;

    /** Lines skipped so far because they did not parse (a partial last line of a killed sweep). */
    long malformed() {
        return malformed;
    }

    /**
     * Two shards can each review an item with the same content; one sweep reviews it once and lists the other item as
     * a duplicate. So the second {@code reviewed} line of a payload is passed on as {@code duplicate}.
     */
    void manifest(List<Path> dirs, Sink<ManifestEntry> sink) throws IOException {
        KeyTable keys = new KeyTable();
        KeyTable reviewed = new KeyTable();
        for (Path dir : dirs) {
            read(dir, MANIFEST, ManifestEntry::fromJson, line -> {
                ManifestEntry e = line.value();
                if (!keys.add(e.key() != null ? "key:" + e.key() : "item:" + e.item())) {
                    return;
                }
                if (ManifestEntry.REVIEWED.equals(e.status()) && e.sha256() != null && !reviewed.add(e.sha256())) {
                    ManifestEntry dup = new ManifestEntry(e.item(), e.key(), e.kind(), e.source(), e.size(),
                            e.modified(), e.captured(), e.sha256(), ManifestEntry.DUPLICATE, e.verdict(),
                            e.categories(), e.title(), e.reason(), e.reviewedAt());
                    sink.accept(new Line<>(dup, dup.toJson()));
                } else {
                    sink.accept(line);
                }
            });
        }
    }

    /** @return the distinct payloads reviewed */
    long results(List<Path> dirs, Sink<DocumentResult> sink) throws IOException {
        KeyTable payloads = new KeyTable();
        for (Path dir : dirs) {
            read(dir, RESULTS, DocumentResult::fromJson, line -> {
                DocumentResult r = line.value();
                if (payloads.add(r.sha256() != null ? "sha256:" + r.sha256() : "path:" + r.path())) {
                    sink.accept(line);
                }
            });
        }
        return payloads.size();
    }

    /** A sweep's folder, or a Spark job's. */
    static boolean isSweepFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST)) || Files.isDirectory(parts(dir, MANIFEST));
    }

    private static Path parts(Path dir, String name) {
        return dir.resolve(PARTS + name.substring(0, name.indexOf('.')));
    }

    /** The folder's {@code name} file, or the part files of a Spark job's folder in name order. */
    private static List<Path> files(Path dir, String name) throws IOException {
        Path single = dir.resolve(name);
        Path parts = parts(dir, name);
        if (Files.exists(single) || !Files.isDirectory(parts)) {
            return List.of(single);
        }
        try (Stream<Path> entries = Files.list(parts)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    private <T> void read(Path dir, String name, java.util.function.Function<String, T> parse, Sink<T> sink)
            throws IOException {
        for (Path file : files(dir, name)) {
            try {
                malformed += JsonLines.read(file, text -> new Line<>(parse.apply(text), text), line -> {
                    try {
                        sink.accept(line);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
