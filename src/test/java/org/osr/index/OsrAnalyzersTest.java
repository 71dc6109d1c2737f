package org.osr.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OsrAnalyzersTest {
    private static final String MARKED = "本文件定为机密★5年，请以密码电报发送。\nTOP SECRET";
    private static final String FULL_WIDTH = "本文件定为机密★５年，请以密码电报发送。\nＴＯＰ　ＳＥＣＲＥＴ";
    private static final String TRADITIONAL = "本文件定為機密☆5年，請以密碼電報發送。\nTop  Secret";
    private static final String CLEAN = "本文件定为公开文件，请以普通邮件发送。\nPUBLIC RELEASE";

    @ParameterizedTest
    @CsvSource({"机密★5年", "密码电报", "TOP SECRET", "機密★５年", "密碼電報", "ｔｏｐ ｓｅｃｒｅｔ"})
    void aPhraseIsFoundInEveryFormOfTheMarkedTextAndNotInItsCleanTwin(String phrase) throws IOException {
        try (Directory dir = index(MARKED, FULL_WIDTH, TRADITIONAL, CLEAN);
             DirectoryReader reader = DirectoryReader.open(dir)) {
            Query query = OsrAnalyzers.queries().createPhraseQuery(PartFields.BIGRAMS, phrase);
            IndexSearcher searcher = new IndexSearcher(reader);
            List<String> found = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, 10).scoreDocs) {
                found.add(searcher.storedFields().document(hit.doc).get("name"));
            }
            assertThat(found).containsExactlyInAnyOrder("0", "1", "2");
        }
    }

    @Test
    void oneCharacterTermsAreFoundInTheUnigramField() throws IOException {
        try (Directory dir = index(MARKED, CLEAN); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query secret = OsrAnalyzers.queries().createPhraseQuery(PartFields.UNIGRAMS, "密");
            Query star = OsrAnalyzers.queries().createPhraseQuery(PartFields.UNIGRAMS, "☆");
            assertThat(searcher.count(secret)).isEqualTo(1);
            assertThat(searcher.count(star)).isEqualTo(1);
            assertThat(tokens(OsrAnalyzers.UNIGRAMS, "机 密")).containsExactly("机@0-2", "密@2-3");
        }
    }

    /** Start offsets are exact; an end offset runs on over what the normalizer dropped after the token. */
    @Test
    void bigramsHaveNoUnigramsAndOffsetsPointIntoTheOriginalText() throws IOException {
        assertThat(tokens(OsrAnalyzers.BIGRAMS, "机 密 文 件")).containsExactly("机密@0-4", "密文@2-6", "文件@4-7");
        assertThat(tokens(OsrAnalyzers.BIGRAMS, "ＴＯＰ　ＳＥＣ\u200bＲＥＴ"))
                .containsExactly("top@0-3", "secret@4-11");
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "@" + offsets.startOffset() + "-" + offsets.endOffset());
            }
            ts.end();
        }
        return out;
    }

    private static Directory index(String... texts) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(OsrAnalyzers.PER_FIELD))) {
            for (int i = 0; i < texts.length; i++) {
                Document doc = new Document();
                doc.add(new StringField("name", String.valueOf(i), Field.Store.YES));
                doc.add(new TextField(PartFields.BIGRAMS, texts[i], Field.Store.NO));
                doc.add(new TextField(PartFields.UNIGRAMS, texts[i], Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        return dir;
    }
}
