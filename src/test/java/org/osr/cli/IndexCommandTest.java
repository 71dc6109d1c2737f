package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osr.cli.ScanCommandTest.osr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.index.OsrAnalyzers;
import org.osr.index.PartFields;
import org.osr.index.PartIndex;
import org.osr.testkit.DocxSpec;
import org.osr.testkit.SampleDocuments;

class IndexCommandTest {
    @TempDir
    Path tmp;

    @Test
    void indexesAFolderFindsTheMarkedPageAndUpdatesOnlyWhatChanged() throws IOException {
        Path docs = Files.createDirectory(tmp.resolve("published"));
        Files.write(docs.resolve("marked.pdf"), SampleDocuments.pdf(List.of(List.of("关于会议安排的通知"),
                List.of("本件定为机密★5年", "以密码电报发送")), "通知"));
        Files.write(docs.resolve("clean.docx"), SampleDocuments.docx(DocxSpec.of("公开", List.of("会议安排已公开发布"))));
        Files.writeString(docs.resolve("note.txt"), "普通文本\n");
        Path index = tmp.resolve("index");

        ScanCommandTest.Run first = osr("index", docs.toString(), "--index", index.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("3 added, 0 replaced, 0 unchanged");
        int documents = luceneDocuments(index);
        // A file record per file, and a document per page of every part: the PDF has two body pages at least.
        assertThat(documents).isGreaterThanOrEqualTo(3 + 2 + 1 + 1);
        assertThat(found(index, "机密★5年")).containsExactly(docs.resolve("marked.pdf") + " body page 2");
        assertThat(found(index, "密碼電報")).containsExactly(docs.resolve("marked.pdf") + " body page 2");

        ScanCommandTest.Run again = osr("index", docs.toString(), "--index", index.toString());
        assertThat(again.out()).contains("0 added, 0 replaced, 3 unchanged");
        assertThat(luceneDocuments(index)).isEqualTo(documents);

        Files.write(docs.resolve("marked.pdf"), SampleDocuments.pdf(List.of(List.of("本件已解密，可公开")), "通知"));
        ScanCommandTest.Run changed = osr("index", docs.toString(), "--index", index.toString());
        assertThat(changed.out()).contains("0 added, 1 replaced, 2 unchanged");
        assertThat(found(index, "机密★5年")).isEmpty();
        assertThat(found(index, "已解密")).containsExactly(docs.resolve("marked.pdf") + " body page 1");
        assertThat(luceneDocuments(index)).isEqualTo(documents - 1);
    }

    @Test
    void theIndexFolderInsideAnIndexedFolderIsNotIndexed() throws IOException {
        Path docs = Files.createDirectory(tmp.resolve("published"));
        Files.writeString(docs.resolve("note.txt"), "机密★5年\n");
        Path index = docs.resolve("index");
        osr("index", docs.toString(), "--index", index.toString());
        ScanCommandTest.Run again = osr("index", docs.toString(), "--index", index.toString());
        assertThat(again.out()).contains("0 added, 0 replaced, 1 unchanged");
    }

    @Test
    void anIndexBuiltByAnotherNormalizerVersionIsRefusedAndLeftAsItWas() throws IOException {
        Path docs = Files.createDirectory(tmp.resolve("published"));
        Files.writeString(docs.resolve("note.txt"), "机密★5年\n");
        Path index = tmp.resolve("index");
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(index), new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of(PartIndex.USER_DATA_EXTRACTOR, PartIndex.EXTRACTOR_VERSION,
                    PartIndex.USER_DATA_NORMALIZER, "1").entrySet());
            writer.commit();
        }
        ScanCommandTest.Run run = osr("index", docs.toString(), "--index", index.toString());
        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("normalizer 1").contains("rebuild the index");
        assertThat(luceneDocuments(index)).isZero();
    }

    private static int luceneDocuments(Path index) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            return reader.numDocs();
        }
    }

    private static List<String> found(Path index, String phrase) throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (ScoreDoc hit : searcher.search(OsrAnalyzers.queries().createPhraseQuery(PartFields.BIGRAMS, phrase),
                    10).scoreDocs) {
                var doc = searcher.storedFields().document(hit.doc);
                out.add(doc.get(PartIndex.PATH) + " " + doc.get(PartIndex.KIND) + " page " + doc.get(PartIndex.PAGE));
            }
        }
        return out;
    }
}
