package org.osr.retro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.index.IndexedArchive;
import org.osr.index.OsrAnalyzers;
import org.osr.index.PartFields;
import org.osr.index.PartIndex;
import org.osr.normalize.NormalizedText;
import org.osr.normalize.Normalizer;
import org.osr.review.Masking;
import org.osr.review.Redactor;

/**
 * Where a phrase stands across the archive ("where else did we publish this?"): the pages of the index that hold it,
 * each with its file, part, page, line and a snippet around the first occurrence. A plain query is a phrase found
 * the way a rule's term is ({@link CandidateQueries#literal}); {@code lucene} is Lucene's classic query syntax over
 * the bigram field. Snippets are masked as reports are: what the {@code mask: true} rules find in the page, and
 * every number that passes an ID or card checksum.
 */
public final class ArchiveSearch {
    /** Characters of text each side of the first occurrence in a snippet. */
    public static final int CONTEXT_CHARS = 30;

    private final Masking masking;

    /**
     * @param path     the file, masked as report paths are
     * @param page     the page, null when the part has none
     * @param line     the line of the first occurrence within its page (or part)
     * @param snippet  one line of text around the first occurrence, masked
     * @param marks    the occurrences in the snippet, as code-point {@code [offset, offset + length)}
     */
    public record Hit(String path, String part, Integer page, int line, String embeddedPath, String source,
                      String snippet, List<Mark> marks) {
    }

    public record Mark(int offset, int length) {
    }

    /** @param total pages that hold the query; {@code files} the files they belong to */
    public record Result(String query, long total, int files, List<Hit> hits) {
    }

    /** The query was not valid Lucene syntax, or analyses to nothing. */
    public static final class BadQuery extends Exception {
        BadQuery(String message) {
            super(message);
        }
    }

    public ArchiveSearch(Masking masking) {
        this.masking = masking;
    }

    public Result search(IndexedArchive archive, String text, boolean lucene, int limit)
            throws IOException, BadQuery {
        Query query = lucene ? parsed(text) : CandidateQueries.literal(text);
        if (query == null) {
            throw new BadQuery("'" + text + "' holds nothing to search for (only spaces or punctuation)");
        }
        IndexSearcher searcher = archive.searcher();
        long total = searcher.count(query);
        int files = archive.pathsMatching(query).size();
        TopDocs top = searcher.search(query, Math.max(1, limit));
        Highlight highlight = lucene ? new Terms(query) : new Phrase(text);
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            if (hits.size() >= limit) {
                break;
            }
            hits.add(hit(searcher.storedFields().document(sd.doc), highlight));
        }
        return new Result(text, total, files, hits);
    }

    private static Query parsed(String text) throws BadQuery {
        QueryParser parser = new QueryParser(PartFields.BIGRAMS, OsrAnalyzers.PER_FIELD);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);   // 机密文件 is a phrase of its bigrams, not any one of them
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            throw new BadQuery("not a valid Lucene query: " + firstLine(e.getMessage()));
        }
    }

    private Hit hit(org.apache.lucene.document.Document doc, Highlight highlight) {
        String text = doc.get(PartIndex.TEXT);
        String kind = doc.get(PartIndex.KIND);
        List<int[]> spans = highlight.spans(text);
        int first = spans.isEmpty() ? 0 : spans.get(0)[0];
        int firstEnd = spans.isEmpty() ? 0 : spans.get(0)[1];
        int from = Math.max(0, first - CONTEXT_CHARS);
        int to = Math.min(text.length(), firstEnd + CONTEXT_CHARS);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
            to++;
        }
        Redactor redactor = masking.forUnreviewed(Part.of(PartKind.fromId(kind), text));
        String shown = oneLine(redactor.window(text, from, to));
        List<Mark> marks = new ArrayList<>();
        for (int[] s : spans) {
            int a = Math.max(s[0], from);
            int b = Math.min(s[1], to);
            if (a < b) {
                marks.add(new Mark(shown.codePointCount(0, a - from), shown.codePointCount(a - from, b - from)));
            }
        }
        var page = doc.getField(PartIndex.PAGE);
        return new Hit(redactor.maskPath(doc.get(PartIndex.PATH)), kind,
                page == null ? null : page.numericValue().intValue(), lineOf(text, first),
                redactor.maskPath(doc.get(PartIndex.EMBEDDED)), redactor.mask(doc.get(PartIndex.SOURCE)), shown, marks);
    }

    /** 1-based, counted as findings count lines: from the page's (or a {@code '\f'}'s) start. */
    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == Part.PAGE_BREAK) {
                line = 1;
            }
        }
        return line;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\f', ' ').replace('\t', ' ').replace('\r', ' ');
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl).strip();
    }

    /** Where in a page's original text the query stands, as {@code [start, end)} spans in order. */
    private interface Highlight {
        List<int[]> spans(String text);
    }

    /** A plain phrase: its occurrences in the page's normalized text, mapped back to the original. */
    private static final class Phrase implements Highlight {
        private final String normalized;
        private final Terms fallback;

        Phrase(String query) {
            this.normalized = Normalizer.normalize(query).text().strip();
            Query q = CandidateQueries.literal(query);
            this.fallback = new Terms(q);
        }

        @Override
        public List<int[]> spans(String text) {
            NormalizedText page = Normalizer.normalize(text);
            List<int[]> spans = new ArrayList<>();
            String t = page.text();
            for (int at = t.indexOf(normalized); at >= 0; at = t.indexOf(normalized, at + normalized.length())) {
                spans.add(new int[] {page.originalStart(at), page.originalEnd(at + normalized.length())});
            }
            // The index found the phrase's tokens in a row where the text differs in what the tokens skip.
            return spans.isEmpty() ? fallback.spans(text) : spans;
        }
    }

    /** Any query: the page's tokens (of either field) that are among the query's terms, joined where they touch. */
    private static final class Terms implements Highlight {
        private final Set<Term> terms = new HashSet<>();
        private final List<Predicate<Term>> patterns = new ArrayList<>();

        Terms(Query query) {
            query.visit(new QueryVisitor() {
                @Override
                public void consumeTerms(Query q, Term... found) {
                    terms.addAll(List.of(found));
                }

                @Override
                public void consumeTermsMatching(Query q, String field,
                                                 java.util.function.Supplier<ByteRunAutomaton> automaton) {
                    ByteRunAutomaton run = automaton.get();
                    patterns.add(t -> t.field().equals(field) && run.run(t.bytes().bytes, t.bytes().offset,
                            t.bytes().length));
                }

                @Override
                public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                    return occur == org.apache.lucene.search.BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
                }
            });
        }

        @Override
        public List<int[]> spans(String text) {
            List<int[]> spans = new ArrayList<>();
            for (String field : List.of(PartFields.BIGRAMS, PartFields.UNIGRAMS)) {
                collect(field, field.equals(PartFields.BIGRAMS) ? OsrAnalyzers.BIGRAMS : OsrAnalyzers.UNIGRAMS, text,
                        spans);
            }
            spans.sort((a, b) -> Integer.compare(a[0], b[0]));
            List<int[]> joined = new ArrayList<>();
            for (int[] s : spans) {
                int[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
                if (last != null && s[0] <= last[1]) {
                    last[1] = Math.max(last[1], s[1]);
                } else {
                    joined.add(s.clone());
                }
            }
            return joined;
        }

        private void collect(String field, Analyzer analyzer, String text, List<int[]> out) {
            if (terms.stream().noneMatch(t -> t.field().equals(field)) && patterns.isEmpty()) {
                return;
            }
            try (TokenStream tokens = analyzer.tokenStream(field, text)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                OffsetAttribute offsets = tokens.addAttribute(OffsetAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    Term t = new Term(field, new BytesRef(term));
                    if (terms.contains(t) || patterns.stream().anyMatch(p -> p.test(t))) {
                        int end = offsets.endOffset();
                        while (end > offsets.startOffset() + 1 && Character.isWhitespace(text.charAt(end - 1))) {
                            end--;   // an end offset runs on over what the normalizer dropped after the token
                        }
                        out.add(new int[] {offsets.startOffset(), end});
                    }
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
