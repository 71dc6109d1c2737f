package org.osr.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.osr.extract.Document;
import org.osr.extract.Part;
import org.osr.extract.Problem;
import org.osr.normalize.NormalizedText;
import org.osr.normalize.Normalizer;

/**
 * The archive index: one Lucene document per page of every extracted part (a part without page breaks is one page),
 * plus one record per file with its identity and its {@link Skeleton} (everything of the document but its texts), so
 * {@link IndexedArchive} rebuilds the exact document. Stored fields use Lucene 9.12's {@code BEST_SPEED} mode (LZ4):
 * {@code osr retro} decompresses every candidate file's pages, which DEFLATE ({@code BEST_COMPRESSION}) made about
 * 2.5 times slower for an index about a fifth smaller.
 *
 * <p>The index holds the full text of what was read, so its directory is created owner-only ({@code rwx------}).
 */
public final class PartIndex implements Closeable {
    /** Bump when osr's extraction output changes; the Tika version is part of it too. */
    public static final String EXTRACTOR_VERSION = "2/" + org.apache.tika.Tika.getString();
    public static final String NORMALIZER_VERSION = Normalizer.VERSION;
    public static final String USER_DATA_EXTRACTOR = "osr.extractor";
    public static final String USER_DATA_NORMALIZER = "osr.normalizer";

    /** Stored and indexed fields of the index's documents. */
    public static final String RECORD = "record";
    public static final String RECORD_FILE = "file";
    public static final String RECORD_PART = "part";
    public static final String PATH = "path";
    public static final String SHA256 = "sha256";
    public static final String KIND = "kind";
    public static final String PART = "part";
    public static final String SOURCE = "source";
    public static final String PAGE = "page";
    public static final String LINE = "line";
    public static final String OFFSET = "offset";
    public static final String EMBEDDED = "embedded";
    public static final String TEXT = "text";
    public static final String NORMALIZED = "normalized";
    public static final String COMPLETE = "complete";
    public static final String PROBLEM = "problem";
    /** On the file records a sweep wrote: the sweep's {@code --out} folder, and the item's key in that sweep. */
    public static final String SCOPE = "scope";
    public static final String ITEM_KEY = "item-key";
    /** The file record's {@link Skeleton}: everything of the document but its texts. */
    public static final String SKELETON = "skeleton";
    /** A page's text as UTF-16 bytes, only when it holds a lone surrogate (stored strings are UTF-8). */
    public static final String TEXT_UTF16 = "text16";

    /** What adding one file did. */
    public enum Change { ADDED, REPLACED, UNCHANGED }

    private final IndexWriter writer;
    private final DirectoryReader before;

    private PartIndex(IndexWriter writer) throws IOException {
        this.writer = writer;
        this.before = DirectoryReader.open(writer);
    }

    /**
     * Opens the index in {@code dir}, creating the directory (owner-only) and an empty index if needed.
     *
     * @throws StaleIndexException when the index was committed by another extractor or normalizer version
     */
    public static PartIndex open(Path dir) throws IOException {
        createOwnerOnly(dir);
        refuseStale(dir);
        IndexWriterConfig config = new IndexWriterConfig(OsrAnalyzers.PER_FIELD)
                .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_SPEED))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        IndexWriter writer = new IndexWriter(FSDirectory.open(dir), config);
        try {
            return new PartIndex(writer);
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(ownerOnly));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(dir, ownerOnly); // the umask may have widened a new directory's mode
        }
    }

    static void refuseStale(Path dir) throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Map<String, String> built = reader.getIndexCommit().getUserData();
                String extractor = built.get(USER_DATA_EXTRACTOR);
                String normalizer = built.get(USER_DATA_NORMALIZER);
                if (!EXTRACTOR_VERSION.equals(extractor) || !NORMALIZER_VERSION.equals(normalizer)) {
                    throw new StaleIndexException(dir + " was built by extractor " + extractor + " and normalizer "
                            + normalizer + "; this osr extracts with " + EXTRACTOR_VERSION + " and normalizes with "
                            + NORMALIZER_VERSION + ", so its parts may differ: rebuild the index (delete " + dir
                            + " and run osr index again)");
                }
            }
        }
    }

    /** The sha256 the index holds for {@code path}, or null. */
    public String indexedSha256(String path) throws IOException {
        IndexSearcher searcher = new IndexSearcher(before);
        TopDocs hit = searcher.search(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(RECORD, RECORD_FILE)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PATH, path)), BooleanClause.Occur.FILTER).build(), 1);
        return hit.scoreDocs.length == 0 ? null
                : searcher.storedFields().document(hit.scoreDocs[0].doc).get(SHA256);
    }

    /** Indexes a file's parts, replacing whatever the index held for its path; unchanged when the sha256 is. */
    public Change add(Document document) throws IOException {
        return add(document, null, null);
    }

    /**
     * As {@link #add(Document)}, for an item of a sweep: its file record also names the sweep ({@code scope}, its
     * output folder) and the item's key there, so that sweep can later remove the items gone from its source.
     */
    public Change add(Document document, String scope, String itemKey) throws IOException {
        String previous = indexedSha256(document.path());
        if (document.sha256() != null && document.sha256().equals(previous)) {
            return Change.UNCHANGED;
        }
        List<org.apache.lucene.document.Document> docs = luceneDocuments(document);
        if (scope != null) {
            docs.get(0).add(new StringField(SCOPE, scope, Field.Store.YES));
            docs.get(0).add(new StringField(ITEM_KEY, itemKey, Field.Store.YES));
        }
        writer.updateDocuments(new Term(PATH, document.path()), docs);
        return previous == null ? Change.ADDED : Change.REPLACED;
    }

    /** Removes whatever the index holds for {@code path} (a file gone from the source). */
    public void remove(String path) throws IOException {
        writer.deleteDocuments(new Term(PATH, path));
    }

    /**
     * Removes every file a sweep ({@code scope}) indexed earlier whose item key it no longer lists: items gone from
     * the sweep's source. Files indexed by other sweeps or by {@code osr index} are left alone.
     *
     * @return how many files were removed
     */
    public int removeGone(String scope, java.util.function.Predicate<String> stillListed) throws IOException {
        IndexSearcher searcher = new IndexSearcher(before);
        org.apache.lucene.search.Query ofScope = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(RECORD, RECORD_FILE)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(SCOPE, scope)), BooleanClause.Occur.FILTER).build();
        List<String> gone = new ArrayList<>();
        org.apache.lucene.index.StoredFields stored = searcher.storedFields();
        for (org.apache.lucene.search.ScoreDoc hit : searcher.search(ofScope, Math.max(1, before.maxDoc())).scoreDocs) {
            org.apache.lucene.document.Document file = stored.document(hit.doc, Set.of(PATH, ITEM_KEY));
            if (!stillListed.test(file.get(ITEM_KEY))) {
                gone.add(file.get(PATH));
            }
        }
        for (String path : gone) {
            remove(path);
        }
        return gone.size();
    }

    /** The paths of the files the index held when it was opened, sorted. */
    public List<String> indexedPaths() throws IOException {
        return IndexedArchive.filePaths(before);
    }

    /** Makes everything added so far durable, with the versions the parts were made with. */
    public void commit() throws IOException {
        commit(Map.of());
    }

    /**
     * Like {@link #commit()}, with more commit user data (a sweep's progress, say); the version entries cannot be
     * overridden.
     */
    public void commit(Map<String, String> userData) throws IOException {
        Map<String, String> data = new java.util.HashMap<>(userData);
        data.put(USER_DATA_EXTRACTOR, EXTRACTOR_VERSION);
        data.put(USER_DATA_NORMALIZER, NORMALIZER_VERSION);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /** Lucene documents in the index (files and part pages), counting what is not yet committed. */
    public int documents() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public void close() throws IOException {
        try {
            before.close();
        } finally {
            writer.close();
        }
    }

    static List<org.apache.lucene.document.Document> luceneDocuments(Document document) {
        List<org.apache.lucene.document.Document> docs = new ArrayList<>();
        org.apache.lucene.document.Document file = identity(document, RECORD_FILE);
        file.add(new StoredField(COMPLETE, String.valueOf(document.coverage().complete())));
        file.add(new NumericDocValuesField(COMPLETE, document.coverage().complete() ? 1 : 0));
        for (Problem p : document.coverage().problems()) {
            file.add(new StoredField(PROBLEM, p.code()));
        }
        docs.add(file);
        List<Part> parts = document.parts();
        List<Integer> pages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            int before = docs.size();
            addPages(document, i, parts.get(i), docs);
            pages.add(docs.size() - before);
        }
        file.add(new StoredField(SKELETON, Skeleton.of(document, pages)));
        return docs;
    }

    private static void addPages(Document document, int ordinal, Part part, List<org.apache.lucene.document.Document> out) {
        String text = part.text();
        int start = 0;
        int page = 1;
        int line = 1;
        while (true) {
            int end = part.paged() ? text.indexOf(Part.PAGE_BREAK, start) : -1;
            String slice = text.substring(start, end < 0 ? text.length() : end);
            NormalizedText normalized = Normalizer.normalize(slice);
            org.apache.lucene.document.Document doc = identity(document, RECORD_PART);
            doc.add(new StringField(KIND, part.kind().id(), Field.Store.YES));
            doc.add(new StoredField(PART, ordinal));
            if (part.source() != null) {
                doc.add(new StoredField(SOURCE, part.source()));
            }
            if (part.paged()) {
                doc.add(new IntPoint(PAGE, page));
                doc.add(new StoredField(PAGE, page));
            }
            doc.add(new StoredField(LINE, line));
            doc.add(new StoredField(OFFSET, start));
            if (part.embeddedPath() != null) {
                doc.add(new StoredField(EMBEDDED, part.embeddedPath()));
            }
            doc.add(new StoredField(TEXT, slice));
            if (hasLoneSurrogate(slice)) {
                doc.add(new StoredField(TEXT_UTF16, slice.getBytes(java.nio.charset.StandardCharsets.UTF_16BE)));
            }
            doc.add(new StoredField(NORMALIZED, normalized.text()));
            // The chains normalize again; the stored original keeps offsets pointing into the part as extracted.
            doc.add(new TextField(PartFields.BIGRAMS, slice, Field.Store.NO));
            doc.add(new TextField(PartFields.UNIGRAMS, slice, Field.Store.NO));
            out.add(doc);
            if (end < 0) {
                return;
            }
            line += lines(slice) + 1;
            start = end + 1;
            page++;
        }
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static int lines(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static org.apache.lucene.document.Document identity(Document document, String record) {
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new StringField(RECORD, record, Field.Store.YES));
        doc.add(new StringField(PATH, document.path(), Field.Store.YES));
        doc.add(new SortedDocValuesField(PATH, new BytesRef(document.path())));
        if (document.sha256() != null) {   // a file that could not be read (a sweep's) has none
            doc.add(new StringField(SHA256, document.sha256(), Field.Store.YES));
        }
        return doc;
    }
}
