package org.osr.index;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.util.QueryBuilder;

/**
 * The index's analysis chains, built once and shared by indexing and querying (Lucene analyzers are thread-safe), so
 * a query is never analysed differently from the text it must find. Both start with osr's normalizer as a
 * {@link NormalizingCharFilter}, the same normalization the matcher applies:
 * <ul>
 *   <li>{@value PartFields#BIGRAMS}: {@code StandardTokenizer → CJKWidthFilter → LowerCaseFilter →
 *       CJKBigramFilter} without unigrams (Han, Hiragana, Katakana, Hangul bigrams; Latin words and numbers whole);</li>
 *   <li>{@value PartFields#UNIGRAMS}: one term per non-whitespace character ({@link CodePointTokenizer}).</li>
 * </ul>
 */
public final class OsrAnalyzers {
    public static final Analyzer BIGRAMS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(tokenizer);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                    | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, false);
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new NormalizingCharFilter(reader);
        }
    };

    public static final Analyzer UNIGRAMS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new CodePointTokenizer());
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new NormalizingCharFilter(reader);
        }
    };

    /** For the index writer: each text field with its own chain; other fields are not analysed. */
    public static final Analyzer PER_FIELD = new PerFieldAnalyzerWrapper(BIGRAMS,
            Map.of(PartFields.BIGRAMS, BIGRAMS, PartFields.UNIGRAMS, UNIGRAMS));

    private OsrAnalyzers() {
    }

    /** Builds queries over either field with that field's own chain. */
    public static QueryBuilder queries() {
        return new QueryBuilder(PER_FIELD);
    }
}
