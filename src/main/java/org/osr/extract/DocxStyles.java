package org.osr.extract;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The paragraph styles of a DOCX ({@code word/styles.xml}) as far as layout needs them: which styles are headings
 * (by name — Heading 1…9, Title, 标题 1…, 标题 — or by an outline level), captions, numbered lists, and which start
 * a new page. Outline level, numbering and page-break-before are inherited along {@code w:basedOn}.
 */
final class DocxStyles {
    static final DocxStyles NONE = new DocxStyles(Map.of());

    /** Word's body-text outline level: "no level". */
    static final int BODY_LEVEL = 9;
    private static final Pattern HEADING_NAME = Pattern.compile("heading[1-9]|title|标题[1-9]?");
    private static final Pattern CAPTION_NAME = Pattern.compile("caption|题注");

    private record Style(String name, String basedOn, Integer outlineLevel, Boolean numbered, Boolean breakBefore) {
    }

    private final Map<String, Style> byId;

    private DocxStyles(Map<String, Style> byId) {
        this.byId = byId;
    }

    /**
     * The package's styles; none when it has no readable style part. Styles hold no text to review, so a broken
     * one costs only the block kinds (every paragraph is then a plain paragraph unless it says otherwise itself).
     */
    static DocxStyles read(DocxPackage pkg) throws IOException {
        ZipEntry entry = pkg.stylesEntry();
        if (entry == null) {
            return NONE;
        }
        try {
            // Word writes the whole style gallery into every file (~350 KB of XML for a one-page letter, 50 times
            // its text); the documents of one office share it byte for byte. Parsed once per content.
            byte[] bytes = pkg.bytes(entry);
            String digest = org.osr.source.Digests.sha256(bytes);
            DocxStyles styles = PARSED.get(digest);
            if (styles == null) {
                styles = pkg.withXml(entry, bytes, reader -> parse(entry, reader));
                PARSED.put(digest, styles);
            }
            return styles;
        } catch (DocxFormatException e) {
            return NONE;
        }
    }

    /** Parsed style parts by the SHA-256 of their bytes; the most recently used few. Immutable values. */
    private static final Map<String, DocxStyles> PARSED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, DocxStyles> eldest) {
                    return size() > 32;
                }
            });

    private static DocxStyles parse(ZipEntry entry, XMLStreamReader reader) throws javax.xml.stream.XMLStreamException,
            DocxFormatException {
        Map<String, Style> styles = new HashMap<>();
        String id = null;
        String name = null;
        String basedOn = null;
        Integer outline = null;
        Boolean numbered = null;
        Boolean breakBefore = null;
        boolean paragraphStyle = false;
        while (reader.hasNext()) {
            int event = reader.next();
            DocxPackage.rejectDtd(event, entry);
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "style" -> {
                        id = attribute(reader, "styleId");
                        paragraphStyle = "paragraph".equals(attribute(reader, "type"));
                        name = null;
                        basedOn = null;
                        outline = null;
                        numbered = null;
                        breakBefore = null;
                    }
                    case "name" -> name = attribute(reader, "val");
                    case "basedOn" -> basedOn = attribute(reader, "val");
                    case "outlineLvl" -> outline = integer(attribute(reader, "val"));
                    case "numId" -> numbered = !"0".equals(attribute(reader, "val"));
                    case "pageBreakBefore" -> breakBefore = isOn(attribute(reader, "val"));
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("style")) {
                if (id != null && paragraphStyle) {
                    styles.put(id, new Style(name, basedOn, outline, numbered, breakBefore));
                }
                id = null;
            }
        }
        return new DocxStyles(styles);
    }

    /** Whether paragraphs of this style are headings: by the style's own name or id, or by its outline level. */
    boolean heading(String styleId) {
        if (styleId == null) {
            return false;
        }
        Style style = byId.get(styleId);
        if (named(HEADING_NAME, styleId) || style != null && named(HEADING_NAME, style.name())) {
            return true;
        }
        Integer level = outlineLevel(styleId);
        return level != null && level < BODY_LEVEL;
    }

    boolean caption(String styleId) {
        Style style = styleId == null ? null : byId.get(styleId);
        return styleId != null && (named(CAPTION_NAME, styleId) || style != null && named(CAPTION_NAME, style.name()));
    }

    Integer outlineLevel(String styleId) {
        return inherited(styleId, Style::outlineLevel);
    }

    boolean numbered(String styleId) {
        return Boolean.TRUE.equals(inherited(styleId, Style::numbered));
    }

    boolean breakBefore(String styleId) {
        return Boolean.TRUE.equals(inherited(styleId, Style::breakBefore));
    }

    private <T> T inherited(String styleId, java.util.function.Function<Style, T> property) {
        Set<String> seen = new HashSet<>();
        for (String id = styleId; id != null && seen.add(id); ) {
            Style style = byId.get(id);
            if (style == null) {
                return null;
            }
            T value = property.apply(style);
            if (value != null) {
                return value;
            }
            id = style.basedOn();
        }
        return null;
    }

    private static boolean named(Pattern pattern, String name) {
        return name != null && pattern.matcher(name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT)).matches();
    }

    static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isOn(String val) {
        return val == null || !(val.equals("false") || val.equals("0") || val.equals("off"));
    }

    private static String attribute(XMLStreamReader reader, String name) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(name)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }
}
