package org.osr.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A .docx package as osr reads it safely: its entries (names case-insensitive, as OPC says), the relationships that
 * name the text-bearing parts, and each XML entry opened with DOCTYPEs rejected, nothing resolved externally and at
 * most {@code maxEntryBytes} uncompressed bytes read (counted while reading; declared sizes can lie).
 */
final class DocxPackage {
    static final String DEFAULT_MAIN = "word/document.xml";
    private static final Pattern HEADER = Pattern.compile("word/header[^/]*\\.xml");
    private static final Pattern FOOTER = Pattern.compile("word/footer[^/]*\\.xml");
    private static final Pattern DIAGRAM_DATA = Pattern.compile("word/diagrams/data[^/]*\\.xml");

    /** One text-bearing XML file of the package; {@code rank} orders the kinds of files. */
    record Source(ZipEntry entry, PartKind kind, int rank) {
        String name() {
            return entry.getName();
        }
    }

    private record Relationship(String type, String target, boolean external) {
    }

    @FunctionalInterface
    interface XmlBody<T> {
        T apply(XMLStreamReader reader) throws XMLStreamException, IOException;
    }

    private final ZipFile zip;
    private final long maxEntryBytes;
    private final XMLInputFactory factory = SafeXml.newFactory();
    /** OPC part names are case-insensitive. */
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();

    DocxPackage(ZipFile zip, long maxEntryBytes) {
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

    private ZipEntry mainEntry() throws IOException {
        String mainName = mainPartName();
        ZipEntry main = entry(mainName);
        if (main == null) {
            main = entry(DEFAULT_MAIN);
        }
        if (main == null) {
            throw new DocxFormatException("no WordprocessingML main part (" + mainName + ") in package");
        }
        return main;
    }

    /** The main part's style definitions ({@code word/styles.xml}), or null when the package has none. */
    ZipEntry stylesEntry() throws IOException {
        ZipEntry main = mainEntry();
        for (Relationship rel : relationships(relsNameOf(main.getName()))) {
            if (!rel.external() && rel.type().endsWith("/styles")) {
                ZipEntry styles = entry(resolve(main.getName(), rel.target()));
                if (styles != null) {
                    return styles;
                }
            }
        }
        return entry("word/styles.xml");
    }

    List<Source> sources() throws IOException {
        ZipEntry main = mainEntry();
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

    <T> T withXml(ZipEntry entry, XmlBody<T> body) throws IOException {
        return withXml(entry, capped(entry), body);
    }

    /**
     * The entry's uncompressed bytes, within the size cap. As when it is parsed directly, a stream that fails once
     * opened (a damaged deflate stream) is a malformed part, not an I/O failure of the whole file.
     */
    byte[] bytes(ZipEntry entry) throws IOException {
        CappedInputStream in = capped(entry);
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            if (in.overflow != null) {
                throw in.overflow;
            }
            throw new DocxFormatException(entry.getName() + ": malformed XML: " + e.getMessage(), e);
        }
    }

    /** Parses bytes already read from {@code entry} (see {@link #bytes}). */
    <T> T withXml(ZipEntry entry, byte[] bytes, XmlBody<T> body) throws IOException {
        return withXml(entry, new CappedInputStream(new java.io.ByteArrayInputStream(bytes), entry.getName(),
                maxEntryBytes), body);
    }

    private CappedInputStream capped(ZipEntry entry) throws IOException {
        if (entry.getSize() > maxEntryBytes) {
            throw CappedInputStream.tooLarge(entry.getName(), maxEntryBytes);
        }
        return new CappedInputStream(zip.getInputStream(entry), entry.getName(), maxEntryBytes);
    }

    private <T> T withXml(ZipEntry entry, CappedInputStream in, XmlBody<T> body) throws IOException {
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

static void rejectDtd(int event, ZipEntry entry) throws DocxFormatException {
    if (event == XMLStreamConstants.DTD) {
        throw new DocxFormatException(entry.getName() + ": DOCTYPE is not allowed in OOXML parts");
    }
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
}
