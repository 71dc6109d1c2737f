package org.osr.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The layers of a workbook or a presentation that Tika folds into its body text, read again as labelled parts so
 * position rules see them for what they are: a sheet's print header and footer ({@code header}/{@code footer}), the
 * cells of hidden sheets ({@code hidden}), the text a slide master or layout puts on every slide ({@code header}) and
 * speaker notes ({@code comment}). Tika's body keeps this text too; a finding in both places is reported in both.
 */
final class OoxmlLayers {
    private static final String SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final Pattern WORKSHEET = Pattern.compile("xl/worksheets/[^/]+\\.xml");
    private static final Pattern MASTER_OR_LAYOUT = Pattern.compile("ppt/(slideMasters|slideLayouts)/[^/]+\\.xml");
    private static final Pattern NOTES = Pattern.compile("ppt/notesSlides/[^/]+\\.xml");
    /** Header/footer codes of SpreadsheetML: &L &C &R, &P page, &"font,style", &12 size, &K colour… */
    private static final Pattern HEADER_CODES = Pattern.compile("&(\"[^\"]*\"|K[0-9A-Fa-f]{6}|K\\d{2}[+-]\\d{3}|\\d+|[LCRPNDTFAZGBIUSXYEOH&])");
    /** Placeholder types whose text a master or layout really shows on slides (the rest is prompt text). */
    private static final List<String> SHOWN_PLACEHOLDERS = List.of("ftr", "dt", "hdr");

    private OoxmlLayers() {
    }

    static List<Part> read(Path file, String mediaType) throws IOException {
        boolean workbook = mediaType.contains("spreadsheetml") || mediaType.contains("ms-excel.sheet.");
        boolean presentation = mediaType.contains("presentationml") || mediaType.contains("ms-powerpoint.");
        if (!workbook && !presentation) {
            return List.of();
        }
        if (!isZip(file)) {
            return List.of();   // an encrypted workbook is an OLE2 container; Tika decrypted it when it could
        }
        List<Part> parts = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (workbook) {
                workbook(zip, parts);
            } else {
                presentation(zip, parts);
            }
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
        return parts;
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    private static void workbook(ZipFile zip, List<Part> parts) throws IOException, XMLStreamException {
        List<String> shared = sharedStrings(zip);
        List<String> hidden = hiddenSheets(zip);
        for (ZipEntry entry : entries(zip, WORKSHEET)) {
            StringBuilder header = new StringBuilder();
            StringBuilder footer = new StringBuilder();
            StringBuilder cells = new StringBuilder();
            boolean isHidden = hidden.contains(entry.getName());
            try (InputStream in = SafeXml.open(zip, entry)) {
                XMLStreamReader x = SafeXml.reader(in, entry);
                String cellType = null;
                while (x.hasNext()) {
                    int event = SafeXml.next(x, entry);
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = x.getLocalName();
                    if (name.endsWith("Header") && !name.equals("headerFooter")) {
                        header.append(headerText(x.getElementText())).append('\n');
                    } else if (name.endsWith("Footer") && !name.equals("headerFooter")) {
                        footer.append(headerText(x.getElementText())).append('\n');
                    } else if (isHidden && name.equals("c")) {
                        cellType = x.getAttributeValue(null, "t");
                    } else if (isHidden && (name.equals("v") || name.equals("t"))) {
                        String v = x.getElementText();
                        cells.append("s".equals(cellType) && name.equals("v") ? sharedString(shared, v) : v)
                                .append('\n');
                    }
                }
            }
            add(parts, PartKind.HEADER, header, entry);
            add(parts, PartKind.FOOTER, footer, entry);
            add(parts, PartKind.HIDDEN, cells, entry);
        }
    }

    private static void presentation(ZipFile zip, List<Part> parts) throws IOException, XMLStreamException {
        for (ZipEntry entry : entries(zip, MASTER_OR_LAYOUT)) {
            add(parts, PartKind.HEADER, shapeText(zip, entry, true), entry);
        }
        for (ZipEntry entry : entries(zip, NOTES)) {
            add(parts, PartKind.COMMENT, shapeText(zip, entry, false), entry);
        }
    }

    /** The text of a slide part's shapes, a paragraph per line; on masters only what slides really show. */
    private static StringBuilder shapeText(ZipFile zip, ZipEntry entry, boolean shownOnly)
            throws IOException, XMLStreamException {
        StringBuilder out = new StringBuilder();
        try (InputStream in = SafeXml.open(zip, entry)) {
            XMLStreamReader x = SafeXml.reader(in, entry);
            StringBuilder shape = new StringBuilder();
            boolean placeholderPrompt = false;
            int depth = 0;
            while (x.hasNext()) {
                int event = SafeXml.next(x, entry);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if (name.equals("sp")) {
                        depth++;
                        shape.setLength(0);
                        placeholderPrompt = false;
                    } else if (name.equals("ph")) {
                        String type = x.getAttributeValue(null, "type");
                        placeholderPrompt = shownOnly && (type == null || !SHOWN_PLACEHOLDERS.contains(type));
                    } else if (name.equals("t")) {
                        shape.append(x.getElementText());
                    } else if (name.equals("br")) {
                        shape.append('\n');
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = x.getLocalName();
                    if (name.equals("p") && depth > 0) {
                        shape.append('\n');
                    } else if (name.equals("sp") && depth > 0) {
                        depth--;
                        if (!placeholderPrompt) {
                            out.append(shape);
                        }
                        shape.setLength(0);
                    }
                }
            }
        }
        return out;
    }

    private static List<String> sharedStrings(ZipFile zip) throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        ZipEntry entry = zip.getEntry("xl/sharedStrings.xml");
        if (entry == null) {
            return strings;
        }
        try (InputStream in = SafeXml.open(zip, entry)) {
            XMLStreamReader x = SafeXml.reader(in, entry);
            StringBuilder item = null;
            while (x.hasNext()) {
                int event = SafeXml.next(x, entry);
                if (event == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("si")) {
                    item = new StringBuilder();
                } else if (event == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("t") && item != null) {
                    item.append(x.getElementText());
                } else if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("si") && item != null) {
                    strings.add(item.toString());
                    item = null;
                }
            }
        }
        return strings;
    }

    /** Worksheet part names of sheets whose state is hidden or veryHidden. */
    private static List<String> hiddenSheets(ZipFile zip) throws IOException, XMLStreamException {
        Map<String, String> targets = new HashMap<>();
        ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
        if (rels != null) {
            try (InputStream in = SafeXml.open(zip, rels)) {
                XMLStreamReader x = SafeXml.reader(in, rels);
                while (x.hasNext()) {
                    if (SafeXml.next(x, rels) == XMLStreamConstants.START_ELEMENT
                            && x.getLocalName().equals("Relationship")) {
                        String target = x.getAttributeValue(null, "Target");
                        if (target != null) {
                            targets.put(x.getAttributeValue(null, "Id"), target.startsWith("/")
                                    ? target.substring(1) : "xl/" + target);
                        }
                    }
                }
            }
        }
        List<String> hidden = new ArrayList<>();
        ZipEntry book = zip.getEntry("xl/workbook.xml");
        if (book == null) {
            return hidden;
        }
        try (InputStream in = SafeXml.open(zip, book)) {
            XMLStreamReader x = SafeXml.reader(in, book);
            while (x.hasNext()) {
                if (SafeXml.next(x, book) == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("sheet")
                        && SHEET_NS.equals(x.getNamespaceURI())) {
                    String state = x.getAttributeValue(null, "state");
                    String target = targets.get(x.getAttributeValue(REL_NS, "id"));
                    if (state != null && !state.equals("visible") && target != null) {
                        hidden.add(target);
                    }
                }
            }
        }
        return hidden;
    }

    private static String sharedString(List<String> shared, String index) {
        try {
            int i = Integer.parseInt(index.strip());
            return i >= 0 && i < shared.size() ? shared.get(i) : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** "&L&\"宋体,加粗\"&12机密&R第&P页" → "机密 第页": codes dropped, sections on one line. */
    static String headerText(String raw) {
        return HEADER_CODES.matcher(raw).replaceAll(m -> m.group(1).equals("&") ? "&"
                : m.group(1).length() == 1 && "LCR".contains(m.group(1)) ? " " : "").strip();
    }

    private static List<ZipEntry> entries(ZipFile zip, Pattern name) {
        List<ZipEntry> found = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (name.matcher(entry.getName()).matches()) {
                found.add(entry);
            }
        }
        found.sort((a, b) -> a.getName().compareTo(b.getName()));
        return found;
    }

    private static void add(List<Part> parts, PartKind kind, CharSequence text, ZipEntry entry) {
        String t = TikaExtractor.tidy(text.toString());
        if (!t.isBlank()) {
            parts.add(Part.of(kind, t, entry.getName()));
        }
    }
}
