package org.osr.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.osr.extract.DocxPackage.Source;
import org.osr.extract.DocxTextCollector.Collected;

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
 * {@code word/header1.xml}. Every part comes with its blocks: paragraphs, headings, list items, captions, table
 * cells, shapes, and in the main document their pages ({@link DocxTextCollector}, {@link DocxLayout}).
 *
 * <p>Safety: DOCTYPEs are rejected, nothing is ever resolved externally, and every XML entry is capped at
 * {@link #MAX_ENTRY_BYTES} uncompressed bytes, counted while reading (declared sizes can lie).
 */
public final class DocxStructureReader {
    public static final long MAX_ENTRY_BYTES = 200L << 20;
    /** Undecodable characters in one XML file that are still a trace (a stray bullet), not unread text. */
    static final int TRACE = 3;

    private static final String A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";

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
            DocxPackage pkg = new DocxPackage(zip, maxEntryBytes);
            List<Part> parts = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            List<Source> sources = pkg.sources();
            DocxStyles styles = DocxStyles.read(pkg);
            for (Source source : sources) {
                Collected collected = parse(pkg, styles, source);
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

    private static Collected parse(DocxPackage pkg, DocxStyles styles, Source source) throws IOException {
        if (source.kind() == PartKind.SHAPE) {
            return pkg.withXml(source.entry(), reader -> diagramText(source, reader));
        }
        return pkg.withXml(source.entry(), reader -> new DocxTextCollector(source, reader, styles).collect());
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
            DocxPackage.rejectDtd(event, source.entry());
            if (event == XMLStreamConstants.START_ELEMENT && A_NS.equals(reader.getNamespaceURI())
                    && reader.getLocalName().equals("t")) {
                text.append(reader.getElementText());
            } else if (event == XMLStreamConstants.END_ELEMENT && A_NS.equals(reader.getNamespaceURI())
                    && reader.getLocalName().equals("p") && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        }
        String t = text.toString().strip();
        if (t.isEmpty()) {
            return new Collected(List.of(), 0);
        }
        Part part = Part.of(PartKind.SHAPE, t, source.name());
        return new Collected(List.of(part.withBlocks(part.layout().stream()
                .map(line -> Block.of(line.start(), line.end(), Block.Kind.SHAPE)).toList())), 0);
    }
}
