package org.osr.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.osr.extract.Document;

/**
 * The archive index opened for reading ({@code osr retro}, {@code osr search}): which files it holds, which of them
 * have a page matching a query, and each file's {@link Document} rebuilt exactly as the extractor made it.
 */
public final class IndexedArchive implements Closeable {
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    /** A file the index holds, and whether it was read completely. */
    public record File(String path, boolean complete) {
    }

    private IndexedArchive(DirectoryReader reader) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    /**
     * @throws NoSuchFileException  when {@code dir} holds no index
     * @throws StaleIndexException when it was built by another extractor or normalizer version
     */
    public static IndexedArchive open(Path dir) throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) {
                throw new NoSuchFileException(dir.toString(), null, "no osr index there (build one with osr index)");
            }
        }
        PartIndex.refuseStale(dir);
        return new IndexedArchive(DirectoryReader.open(FSDirectory.open(dir)));
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    /** Every file, sorted by path. */
    public List<File> files() throws IOException {
        List<File> files = new ArrayList<>();
        searcher.search(new TermQuery(new Term(PartIndex.RECORD, PartIndex.RECORD_FILE)), new PathCollector() {
            private NumericDocValues complete;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                super.doSetNextReader(context);
                complete = context.reader().getNumericDocValues(PartIndex.COMPLETE);
            }

            @Override
            public void collect(int doc) throws IOException {
                files.add(new File(path(doc), complete.advanceExact(doc) && complete.longValue() == 1));
            }
        });
        files.sort(Comparator.comparing(File::path));
        return files;
    }

    static List<String> filePaths(IndexReader reader) throws IOException {
        List<String> paths = new ArrayList<>();
        new IndexSearcher(reader).search(new TermQuery(new Term(PartIndex.RECORD, PartIndex.RECORD_FILE)),
                new PathCollector() {
                    @Override
                    public void collect(int doc) throws IOException {
                        paths.add(path(doc));
                    }
                });
        paths.sort(null);
        return paths;
    }

    /** The paths of the files with at least one Lucene document matching {@code query}. */
    public Set<String> pathsMatching(Query query) throws IOException {
        Set<String> paths = new HashSet<>();
        searcher.search(query, new PathCollector() {
            private FixedBitSet seen;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                super.doSetNextReader(context);
                seen = new FixedBitSet(Math.max(1, (int) paths().getValueCount()));
            }

            @Override
            public void collect(int doc) throws IOException {
                SortedDocValues values = paths();
                if (values.advanceExact(doc) && !seen.getAndSet(values.ordValue())) {
                    paths.add(values.lookupOrd(values.ordValue()).utf8ToString());
                }
            }
        });
        return paths;
    }

    /**
     * The document as the extractor made it: the file record's skeleton with each part's text joined again from its
     * page records.
     *
     * @throws NoSuchFileException when the index holds no file at {@code path}
     */
    public Document document(String path) throws IOException {
        List<Integer> docs = new ArrayList<>();
        searcher.search(new TermQuery(new Term(PartIndex.PATH, path)), new SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                base = context.docBase;
            }

            @Override
            public void collect(int doc) {
                docs.add(base + doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        docs.sort(null);
        StoredFields stored = searcher.storedFields();
        Skeleton.Json skeleton = null;
        String sha256 = null;
        List<Page> pages = new ArrayList<>();
        for (int id : docs) {
            org.apache.lucene.document.Document doc = stored.document(id);
            if (PartIndex.RECORD_FILE.equals(doc.get(PartIndex.RECORD))) {
                skeleton = Skeleton.read(doc.get(PartIndex.SKELETON));
                sha256 = doc.get(PartIndex.SHA256);
            } else {
                BytesRef utf16 = doc.getBinaryValue(PartIndex.TEXT_UTF16);
                String text = utf16 == null ? doc.get(PartIndex.TEXT)
                        : new String(utf16.bytes, utf16.offset, utf16.length, StandardCharsets.UTF_16BE);
                pages.add(new Page(doc.getField(PartIndex.PART).numericValue().intValue(),
                        doc.getField(PartIndex.OFFSET).numericValue().intValue(), text));
            }
        }
        if (skeleton == null) {
            throw new NoSuchFileException(path, null, "not in the index");
        }
        pages.sort(Comparator.comparingInt(Page::part).thenComparingInt(Page::offset));
        List<String> texts = new ArrayList<>();
        int next = 0;
        for (int part = 0; part < skeleton.parts().size(); part++) {
            StringBuilder text = new StringBuilder();
            int expected = skeleton.parts().get(part).pages();
            for (int k = 0; k < expected; k++, next++) {
                if (next >= pages.size() || pages.get(next).part() != part) {
                    throw new IOException("the index is damaged: " + path + " part " + part + " lacks pages");
                }
                if (k > 0) {
                    text.append(org.osr.extract.Part.PAGE_BREAK);
                }
                text.append(pages.get(next).text());
            }
            texts.add(text.toString());
        }
        return Skeleton.document(path, sha256, skeleton, texts);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private record Page(int part, int offset, String text) {
    }

    /** Collects without scores, with each segment's path doc values at hand. */
    private abstract static class PathCollector extends SimpleCollector {
        private SortedDocValues paths;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            paths = context.reader().getSortedDocValues(PartIndex.PATH);
        }

        /** The doc values positioned nowhere in particular: callers advance them. */
        SortedDocValues paths() {
            return paths;
        }

        String path(int doc) throws IOException {
            return paths.advanceExact(doc) ? paths.lookupOrd(paths.ordValue()).utf8ToString() : null;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
