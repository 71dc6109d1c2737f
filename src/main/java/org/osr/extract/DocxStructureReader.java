package org.osr.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a .docx package directly and labels its text by where it lives: body, headers, footers, foot/endnotes,
 * comments, hidden runs ({@code w:vanish}) and tracked deletions ({@code w:del}, {@code w:moveFrom}) — the layers
 * a generic extractor either mislabels or merges into the body — and the layers drawn over the page: watermarks
 * (VML {@code v:textpath}), text boxes and WordArt in the body ({@code w:txbxContent}; one shape part each),
 * SmartArt ({@code word/diagrams/data*.xml}) and the alternative text of images and shapes.
 *
 * <p>Symbol fonts ({@code w:sym}, runs in Wingdings or Symbol) are read as the characters they show
 * ({@link SymbolFonts}); characters that show nothing osr knows are counted, and more than {@link #TRACE} of them
 * in one XML file is an {@code undecodable-text} problem.
 *
 * <p>Parts come in reading order of a page: headers, main document, footnotes, endnotes, footers, comments; files
 * of one kind in natural name order ({@code header2} before {@code header10}). Within one file, the kinds appear in
 * the order of the first paragraph contributing to them. Each part's source is the zip entry name, e.g.
 * {@code word/header1.xml}.
 *
 * <p>Safety: DOCTYPEs are rejected, nothing is ever resolved externally, and every XML entry is capped at
 * {@link #MAX_ENTRY_BYTES} uncompressed bytes, counted while reading (declared sizes can lie).
 */
public final class DocxStructureReader {
    public static final long MAX_ENTRY_BYTES = 200L << 20;
    /** Undecodable characters in one XML file that are still a trace (a stray bullet), not unread text. */
    static final int TRACE = 3;

    private static final String W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String W_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    private static final String MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private static final String VML_NS = "urn:schemas-microsoft-com:vml";
    private static final String OFFICE_NS = "urn:schemas-microsoft-com:office:office";
    private static final String WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    private static final String PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    private static final String A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static final String DEFAULT_MAIN = "word/document.xml";
    private static final Pattern HEADER = Pattern.compile("word/header[^/]*\\.xml");
    private static final Pattern FOOTER = Pattern.compile("word/footer[^/]*\\.xml");
    private static final Pattern DIAGRAM_DATA = Pattern.compile("word/diagrams/data[^/]*\\.xml");

    private DocxStructureReader() {
    }

    /** What the package holds: its parts in document order (empty ones omitted) and what could not be decoded. */
    public record Content(List<Part> parts, List<Problem> problems) {
        public Content {
            parts = List.copyOf(parts);
            problems = List.copyOf(problems);
        }
    }

    /** Reads the package; parts are returned in document order, empty parts omitted. */
    public static List<Part> read(Path docx) throws IOException {
        return readContent(docx, MAX_ENTRY_BYTES).parts();
    }

    static List<Part> read(Path docx, long maxEntryBytes) throws IOException {
        return readContent(docx, maxEntryBytes).parts();
    }

    /** Like {@link #read(Path)}, with an {@code undecodable-text} problem per XML file holding more than a trace. */
    public static Content readContent(Path docx) throws IOException {
        return readContent(docx, MAX_ENTRY_BYTES);
    }

    static Content readContent(Path docx, long maxEntryBytes) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(docx.toFile());
        } catch (ZipException e) {
            throw new DocxFormatException(docx + ": not a zip/docx package: " + e.getMessage(), e);
        }
        try (zip) {
            Package pkg = new Package(zip, maxEntryBytes);
            List<Part> parts = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            for (Source source : pkg.sources()) {
                Collected collected = pkg.parse(source);
                parts.addAll(collected.parts());
                if (collected.undecodable() > TRACE) {
                    problems.add(new Problem(Problem.UNDECODABLE_TEXT, source.name() + ": "
                            + collected.undecodable() + " characters (symbol-font glyphs or private-use codes) "
                            + "show something osr cannot decode; the text there is unreviewed"));
                }
            }
            return new Content(parts, problems);
        } catch (IllegalArgumentException e) {
            // ZipFile reports undecodable entry names this way
            throw new DocxFormatException(docx + ": corrupt zip: " + e.getMessage(), e);
        }
    }

    /** One text-bearing XML file of the package; {@code rank} orders the kinds of files. */
    private record Source(ZipEntry entry, PartKind kind, int rank) {
        String name() {
            return entry.getName();
        }
    }

    private record Relationship(String type, String target, boolean external) {
    }

    /** The parts of one XML file and how many of its characters could not be decoded. */
    private record Collected(List<Part> parts, int undecodable) {
    }

    @FunctionalInterface
    private interface XmlBody<T> {
        T apply(XMLStreamReader reader) throws XMLStreamException, IOException;
    }

    private static final class Package {
        private final ZipFile zip;
        private final long maxEntryBytes;
        private final XMLInputFactory factory = secureFactory();
        /** OPC part names are case-insensitive. */
        private final Map<String, ZipEntry> entries = new LinkedHashMap<>();

        Package(ZipFile zip, long maxEntryBytes) {
            this.zip = zip;
            this.maxEntryBytes = maxEntryBytes;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    entries.putIfAbsent(entry.getName().toLowerCase(Locale.ROOT), entry);
                }
            }
        }

        private ZipEntry entry(String name) {
            return name == null ? null : entries.get(name.toLowerCase(Locale.ROOT));
        }

        List<Source> sources() throws IOException {
            String mainName = mainPartName();
            ZipEntry main = entry(mainName);
            if (main == null) {
                main = entry(DEFAULT_MAIN);
            }
            if (main == null) {
                throw new DocxFormatException("no WordprocessingML main part (" + mainName + ") in package");
            }
            Map<String, Source> found = new HashMap<>();
            found.put(main.getName(), new Source(main, PartKind.BODY, 1));
            for (Relationship rel : relationships(relsNameOf(main.getName()))) {
                Source source = rel.external() ? null : byRelationship(rel, main.getName());
                if (source != null) {
                    found.putIfAbsent(source.name(), source);
                }
            }
            // Unreferenced parts are invisible in Word but still published with the file.
            for (ZipEntry entry : entries.values()) {
                Source source = byName(entry);
                if (source != null) {
                    found.putIfAbsent(entry.getName(), source);
                }
            }
            List<Source> sorted = new ArrayList<>(found.values());
            sorted.sort(Comparator.comparingInt(Source::rank)
                    .thenComparingInt(s -> s.name().length())
                    .thenComparing(Source::name));
            return sorted;
        }

        private String mainPartName() throws IOException {
            for (Relationship rel : relationships("_rels/.rels")) {
                if (!rel.external() && rel.type().endsWith("/officeDocument")) {
                    String name = resolve("", rel.target());
                    if (name != null && entry(name) != null) {
                        return name;
                    }
                }
            }
            return DEFAULT_MAIN;
        }

        private Source byRelationship(Relationship rel, String mainName) {
            String type = rel.type().substring(rel.type().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            ZipEntry target = entry(resolve(mainName, rel.target()));
            return target == null ? null : ranked(target, type);
        }

        private Source byName(ZipEntry entry) {
            String name = entry.getName().toLowerCase(Locale.ROOT);
            if (name.equals(DEFAULT_MAIN)) {
                return new Source(entry, PartKind.BODY, 1);
            }
            if (HEADER.matcher(name).matches()) {
                return ranked(entry, "header");
            }
            if (FOOTER.matcher(name).matches()) {
                return ranked(entry, "footer");
            }
            if (DIAGRAM_DATA.matcher(name).matches()) {
                return ranked(entry, "diagramdata");
            }
            return switch (name) {
                case "word/footnotes.xml" -> ranked(entry, "footnotes");
                case "word/endnotes.xml" -> ranked(entry, "endnotes");
                case "word/comments.xml" -> ranked(entry, "comments");
                default -> null;
            };
        }

        /** Kind and rank by relationship-type suffix; null for parts that carry no reviewable text. */
        private static Source ranked(ZipEntry entry, String type) {
            return switch (type) {
                case "header" -> new Source(entry, PartKind.HEADER, 0);
                case "footnotes" -> new Source(entry, PartKind.FOOTNOTE, 2);
                case "endnotes" -> new Source(entry, PartKind.FOOTNOTE, 3);
                case "footer" -> new Source(entry, PartKind.FOOTER, 4);
                case "comments" -> new Source(entry, PartKind.COMMENT, 5);
                case "diagramdata" -> new Source(entry, PartKind.SHAPE, 6);
                default -> null;
            };
        }

        private static String relsNameOf(String partName) {
            int slash = partName.lastIndexOf('/');
            return partName.substring(0, slash + 1) + "_rels/" + partName.substring(slash + 1) + ".rels";
        }

        /** Resolves a relationship target against its source part; null if it leaves the package or is unusable. */
        private static String resolve(String sourcePart, String target) {
            try {
                URI base = new URI(null, null, "/" + sourcePart, null);
                URI resolved = base.resolve(new URI(target)).normalize();
                String path = resolved.getPath();
                if (resolved.getScheme() != null || resolved.getRawAuthority() != null || path == null
                        || !path.startsWith("/") || path.startsWith("/..")) {
                    return null;
                }
                return path.substring(1);
            } catch (URISyntaxException | IllegalArgumentException e) {
                return null;
            }
        }

        private List<Relationship> relationships(String relsName) throws IOException {
            ZipEntry rels = entry(relsName);
            if (rels == null) {
                return List.of();
            }
            return withXml(rels, reader -> {
                List<Relationship> list = new ArrayList<>();
                while (reader.hasNext()) {
                    int event = reader.next();
                    rejectDtd(event, rels);
                    if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("Relationship")) {
                        String type = reader.getAttributeValue(null, "Type");
                        String target = reader.getAttributeValue(null, "Target");
                        if (type != null && target != null) {
                            list.add(new Relationship(type, target,
                                    "External".equalsIgnoreCase(reader.getAttributeValue(null, "TargetMode"))));
                        }
                    }
                }
                return list;
            });
        }

        Collected parse(Source source) throws IOException {
            if (source.kind() == PartKind.SHAPE) {
                return withXml(source.entry(), reader -> diagramText(source, reader));
            }
            return withXml(source.entry(), reader -> new TextCollector(source, reader).collect());
        }

        private <T> T withXml(ZipEntry entry, XmlBody<T> body) throws IOException {
            if (entry.getSize() > maxEntryBytes) {
                throw CappedInputStream.tooLarge(entry.getName(), maxEntryBytes);
            }
            CappedInputStream in = new CappedInputStream(zip.getInputStream(entry), entry.getName(), maxEntryBytes);
            try (in) {
                XMLStreamReader reader = factory.createXMLStreamReader(in);
                try {
                    return body.apply(reader);
                } finally {
                    reader.close();
                }
            } catch (XMLStreamException e) {
                // The StAX parser wraps stream failures; report the size cap as itself.
                if (in.overflow != null) {
                    throw in.overflow;
                }
                throw new DocxFormatException(entry.getName() + ": malformed XML: " + e.getMessage(), e);
            }
        }
    }

    private static void rejectDtd(int event, ZipEntry entry) throws DocxFormatException {
        if (event == XMLStreamConstants.DTD) {
            throw new DocxFormatException(entry.getName() + ": DOCTYPE is not allowed in OOXML parts");
        }
    }

    private static XMLInputFactory secureFactory() {
        return SafeXml.newFactory();
    }

    /**
     * SmartArt data: the text of every node ({@code a:t}), a line per DrawingML paragraph. The cached drawing
     * ({@code word/diagrams/drawing*.xml}) repeats the same text and is not read.
     */
    private static Collected diagramText(Source source, XMLStreamReader reader)
            throws XMLStreamException, DocxFormatException {
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            rejectDtd(event, source.entry());
            if (event == XMLStreamConstants.START_ELEMENT && A_NS.equals(reader.getNamespaceURI())
                    && reader.getLocalName().equals("t")) {
                text.append(reader.getElementText());
            } else if (event == XMLStreamConstants.END_ELEMENT && A_NS.equals(reader.getNamespaceURI())
                    && reader.getLocalName().equals("p") && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        }
        String t = text.toString().strip();
        return new Collected(t.isEmpty() ? List.of() : List.of(Part.of(PartKind.SHAPE, t, source.name())), 0);
    }

    /** Counts uncompressed bytes and fails once an entry exceeds its cap. */
    private static final class CappedInputStream extends FilterInputStream {
        private final String name;
        private final long max;
        private long count;
        DocxFormatException overflow;

        CappedInputStream(InputStream in, String name, long max) {
            super(in);
            this.name = name;
            this.max = max;
        }

        static DocxFormatException tooLarge(String name, long max) {
            return new DocxFormatException(name + ": uncompressed size exceeds the limit of " + max + " bytes");
        }

        private void add(long n) throws DocxFormatException {
            count += n;
            if (count > max) {
                overflow = tooLarge(name, max);
                throw overflow;
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(skipped);
            return skipped;
        }
    }

    /**
     * Walks one WordprocessingML part. Each paragraph keeps a buffer per kind; when the paragraph ends, every
     * non-empty buffer becomes one line of that kind's part. Nested paragraphs (text boxes) flush first. A text box
     * in the body is a shape part of its own; in a header, footer, note or comment it stays with its host, whose
     * rules see all of it already. Watermarks and alternative text come after the file's other parts.
     */
    private static final class TextCollector {
        private final Source source;
        private final XMLStreamReader reader;
        private final Map<PartKind, StringBuilder> parts = new LinkedHashMap<>();
        private final List<Map<PartKind, StringBuilder>> paragraphs = new ArrayList<>();
        /** Open elements: W local names as-is, others as {@code namespace|local}. */
        private final List<String> path = new ArrayList<>();
        /** Per open {@code w:r}: whether its rPr hides it. */
        private final List<Boolean> runs = new ArrayList<>();
        /** Per open {@code w:r}: the symbol font its rPr sets, or null. */
        private final List<String> runFonts = new ArrayList<>();
        /** Parts drawn over the page (shapes, watermarks), in document order. */
        private final List<Part> layers = new ArrayList<>();
        private final Set<String> altText = new LinkedHashSet<>();
        /** The body text box being read, or null; {@code boxDepth} counts nested {@code w:txbxContent}. */
        private StringBuilder box;
        private int boxDepth;
        private String vmlShapeId;
        private int undecodable;
        /** Per open {@code mc:AlternateContent}: whether a branch was already read. */
        private final List<Boolean> alternates = new ArrayList<>();
        private int changeDepth;

        TextCollector(Source source, XMLStreamReader reader) {
            this.source = source;
            this.reader = reader;
        }

        Collected collect() throws XMLStreamException, IOException {
            paragraphs.add(new EnumMap<>(PartKind.class));
            while (reader.hasNext()) {
                int event = reader.next();
                rejectDtd(event, source.entry());
                if (event == XMLStreamConstants.START_ELEMENT) {
                    start();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end();
                }
            }
            flush(paragraphs.remove(paragraphs.size() - 1));
            List<Part> out = new ArrayList<>();
            parts.forEach((kind, text) -> {
                if (!text.toString().isBlank()) {
                    out.add(Part.of(kind, text.toString(), source.name()));
                }
            });
            out.addAll(layers);
            if (!altText.isEmpty()) {
                out.add(Part.of(PartKind.ALT_TEXT, String.join("\n", altText), source.name()));
            }
            return new Collected(out, undecodable);
        }

        private void start() throws XMLStreamException {
            String ns = reader.getNamespaceURI();
            String local = reader.getLocalName();
            if (W_NS.equals(ns) || W_STRICT_NS.equals(ns)) {
                if (startWord(local)) {
                    path.add(local);
                }
            } else if (MC_NS.equals(ns)) {
                if (!startMarkupCompatibility(local)) {
                    skipElement();
                }
            } else {
                startDrawing(ns, local);
                path.add(ns + "|" + local);
            }
        }

        /** Watermarks, WordArt and alternative text, all carried in attributes. */
        private void startDrawing(String ns, String local) {
            if (VML_NS.equals(ns)) {
                switch (local) {
                    case "shape" -> {
                        vmlShapeId = reader.getAttributeValue(null, "id");
                        addAltText(reader.getAttributeValue(null, "alt"));
                    }
                    case "textpath" -> addLayer(watermark() ? PartKind.WATERMARK : PartKind.SHAPE,
                            reader.getAttributeValue(null, "string"));
                    case "imagedata" -> addAltText(reader.getAttributeValue(OFFICE_NS, "title"));
                    default -> {
                    }
                }
            } else if ((WP_NS.equals(ns) && local.equals("docPr")) || (PIC_NS.equals(ns) && local.equals("cNvPr"))) {
                addAltText(reader.getAttributeValue(null, "title"));
                addAltText(reader.getAttributeValue(null, "descr"));
            }
        }

        /** Word names its watermark shapes PowerPlusWaterMarkObject…; any VML WordArt in a header is one too. */
        private boolean watermark() {
            return (vmlShapeId != null && vmlShapeId.contains("WaterMark"))
                    || source.kind() == PartKind.HEADER || source.kind() == PartKind.FOOTER;
        }

        private void addLayer(PartKind kind, String text) {
            if (text != null && !text.isBlank()) {
                layers.add(Part.of(changeDepth > 0 ? PartKind.DELETED : kind, decodePrivateUse(text),
                        source.name()));
            }
        }

        private void addAltText(String text) {
            if (text != null && !text.isBlank()) {
                altText.add(decodePrivateUse(text.strip()));
            }
        }

        /** Returns false when the element was consumed (text, skipped subtree). */
        private boolean startWord(String local) throws XMLStreamException {
            switch (local) {
                case "p" -> paragraphs.add(new EnumMap<>(PartKind.class));
                case "r" -> {
                    runs.add(Boolean.FALSE);
                    runFonts.add(null);
                }
                case "txbxContent" -> {
                    if (boxDepth++ == 0 && source.kind() == PartKind.BODY) {
                        box = new StringBuilder();
                    }
                }
                case "rFonts" -> {
                    if (parent(0).equals("rPr") && parent(1).equals("r")) {
                        String font = wordAttribute("ascii");
                        runFonts.set(runFonts.size() - 1, SymbolFonts.isSymbolFont(font) ? font
                                : SymbolFonts.isSymbolFont(wordAttribute("hAnsi")) ? wordAttribute("hAnsi") : null);
                    }
                }
                case "sym" -> appendInRun(symbol(wordAttribute("font"), wordAttribute("char")));
                case "del", "moveFrom" -> changeDepth++;
                case "t", "delText" -> {
                    append(decode(reader.getElementText()));
                    return false;
                }
                case "instrText", "delInstrText" -> {
                    skipElement();
                    return false;
                }
                case "tab", "ptab" -> appendInRun("\t");
                case "br", "cr" -> appendInRun("\n");
                case "noBreakHyphen" -> appendInRun("-");
                case "vanish", "specVanish" -> {
                    // only the run's own properties: pPr/rPr (paragraph mark) and rPrChange (old formatting)
                    // don't hide text
                    if (parent(0).equals("rPr") && parent(1).equals("r") && isOn(wordAttribute("val"))) {
                        runs.set(runs.size() - 1, Boolean.TRUE);
                    }
                }
                case "footnote", "endnote" -> {
                    String type = wordAttribute("type");
                    if (type != null && !type.equals("normal")) {
                        skipElement(); // separator / continuation marks
                        return false;
                    }
                }
                default -> {
                }
            }
            return true;
        }

        private boolean startMarkupCompatibility(String local) {
            switch (local) {
                case "AlternateContent" -> alternates.add(Boolean.FALSE);
                case "Choice", "Fallback" -> {
                    // the first branch wins; later ones repeat the same content in another markup (VML text boxes)
                    if (alternates.isEmpty() || alternates.get(alternates.size() - 1)) {
                        return false;
                    }
                    alternates.set(alternates.size() - 1, Boolean.TRUE);
                }
                default -> {
                }
            }
            path.add(MC_NS + "|" + local);
            return true;
        }

        private void end() {
            String key = path.remove(path.size() - 1);
            switch (key) {
                case "p" -> flush(paragraphs.remove(paragraphs.size() - 1));
                case "r" -> {
                    runs.remove(runs.size() - 1);
                    runFonts.remove(runFonts.size() - 1);
                }
                case "txbxContent" -> {
                    if (--boxDepth == 0 && box != null) {
                        if (!box.toString().isBlank()) {
                            layers.add(Part.of(PartKind.SHAPE, box.toString(), source.name()));
                        }
                        box = null;
                    }
                }
                case "del", "moveFrom" -> changeDepth--;
                case MC_NS + "|AlternateContent" -> alternates.remove(alternates.size() - 1);
                default -> {
                }
            }
        }

        private void skipElement() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private String parent(int up) {
            int i = path.size() - 1 - up;
            return i >= 0 ? path.get(i) : "";
        }

        private String wordAttribute(String name) {
            String value = reader.getAttributeValue(W_NS, name);
            if (value == null) {
                value = reader.getAttributeValue(W_STRICT_NS, name);
            }
            return value;
        }

        /** {@code w:sym}: a character of a symbol font, given as a hex code (F0AB or AB). */
        private String symbol(String font, String hex) {
            int code;
            try {
                code = Integer.parseInt(hex == null ? "" : hex.strip(), 16);
            } catch (NumberFormatException e) {
                undecodable++;
                return "\uFFFD";
            }
            if (font == null || !SymbolFonts.isSymbolFont(font)) {
                // a w:sym in an ordinary font holds a Unicode code point
                return code >= 0xF000 && code <= 0xF0FF || !Character.isValidCodePoint(code)
                        ? unmapped() : Character.toString(code);
            }
            int cp = SymbolFonts.toUnicode(font, code);
            return cp == SymbolFonts.UNMAPPED ? unmapped() : Character.toString(cp);
        }

        /** Run text: in a symbol font, the font's codes are what they show; elsewhere U+F0xx shows nothing known. */
        private String decode(String text) {
            String font = runFonts.isEmpty() ? null : runFonts.get(runFonts.size() - 1);
            if (font == null) {
                return decodePrivateUse(text);
            }
            StringBuilder sb = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                if (SymbolFonts.isFontCode(c) && c != '\n' && c != '\t') {
                    int cp = SymbolFonts.toUnicode(font, c);
                    sb.append(cp == SymbolFonts.UNMAPPED ? unmapped() : Character.toString(cp));
                } else {
                    sb.appendCodePoint(c);
                }
            });
            return sb.toString();
        }

        /** U+F000–U+F0FF is where Word keeps symbol-font codes; without the font they are counted, not text. */
        private String decodePrivateUse(String text) {
            if (text.chars().noneMatch(c -> c >= 0xF000 && c <= 0xF0FF)) {
                return text;
            }
            StringBuilder sb = new StringBuilder(text.length());
            text.chars().forEach(c -> sb.append(c >= 0xF000 && c <= 0xF0FF ? unmapped() : String.valueOf((char) c)));
            return sb.toString();
        }

        private String unmapped() {
            undecodable++;
            return "\uFFFD";
        }

        private static boolean isOn(String val) {
            return val == null || !(val.equals("false") || val.equals("0") || val.equals("off"));
        }

        private void appendInRun(String s) {
            if (parent(0).equals("r")) {
                append(s);
            }
        }

        private void append(String s) {
            if (s.isEmpty()) {
                return;
            }
            // any enclosing hidden run counts: a text box anchored in a hidden run is hidden with it
            PartKind kind = changeDepth > 0 ? PartKind.DELETED : runs.contains(Boolean.TRUE) ? PartKind.HIDDEN
                    : box != null ? PartKind.SHAPE : source.kind();
            paragraphs.get(paragraphs.size() - 1).computeIfAbsent(kind, k -> new StringBuilder()).append(s);
        }

        private void flush(Map<PartKind, StringBuilder> paragraph) {
            paragraph.forEach((kind, line) -> {
                StringBuilder part = kind == PartKind.SHAPE && box != null ? box
                        : parts.computeIfAbsent(kind, k -> new StringBuilder());
                if (!part.isEmpty()) {
                    part.append('\n');
                }
                part.append(line);
            });
        }
    }
}
