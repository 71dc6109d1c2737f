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
import org.osr.testkit.SampleDocuments;

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
