package org.osr.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;

/**
 * Compares the pages a PDF declares with the pages that could be read. PDFBox is lenient: a page the page tree
 * points at but the file lacks becomes a blank page, a missing or undecodable content stream a page without text,
 * and Tika reports all of them as read. Only when a page gave (almost) no text is the file opened again with
 * PDFBox: the page tree is walked and those pages' content is decoded and tokenised (no fonts, no text), so a
 * damaged page is named instead of passing as blank. Ordinary PDFs pay nothing.
 */
final class PdfPageTree {
    /** The operators of PDF 32000 (Annex A) and PostScript's PS; anything else outside BX…EX is not page content. */
    private static final Set<String> OPERATORS = Set.of("b", "B", "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c",
            "cm", "CS", "cs", "d", "d0", "d1", "Do", "DP", "EI", "EMC", "ET", "EX", "f", "F", "f*", "G", "g", "gs",
            "h", "i", "ID", "j", "J", "K", "k", "l", "m", "M", "MP", "n", "q", "Q", "re", "RG", "rg", "ri", "s", "S",
            "SC", "sc", "SCN", "scn", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj", "TJ", "TL", "Tm", "Tr", "Ts", "Tw",
            "Tz", "v", "w", "W", "W*", "y", "'", "\"", "PS");
    /** Filters for images, never for page content: decoding them can take minutes (JBIG2 bombs). */
    private static final Set<COSName> IMAGE_FILTERS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JBIG2_DECODE, COSName.JPX_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);
    /** Decoded content per page beyond which it is not checked. */
    private static final int MAX_CONTENT = 64 << 20;
    /** Pages nested deeper than this in the page tree are not looked for (real trees are 2–4 levels deep). */
    private static final int MAX_DEPTH = 64;
    /** Pages named per problem; the rest are counted. */
    private static final int NAMED = 10;

    private PdfPageTree() {
    }

    /** What went wrong, by kind of damage, with the 1-based page numbers it hit. */
    private record Damage(Map<String, List<Integer>> pagesByKind) {
        void add(String kind, int page) {
            pagesByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(page);
        }
    }

    static List<Problem> check(PdfFile pdf, Metadata md) {
        List<Problem> problems = new ArrayList<>();
        Integer declared = md.getInt(PagedText.N_PAGES);
        String[] charsPerPage = md.getValues("pdf:charsPerPage");
        if (declared != null && charsPerPage.length > 0 && charsPerPage.length < declared) {
            problems.add(new Problem(Problem.CORRUPT, "the PDF declares " + declared + " pages but only "
                    + charsPerPage.length + " could be read; the others are missing from its page tree"));
        }
        Set<Integer> nearlyEmpty = nearlyEmpty(charsPerPage, declared);
        Damage damage = new Damage(new TreeMap<>());
        try {
            PDDocument doc = pdf.untouched();
            COSBase pages = doc.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.PAGES);
            List<COSDictionary> leaves = new ArrayList<>();
            if (pages instanceof COSDictionary root) {
                walk(root, leaves, damage, 0, new IdentityHashMap<>());
            }
            for (int i = 0; i < leaves.size(); i++) {
                // A page that gave text may still have lost the rest of it to a damaged stream: every page's
                // content is decoded; only pages that gave (almost) nothing are also tokenised.
                if (leaves.get(i) != null) {
                    checkContent(leaves.get(i), i + 1, damage, nearlyEmpty.contains(i + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            return problems;   // Tika read it; if PDFBox alone cannot open it again, Tika's account stands
        }
        damage.pagesByKind().forEach((kind, list) -> problems.add(new Problem(Problem.CORRUPT,
                kind.replace("%s", pageList(list)))));
        return problems;
    }

    /**
     * 1-based numbers of the pages that gave (almost) no text: a damaged page reads as a blank one. Without Tika's
     * count per page, every page is suspect.
     */
    private static Set<Integer> nearlyEmpty(String[] charsPerPage, Integer declared) {
        Set<Integer> pages = new java.util.TreeSet<>();
        int count = charsPerPage.length > 0 ? charsPerPage.length : declared == null ? 0 : declared;
        for (int i = 0; i < count; i++) {
            if (i >= charsPerPage.length || chars(charsPerPage[i]) < ScannedPages.MIN_CHARS) {
                pages.add(i + 1);
            }
        }
        return pages;
    }

    private static int chars(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Leaves in page order; a kid that is not in the file is a null leaf, so later pages keep their numbers. */
    private static void walk(COSDictionary node, List<COSDictionary> leaves, Damage damage, int depth,
                             Map<COSDictionary, Boolean> seen) {
        COSArray kids = node.getCOSArray(COSName.KIDS);
        if (kids == null || depth > MAX_DEPTH || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        for (int i = 0; i < kids.size(); i++) {
            COSBase kid = kids.getObject(i);
            if (kid instanceof COSDictionary dict) {
                if (dict.containsKey(COSName.KIDS)) {
                    walk(dict, leaves, damage, depth + 1, seen);
                } else {
                    leaves.add(dict);
                }
            } else {
                leaves.add(null);
                damage.add("page(s) %s are missing from the file: the page tree points at objects that are not "
                        + "there", leaves.size());
            }
        }
    }

    private static void checkContent(COSDictionary page, int number, Damage damage, boolean tokenise) {
        COSBase contents = page.getDictionaryObject(COSName.CONTENTS);
        if (page.getItem(COSName.CONTENTS) == null) {
            return;   // a page without content is blank by design
        }
        List<COSBase> streams = new ArrayList<>();
        if (contents instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                streams.add(array.getObject(i));
            }
        } else {
            streams.add(contents);
        }
        // Producers split a page's content anywhere, even inside a number, so it is tokenised as one, the way
        // PDFBox reads it: the streams joined by newlines.
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
        for (COSBase s : streams) {
            if (!(s instanceof COSStream stream)) {
                damage.add("the content of page(s) %s is missing from the file; they were not read", number);
                return;
            }
            try {
                byte[] decoded = decode(stream);
                if (decoded == null || content.size() + decoded.length > MAX_CONTENT) {
                    return;   // not checked: more content than any real page has (a decompression bomb?)
                }
                content.write(decoded);
                content.write('\n');
            } catch (IOException e) {
                damage.add("the content of page(s) %s cannot be decoded (" + e.getMessage() + "); they were "
                        + "read only in part", number);
                return;
            }
        }
        if (tokenise && !isPageContent(content.toByteArray())) {
            damage.add("the content of page(s) %s is not PDF page content (damaged or garbage); they were not "
                    + "read", number);
        }
    }

    /**
     * The page's content, decoded; null when it is too large to be worth checking. PDFBox stops quietly at the first
     * bad byte of a Flate stream and keeps what it inflated so far, so Flate is inflated here, where damaged data
     * and a stream that ends early can be told from a whole one. Other filters fail loudly in PDFBox.
     */
    private static byte[] decode(COSStream stream) throws IOException {
        COSBase filters = stream.getDictionaryObject(COSName.FILTER);
        List<COSBase> list = new ArrayList<>();
        if (filters instanceof COSArray a) {
            a.forEach(f -> list.add(f instanceof COSObject o ? o.getObject() : f));
        } else if (filters != null) {
            list.add(filters);
        }
        for (COSBase f : list) {
            if (IMAGE_FILTERS.contains(f)) {
                throw new IOException("an image filter, " + ((COSName) f).getName() + ", on page content");
            }
        }
        boolean flate = list.size() == 1 && (COSName.FLATE_DECODE.equals(list.get(0))
                || COSName.FLATE_DECODE_ABBREVIATION.equals(list.get(0)));
        if (!flate || stream.getDictionaryObject(COSName.DECODE_PARMS) != null) {
            try (InputStream in = stream.createInputStream()) {
                byte[] content = in.readNBytes(MAX_CONTENT + 1);
                return content.length > MAX_CONTENT ? null : content;
            }
        }
        byte[] raw;
        try (InputStream in = stream.createRawInputStream()) {
            raw = in.readAllBytes();
        }
        return raw.length == 0 ? raw : inflate(raw);
    }

    private static byte[] inflate(byte[] raw) throws IOException {
        if (raw.length <= 2) {
            throw new IOException("FlateDecode data shorter than its header");
        }
        Inflater inflater = new Inflater(true);   // as PDFBox: skip the zlib header, ignore the checksum
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) Math.min(raw.length * 4L,
                1 << 20));
        try {
            inflater.setInput(raw, 2, raw.length - 2);
            byte[] buf = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("FlateDecode data ends early");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_CONTENT) {
                    return null;
                }
            }
            byte[] content = out.toByteArray();
            checksum(raw, inflater.getRemaining(), content);
            return content;
        } catch (DataFormatException e) {
            throw new IOException("FlateDecode data is damaged", e);
        } finally {
            inflater.end();
        }
    }

    /**
     * The zlib checksum (Adler-32 of the inflated bytes) after the data, when the producer wrote one: a flipped bit
     * in the middle of a stream often still inflates, into different text, and only the checksum tells.
     */
    private static void checksum(byte[] raw, int remaining, byte[] content) throws IOException {
        if (remaining < 4) {
            return;   // no checksum written; PDFBox accepts that and so does osr
        }
        int at = raw.length - remaining;
        long expected = (raw[at] & 0xFFL) << 24 | (raw[at + 1] & 0xFFL) << 16 | (raw[at + 2] & 0xFFL) << 8
                | (raw[at + 3] & 0xFFL);
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        adler.update(content);
        if (adler.getValue() != expected) {
            throw new IOException("FlateDecode data is damaged: its checksum does not match");
        }
    }

    /** A sequence of PDF operators and their operands; random bytes or another format's text is not. */
    private static boolean isPageContent(byte[] content) {
        int compatibility = 0;
        try {
            PDFStreamParser parser = new PDFStreamParser(content);
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (token instanceof Operator op) {
                    String name = op.getName();
                    compatibility += name.equals("BX") ? 1 : name.equals("EX") ? -1 : 0;
                    if (compatibility <= 0 && !OPERATORS.contains(name)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String pageList(List<Integer> pages) {
        String named = pages.stream().limit(NAMED).map(String::valueOf).collect(Collectors.joining(", "));
        return pages.size() <= NAMED ? named : named + " and " + (pages.size() - NAMED) + " more";
    }
}
