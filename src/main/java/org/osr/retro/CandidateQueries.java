package org.osr.retro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.osr.index.OsrAnalyzers;
import org.osr.index.PartFields;
import org.osr.normalize.Normalizer;
import org.osr.rules.Matcher;
import org.osr.rules.Rule;

/**
 * The Lucene queries for the pages that can hold a rule's hit: a superset, never narrower, so every file left out
 * holds no hit and the matcher confirms every candidate. What each kind of rule must find in a page:
 * <ul>
 *   <li>{@code terms}: one of its terms; a cluster ({@code any-of}): one of its labels; a {@code regex}: one of its
 *       {@code requires} literals, the same literals the matcher's Aho-Corasick pass gates the regex with;</li>
 *   <li>a regex without {@code requires} whose {@code validate:} passes only digits (resident ID, Luhn): a digit;</li>
 *   <li>any other regex without {@code requires} (the credit-code validator accepts letters too): nothing
 *       narrower than every page ({@code null}).</li>
 * </ul>
 * Position and context conditions ({@code where}, {@code unless}, {@code near}) only drop hits, so they never widen
 * a query. A literal is a phrase over the CJK bigram field when it starts and ends with two Han characters, whose
 * bigrams are the same whatever stands around them; any other literal is a phrase over the one-character field: the
 * bigram field's Latin words and numbers are whole tokens, so {@code 11} (a resident ID's province) would not find
 * {@code 110105…}, nor {@code secret} the {@code secret_x} whose word boundaries the matcher accepts.
 */
public final class CandidateQueries {
    /** Validators that accept only values made of digits (and a check letter): a hit holds a digit. */
    private static final Set<String> DIGIT_VALIDATORS = Set.of("cn-resident-id", "luhn");

    private CandidateQueries() {
    }

    /** The leaf queries for {@code rule} (a page matching any of them is a candidate), or null for every page. */
    public static List<Query> forRule(Rule rule) {
        Matcher m = rule.matcher();
        List<String> literals;
        if (m instanceof Matcher.Terms terms) {
            literals = terms.terms();
        } else if (m instanceof Matcher.Cluster cluster) {
            literals = cluster.anyOf();
        } else if (m instanceof Matcher.Regex regex) {
            if (regex.requires().isEmpty()) {
                return rule.validator() != null && DIGIT_VALIDATORS.contains(rule.validator()) ? List.of(digits())
                        : null;
            }
            literals = regex.requires();
        } else {
            return null;
        }
        List<Query> queries = new ArrayList<>();
        for (String literal : literals) {
            Query q = literal(literal);
            if (q == null) {
                return null;
            }
            queries.add(q);
        }
        return queries.isEmpty() ? null : queries;
    }

    /** The pages whose normalized text holds {@code text} (and maybe a few more), or null when it analyses to nothing. */
    public static Query literal(String text) {
        String normalized = Normalizer.normalize(text).text().strip();
        if (normalized.isEmpty()) {
            return null;
        }
        String field = hanBigramsAtBothEnds(normalized) ? PartFields.BIGRAMS : PartFields.UNIGRAMS;
        return OsrAnalyzers.queries().createPhraseQuery(field, normalized);
    }

    /** A page holding a digit (after normalization: full-width digits are ASCII then). */
    static Query digits() {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (char d = '0'; d <= '9'; d++) {
            any.add(new TermQuery(new Term(PartFields.UNIGRAMS, String.valueOf(d))), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /**
     * Whether the bigram chain makes the literal's first and last tokens Han bigrams that start and end where the
     * literal does: then its tokens are the same inside any text (a Han character is a token of its own, and a pair
     * of them is a bigram whatever stands beside it).
     */
    static boolean hanBigramsAtBothEnds(String literal) {
        int n = literal.codePointCount(0, literal.length());
        if (n < 2 || !han(literal.codePointAt(0)) || !han(literal.codePointAt(literal.offsetByCodePoints(0, 1)))
                || !han(literal.codePointBefore(literal.length()))
                || !han(literal.codePointBefore(literal.offsetByCodePoints(literal.length(), -1)))) {
            return false;
        }
        try (TokenStream tokens = OsrAnalyzers.BIGRAMS.tokenStream(PartFields.BIGRAMS, literal)) {
            TypeAttribute type = tokens.addAttribute(TypeAttribute.class);
            OffsetAttribute offsets = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            boolean first = true;
            boolean edgesAreBigrams = true;
            int lastEnd = -1;
            boolean lastIsBigram = false;
            while (tokens.incrementToken()) {
                boolean bigram = CJKBigramFilter.DOUBLE_TYPE.equals(type.type());
                if (first) {
                    edgesAreBigrams = bigram && offsets.startOffset() == 0;
                    first = false;
                }
                lastEnd = offsets.endOffset();
                lastIsBigram = bigram;
            }
            tokens.end();
            return !first && edgesAreBigrams && lastIsBigram && lastEnd == literal.length();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean han(int cp) {
        return Character.isIdeographic(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
