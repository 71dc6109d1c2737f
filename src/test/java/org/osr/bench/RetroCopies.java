package org.osr.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osr.extract.Document;
import org.osr.extract.Part;
import org.osr.index.IndexedArchive;
import org.osr.index.PartIndex;

/**
 * For {@code scripts/bench-retro}: a larger archive index made from a smaller one without extracting anything, and
 * the amount of text an index holds. Not a test.
 * <ul>
 *   <li>{@code copies SRC DST N}: DST holds N copies of every file of SRC, copy k under {@code copy-k/PATH} with a
 *       line {@code 副本 k} added to its last part (copy 0 is the file as it was);</li>
 *   <li>{@code text IDX}: files, parts and UTF-8 bytes of text in IDX.</li>
 * </ul>
 */
public final class RetroCopies {
    private RetroCopies() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("text")) {
            long bytes = 0;
            long parts = 0;
            List<IndexedArchive.File> files;
            try (IndexedArchive archive = IndexedArchive.open(Path.of(args[1]))) {
                files = archive.files();
                for (IndexedArchive.File f : files) {
                    for (Part p : archive.document(f.path()).parts()) {
                        bytes += p.text().getBytes(StandardCharsets.UTF_8).length;
                        parts++;
                    }
                }
            }
            System.out.println(files.size() + " " + parts + " " + bytes);
            return;
        }
        Path source = Path.of(args[1]);
        Path target = Path.of(args[2]);
        int copies = Integer.parseInt(args[3]);
        try (IndexedArchive archive = IndexedArchive.open(source); PartIndex index = PartIndex.open(target)) {
            List<Document> documents = new ArrayList<>();
            for (IndexedArchive.File f : archive.files()) {
                documents.add(archive.document(f.path()));
            }
            // IndexWriter takes documents from several threads at once: one per processor.
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                    Runtime.getRuntime().availableProcessors());
            List<java.util.concurrent.Future<?>> added = new ArrayList<>();
            for (int k = 0; k < copies; k++) {
                int copy = k;
                added.add(pool.submit(() -> {
                    for (Document d : documents) {
                        index.add(copy == 0 ? d : copy(d, copy));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : added) {
                f.get();
            }
            pool.shutdown();
            index.commit();
        }
    }

    private static Document copy(Document d, int k) {
        List<Part> parts = new ArrayList<>(d.parts());
        if (!parts.isEmpty()) {
            Part last = parts.get(parts.size() - 1);
            parts.set(parts.size() - 1, new Part(last.kind(), last.text() + "\n副本 " + k, last.paged(),
                    last.embeddedPath(), last.source(), last.blocks()));
        }
        return new Document("copy-" + k + "/" + d.path(), d.sha256() + "-" + k, d.size(), d.mediaType(), d.title(),
                parts, d.coverage());
    }
}
