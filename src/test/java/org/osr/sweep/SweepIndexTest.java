package org.osr.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osr.sweep.SweepCommandTest.osr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.Document;
import org.osr.extract.Part;
import org.osr.extract.TikaExtractor;
import org.osr.index.IndexedArchive;
import org.osr.index.OsrAnalyzers;
import org.osr.index.PartIndex;
import org.osr.testkit.DocxSpec;
import org.osr.testkit.SampleDocuments;
import org.osr.testkit.SampleNotice;
import org.osr.testkit.Slow;

/** {@code osr sweep --index}: the archive index holds exactly what the worker processes read, and stays true. */
@Slow
class SweepIndexTest {
    @TempDir
    Path tmp;

    private Path site() throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site/2024"));
        Files.writeString(site.resolve("notice.html"), SampleDocuments.html(SampleNotice.TITLE,
                SampleNotice.markedLines(), "内部资料"));
        Files.copy(site.resolve("notice.html"), site.resolve("copy-of-notice.html"));
        Files.write(site.resolve("notice.pdf"), SampleDocuments.pdf(SampleNotice.markedPages(), "notice"));
        Files.write(site.resolve("notice.docx"), SampleDocuments.docx(DocxSpec.of(SampleNotice.TITLE,
                SampleNotice.markedLines())));
        Files.writeString(site.resolve("clean.html"), SampleDocuments.html("公告", SampleNotice.cleanLines(), null));
        Files.write(site.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj <<".getBytes(StandardCharsets.US_ASCII));
        return site.getParent();
    }

    /** Path to each part's text as the index stores it: the pages of a part joined by form feeds, in order. */
    private static Map<String, List<String>> indexedParts(Path index) throws IOException {
        Map<String, TreeMap<Integer, TreeMap<Integer, String>>> pages = new TreeMap<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(new TermQuery(new Term(PartIndex.RECORD, PartIndex.RECORD_PART)),
                    Math.max(1, reader.maxDoc())).scoreDocs) {
                var doc = stored.document(hit.doc);
                pages.computeIfAbsent(doc.get(PartIndex.PATH), p -> new TreeMap<>())
                        .computeIfAbsent(doc.getField(PartIndex.PART).numericValue().intValue(), p -> new TreeMap<>())
                        .put(doc.getField(PartIndex.OFFSET).numericValue().intValue(), doc.get(PartIndex.TEXT));
            }
            for (ScoreDoc hit : searcher.search(new TermQuery(new Term(PartIndex.RECORD, PartIndex.RECORD_FILE)),
                    Math.max(1, reader.maxDoc())).scoreDocs) {
                pages.computeIfAbsent(stored.document(hit.doc).get(PartIndex.PATH), p -> new TreeMap<>());
            }
        }
        Map<String, List<String>> parts = new TreeMap<>();
        pages.forEach((path, byPart) -> parts.put(path, byPart.values().stream()
                .map(p -> String.join(String.valueOf(Part.PAGE_BREAK), p.values())).toList()));
        return parts;
    }

    private static String sha(Path index, String path) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            var hits = searcher.search(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PartIndex.RECORD, PartIndex.RECORD_FILE)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(PartIndex.PATH, path)), BooleanClause.Occur.FILTER).build(), 2);
            assertThat(hits.scoreDocs.length).as(path).isLessThanOrEqualTo(1);
            return hits.scoreDocs.length == 0 ? null : searcher.storedFields().document(hits.scoreDocs[0].doc)
                    .get(PartIndex.SHA256);
        }
    }

    @Test
    void theIndexHoldsExactlyWhatTheWorkersReadUnderEveryItemsPath() throws IOException {
        Path site = site();
        Path index = tmp.resolve("index");
        SweepCommandTest.Run run = osr("sweep", site.toString(), "--out", tmp.resolve("out").toString(),
                "--index", index.toString(), "--jobs", "2");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("index " + index + ": 6 items added or replaced, 0 removed");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(index))).isEqualTo("rwx------");
        Map<String, List<String>> indexed = indexedParts(index);
        TikaExtractor extractor = new TikaExtractor();
        List<Path> files;
        try (var all = Files.walk(site)) {
            files = all.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        }
        assertThat(indexed.keySet()).containsExactlyInAnyOrderElementsOf(files.stream().map(Path::toString).toList());
        try (IndexedArchive archive = IndexedArchive.open(index)) {
            for (Path file : files) {
                Document read = extractor.extract(file, file.toString());
                assertThat(archive.document(file.toString())).as("what the index rebuilds of " + file)
                        .isEqualTo(read);
            }
        }
        assertThat(indexed.get(site.resolve("2024/copy-of-notice.html").toString()))
                .as("a copy is indexed under its own path too").isNotEmpty();
        assertThat(String.join("\n", indexed.get(site.resolve("2024/notice.html").toString())))
                .as("an HTML comment is a part, and indexed").contains("内部资料");
    }

    @Test
    void laterSweepsReplaceChangedItemsRemoveGoneOnesAndLeaveTheRest() throws IOException {
        Path site = site();
        Path out = tmp.resolve("out");
        Path index = tmp.resolve("index");
        osr("sweep", site.toString(), "--out", out.toString(), "-q");

        // A sweep that had no index yet: the first --index reads every item for it, reviewed before or not.
        SweepCommandTest.Run second = osr("sweep", site.toString(), "--out", out.toString(), "--index",
                index.toString());
        assertThat(second.err()).contains("6 items added or replaced, 0 removed");
        assertThat(SweepCommandTest.statuses(out).values()).as("read for the index, not reviewed again")
                .containsOnly("unchanged", "duplicate");

        Path clean = site.resolve("2024/clean.html");
        Files.writeString(clean, SampleDocuments.html("公告", List.of("第二版：本通知自发布之日起施行。"), null));
        Files.delete(site.resolve("2024/copy-of-notice.html"));
        Files.writeString(site.resolve("2024/new.html"), SampleDocuments.html("新公告", List.of("新的一页"), null));
        String pdfBefore = sha(index, site.resolve("2024/notice.pdf").toString());

        SweepCommandTest.Run third = osr("sweep", site.toString(), "--out", out.toString(), "--index",
                index.toString());

        assertThat(third.err()).contains("2 items added or replaced, 1 removed");
        Map<String, List<String>> indexed = indexedParts(index);
        assertThat(indexed).doesNotContainKey(site.resolve("2024/copy-of-notice.html").toString());
        assertThat(String.join("", indexed.get(clean.toString()))).contains("第二版").doesNotContain("网站");
        assertThat(indexed.get(site.resolve("2024/new.html").toString())).isNotEmpty();
        assertThat(sha(index, site.resolve("2024/notice.pdf").toString())).isEqualTo(pdfBefore);

        SweepCommandTest.Run fourth = osr("sweep", site.toString(), "--out", out.toString(), "--index",
                index.toString());
        assertThat(fourth.err()).as("nothing changed: nothing is read").contains("0 items added or replaced, 0 removed");
    }

    @Test
    void anIndexInsideTheSweptFolderIsNeverAnItemNotEvenOnTheFirstSweep() throws IOException {
        Path site = site();
        Path index = site.resolve("index");   // does not exist yet: the sweep makes it

        SweepCommandTest.Run run = osr("sweep", site.toString(), "--out", tmp.resolve("out").toString(),
                "--index", index.toString(), "-q");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        Map<String, String> statuses = SweepCommandTest.statuses(tmp.resolve("out"));
        assertThat(statuses).containsEntry(index + "/", "skipped")
                .allSatisfy((item, status) -> assertThat(item.startsWith(index + "/") && !item.equals(index + "/"))
                        .as(item).isFalse());
        assertThat(indexedParts(index).keySet()).noneMatch(item -> item.startsWith(index.toString()));
    }

    @Test
    void anIndexBuiltByAnotherExtractorVersionIsRefusedWithExit78() throws IOException {
        Path site = site();
        Path index = tmp.resolve("index");
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(index),
                new IndexWriterConfig(OsrAnalyzers.PER_FIELD))) {
            writer.setLiveCommitData(Map.of(PartIndex.USER_DATA_EXTRACTOR, "0/old",
                    PartIndex.USER_DATA_NORMALIZER, PartIndex.NORMALIZER_VERSION).entrySet());
            writer.commit();
        }

        SweepCommandTest.Run run = osr("sweep", site.toString(), "--out", tmp.resolve("out").toString(), "--index",
                index.toString(), "-q");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("0/old").contains("rebuild");
    }
}
