package org.osr.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.Document;
import org.osr.extract.TikaExtractor;
import org.osr.testkit.LayoutCases;
import org.osr.testkit.LayoutDocuments;
import org.osr.testkit.SampleDocuments;
import org.osr.testkit.Slow;

class PartIndexTest {
    @TempDir
    Path tmp;

    @Test
    void aPartIsIndexedPageByPageWithItsIdentityAndBothTextsInAnOwnerOnlyDirectory() throws IOException {
        Path pdf = tmp.resolve("notice.pdf");
        Files.write(pdf, SampleDocuments.pdf(List.of(List.of("关于会议安排的通知"),
                List.of("本件定为机密★5年", "请勿外传")), "通知"));
        Document document = new TikaExtractor().extract(pdf, "notice.pdf");
        Path dir = tmp.resolve("archive/index");
        try (PartIndex index = PartIndex.open(dir)) {
            assertThat(index.add(document)).isEqualTo(PartIndex.Change.ADDED);
            index.commit();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            assertThat(reader.getIndexCommit().getUserData())
                    .containsEntry("osr.extractor", PartIndex.EXTRACTOR_VERSION)
                    .containsEntry("osr.normalizer", PartIndex.NORMALIZER_VERSION);
            IndexSearcher searcher = new IndexSearcher(reader);
            ScoreDoc[] hits = searcher.search(OsrAnalyzers.queries()
                    .createPhraseQuery(PartFields.BIGRAMS, "机密★５年"), 10).scoreDocs;
            assertThat(hits).hasSize(1);
            var found = searcher.storedFields().document(hits[0].doc);
            assertThat(found.get(PartIndex.PATH)).isEqualTo("notice.pdf");
            assertThat(found.get(PartIndex.SHA256)).isEqualTo(document.sha256());
            assertThat(found.get(PartIndex.KIND)).isEqualTo("body");
            assertThat(found.getField(PartIndex.PAGE).numericValue().intValue()).isEqualTo(2);
            assertThat(found.get(PartIndex.TEXT)).contains("机密★5年");
            assertThat(found.get(PartIndex.NORMALIZED)).contains("机密★5年");
            int offset = found.getField(PartIndex.OFFSET).numericValue().intValue();
            int part = found.getField(PartIndex.PART).numericValue().intValue();
            assertThat(document.parts().get(part).text().substring(offset)).startsWith(found.get(PartIndex.TEXT));
        }
    }

    /**
     * What retro rests on: the document rebuilt from the index equals the extracted one — texts, paging, blocks with
     * their table cells and boxes, title, media type, size, coverage — for layouts in every format that has them.
     */
    @Slow
    @Test
    void theIndexRebuildsTheExactDocumentOfEveryFormat() throws IOException {
        assertRebuiltExactly(LayoutCases.marked().subList(0, 4), null);
    }

    @Test
    void theIndexRebuildsTheExactDocumentOfADocxTableAndAPdfPage() throws IOException {
        assertRebuiltExactly(LayoutCases.marked().subList(0, 1),
                java.util.Set.of(LayoutDocuments.Format.DOCX, LayoutDocuments.Format.PDF));
    }

    /** @param formats null for every format each case has */
    private void assertRebuiltExactly(List<LayoutCases.LayoutCase> cases, java.util.Set<LayoutDocuments.Format> formats)
            throws IOException {
        TikaExtractor extractor = new TikaExtractor();
        List<Document> extracted = new java.util.ArrayList<>();
        for (LayoutCases.LayoutCase c : cases) {
            for (LayoutDocuments.Format format : formats == null ? c.formats() : formats) {
                Path file = LayoutDocuments.write(c.layout(), format, tmp.resolve(c.name() + "." + format.extension));
                extracted.add(extractor.extract(file, file.getFileName().toString()));
            }
        }
        Path encrypted = tmp.resolve("locked.pdf");
        Files.write(encrypted, SampleDocuments.encryptedPdf(List.of(List.of("机密")), "locked"));
        extracted.add(extractor.extract(encrypted, "locked.pdf"));
        Path dir = tmp.resolve("index");
        try (PartIndex index = PartIndex.open(dir)) {
            for (Document d : extracted) {
                index.add(d);
            }
            index.commit();
            assertThat(index.indexedPaths()).isEmpty();   // what the index held when it was opened
        }
        assertThat(extracted.stream().flatMap(d -> d.parts().stream()).flatMap(p -> p.blocks().stream()))
                .as("the layouts have table cells and boxes").anyMatch(b -> b.cell() != null)
                .anyMatch(b -> b.box() != null);
        try (IndexedArchive archive = IndexedArchive.open(dir)) {
            assertThat(archive.files()).extracting(IndexedArchive.File::path)
                    .containsExactlyElementsOf(extracted.stream().map(Document::path).sorted().toList());
            for (Document d : extracted) {
                assertThat(archive.document(d.path())).as(d.path()).isEqualTo(d);
            }
        }
        try (PartIndex index = PartIndex.open(dir)) {
            index.remove("locked.pdf");
            index.commit();
        }
        try (IndexedArchive archive = IndexedArchive.open(dir)) {
            assertThat(archive.files()).extracting(IndexedArchive.File::path).doesNotContain("locked.pdf")
                    .hasSize(extracted.size() - 1);
        }
    }

    @Test
    void anExistingDirectoryIsMadeOwnerOnly() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (PartIndex index = PartIndex.open(dir)) {
            index.commit();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }
}
