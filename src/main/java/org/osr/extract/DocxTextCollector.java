package org.osr.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.osr.extract.DocxLayout.Line;
import org.osr.extract.DocxLayout.Pages;
import org.osr.extract.DocxLayout.PartText;
import org.osr.extract.DocxLayout.Paragraph;
import org.osr.extract.DocxLayout.Tables;
import org.osr.extract.DocxPackage.Source;

/**
 * Walks one WordprocessingML part. Each paragraph keeps a buffer per kind; when the paragraph ends, every
 * non-empty buffer becomes one line of that kind's part. Nested paragraphs (text boxes) flush first. A text box
 * in the body is a shape part of its own; in a header, footer, note or comment it stays with its host, whose
 * rules see all of it already. Watermarks and alternative text come after the file's other parts.
 *
 * <p>Every line is also a block ({@link DocxLayout}): a paragraph, heading, list item or caption by the paragraph's
 * properties and style, the lines of one table cell one {@code CELL} block, a body text box's lines {@code SHAPE}
 * blocks, a watermark or WordArt one {@code SHAPE} block, each alternative text one paragraph. Blocks of the main
 * document (its body, hidden and deleted parts) carry the page where their text starts, counted from page and
 * section breaks; a paragraph a page break runs through is not split. Other blocks have page 0 (unknown).
 */
final class DocxTextCollector {
    private static final String W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String W_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    private static final String MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private static final String VML_NS = "urn:schemas-microsoft-com:vml";
    private static final String OFFICE_NS = "urn:schemas-microsoft-com:office:office";
    private static final String WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    private static final String PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture";

    /** The parts of one XML file and how many of its characters could not be decoded. */
    record Collected(List<Part> parts, int undecodable) {
    }

    private final Source source;
    private final XMLStreamReader reader;
    private final DocxStyles styles;
    private final Map<PartKind, PartText> parts = new LinkedHashMap<>();
    private final List<Paragraph> paragraphs = new ArrayList<>();
    private final Tables tables = new Tables();
    /** Page count of the main document; null in other files, whose pages are not known. */
    private final Pages pages;
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
    private PartText box;
    private int boxDepth;
    private String vmlShapeId;
    private int undecodable;
    /** Per open {@code mc:AlternateContent}: whether a branch was already read. */
    private final List<Boolean> alternates = new ArrayList<>();
    private int changeDepth;

    DocxTextCollector(Source source, XMLStreamReader reader, DocxStyles styles) {
        this.source = source;
        this.reader = reader;
        this.styles = styles;
        this.pages = source.kind() == PartKind.BODY ? new Pages() : null;
    }

    Collected collect() throws XMLStreamException, IOException {
        paragraphs.add(new Paragraph());
        while (reader.hasNext()) {
            int event = reader.next();
            DocxPackage.rejectDtd(event, source.entry());
            if (event == XMLStreamConstants.START_ELEMENT) {
                start();
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                end();
            }
        }
        flush(paragraphs.remove(paragraphs.size() - 1));
        List<Part> out = new ArrayList<>();
        parts.forEach((kind, text) -> {
            if (!text.isBlank()) {
                out.add(text.toPart(kind, source.name()));
            }
        });
        out.addAll(layers);
        if (!altText.isEmpty()) {
            PartText alt = new PartText();
            altText.forEach(text -> alt.addLine(text, Block.Kind.PARAGRAPH, 0, null));
            out.add(alt.toPart(PartKind.ALT_TEXT, source.name()));
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
            layers.add(PartText.single(changeDepth > 0 ? PartKind.DELETED : kind, decodePrivateUse(text),
                    Block.Kind.SHAPE, source.name()));
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
            case "p" -> paragraphs.add(new Paragraph());
            case "r" -> {
                runs.add(Boolean.FALSE);
                runFonts.add(null);
            }
            case "txbxContent" -> {
                if (boxDepth++ == 0 && source.kind() == PartKind.BODY) {
                    box = new PartText();
                }
                tables.openBox();
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
            case "br" -> {
                appendInRun("\n");
                if (pages != null && parent(0).equals("r") && "page".equals(wordAttribute("type"))) {
                    pages.hardBreak();
                }
            }
            case "cr" -> appendInRun("\n");
            case "lastRenderedPageBreak" -> {
                if (pages != null) {
                    pages.softBreak();
                }
            }
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
            default -> startLayout(local);
        }
        return true;
    }

    /** Paragraph properties and table structure: what the blocks are and where they sit. */
    private void startLayout(String local) {
        boolean paragraphProperty = parent(0).equals("pPr") && parent(1).equals("p");
        Paragraph paragraph = paragraphs.get(paragraphs.size() - 1);
        switch (local) {
            case "pStyle" -> {
                if (paragraphProperty) {
                    paragraph.styleId = wordAttribute("val");
                }
            }
            case "outlineLvl" -> {
                if (paragraphProperty) {
                    paragraph.outlineLevel = DocxStyles.integer(wordAttribute("val"));
                }
            }
            case "numId" -> {
                if (parent(0).equals("numPr") && parent(1).equals("pPr") && parent(2).equals("p")) {
                    paragraph.numbered = !"0".equals(wordAttribute("val"));
                }
            }
            case "pageBreakBefore" -> {
                if (paragraphProperty) {
                    paragraph.breakBefore = isOn(wordAttribute("val"));
                }
            }
            case "sectPr" -> paragraph.sectionBreak |= paragraphProperty;
            case "type" -> {
                // a section continuing on the same page (or column) is no page break
                String type = wordAttribute("val");
                if (parent(0).equals("sectPr") && parent(1).equals("pPr")
                        && ("continuous".equals(type) || "nextColumn".equals(type))) {
                    paragraph.sectionBreak = false;
                }
            }
            case "tbl" -> tables.openTable();
            case "tr" -> tables.row();
            case "tc" -> tables.cell();
            case "gridBefore" -> {
                if (parent(0).equals("trPr")) {
                    tables.skipColumns(DocxStyles.integer(wordAttribute("val")));
                }
            }
            case "tblHeader" -> {
                if (parent(0).equals("trPr")) {
                    tables.headerRow(isOn(wordAttribute("val")));
                }
            }
            case "gridSpan" -> {
                if (parent(0).equals("tcPr")) {
                    tables.span(DocxStyles.integer(wordAttribute("val")));
                }
            }
            default -> {
            }
        }
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
            case "pPr" -> {
                if (parent(0).equals("p") && paragraphs.get(paragraphs.size() - 1).resolve(styles) && pages != null) {
                    pages.softBreak();
                }
            }
            case "p" -> {
                Paragraph paragraph = paragraphs.remove(paragraphs.size() - 1);
                flush(paragraph);
                if (paragraph.sectionBreak && pages != null) {
                    pages.softBreak();
                }
            }
            case "tc" -> tables.endCell();
            case "tbl" -> tables.close();
            case "r" -> {
                runs.remove(runs.size() - 1);
                runFonts.remove(runFonts.size() - 1);
            }
            case "txbxContent" -> {
                tables.close();
                if (--boxDepth == 0 && box != null) {
                    if (!box.isBlank()) {
                        layers.add(box.toPart(PartKind.SHAPE, source.name()));
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
        return DocxStyles.isOn(val);
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
        Line line = paragraphs.get(paragraphs.size() - 1).lines.computeIfAbsent(kind, k -> new Line());
        line.text.append(s);
        if (pages != null && !s.isBlank()) {
            int page = pages.onText();
            if (line.page < 0) {
                line.page = page;
            }
        }
    }

    private void flush(Paragraph paragraph) {
        paragraph.lines.forEach((kind, line) -> {
            boolean inBox = kind == PartKind.SHAPE && box != null;
            PartText part = inBox ? box : parts.computeIfAbsent(kind, k -> new PartText());
            int page = inBox || pages == null ? 0 : line.page >= 0 ? line.page : pages.current();
            part.addLine(line.text, inBox ? Block.Kind.SHAPE : paragraph.kind, page, tables.current());
        });
    }
}
