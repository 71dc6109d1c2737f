package org.osr.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DOCX written as WordprocessingML by hand, for the structure Word gives a document and POI's API makes awkward:
 * heading and caption styles, numbered paragraphs, tables with merged and header cells, page and section breaks,
 * Word's own rendered page breaks. A minimal but complete package (content types, relationships, styles, a default
 * header when one is given), which Word and LibreOffice open.
 */
public final class StructuredDocx {
    private static final String W = LayeredDocx.W;
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final StringBuilder body = new StringBuilder();
    private final StringBuilder styles = new StringBuilder();
    private String header;

    /** A plain body paragraph. */
    public StructuredDocx paragraph(String text) {
        return raw(p("", LayeredDocx.run(text)));
    }

    /** A body paragraph in the style {@code styleId}. */
    public StructuredDocx styled(String styleId, String text) {
        return raw(p("<w:pStyle w:val=\"" + styleId + "\"/>", LayeredDocx.run(text)));
    }

    /** Raw body XML: paragraphs ({@link #p}) or tables ({@link #table}). */
    public StructuredDocx raw(String xml) {
        body.append(xml);
        return this;
    }

    /** A paragraph style: {@code pPr} is raw paragraph properties, e.g. {@code <w:outlineLvl w:val="0"/>}. */
    public StructuredDocx style(String id, String name, String basedOn, String pPr) {
        styles.append("<w:style w:type=\"paragraph\" w:styleId=\"").append(id).append("\"><w:name w:val=\"")
                .append(name).append("\"/>");
        if (basedOn != null) {
            styles.append("<w:basedOn w:val=\"").append(basedOn).append("\"/>");
        }
        styles.append("<w:pPr>").append(pPr).append("</w:pPr></w:style>");
        return this;
    }

    /** The default page header: one paragraph per text. */
    public StructuredDocx header(String... paragraphs) {
        StringBuilder xml = new StringBuilder();
        for (String text : paragraphs) {
            xml.append(p("", LayeredDocx.run(text)));
        }
        header = xml.toString();
        return this;
    }

    // ---- raw WordprocessingML --------------------------------------------------------------------------------

    /** A paragraph with raw properties ({@code pPr} content, may be empty) and raw runs. */
    public static String p(String pPr, String... runs) {
        return "<w:p>" + (pPr.isEmpty() ? "" : "<w:pPr>" + pPr + "</w:pPr>") + String.join("", runs) + "</w:p>";
    }

    /** A hard page break ({@code Ctrl+Enter}). */
    public static String pageBreak() {
        return "<w:r><w:br w:type=\"page\"/></w:r>";
    }

    /** Where Word's last layout began a new page: the first run of that page. */
    public static String renderedPageBreak(String text) {
        return "<w:r><w:lastRenderedPageBreak/><w:t xml:space=\"preserve\">" + LayeredDocx.escape(text)
                + "</w:t></w:r>";
    }

    /** Paragraph properties ending a section here; {@code type} nextPage, continuous, evenPage, oddPage. */
    public static String sectionEnd(String type) {
        return "<w:sectPr><w:type w:val=\"" + type + "\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>";
    }

    /** Paragraph properties numbering the paragraph (a list item). */
    public static String numbered() {
        return "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>";
    }

    /** A table of rows of raw cells ({@link #cell}); the first row is a repeated header row if {@code header}. */
    public static String table(boolean header, String[]... rows) {
        StringBuilder xml = new StringBuilder("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>");
        for (int r = 0; r < rows.length; r++) {
            xml.append("<w:tr>");
            if (r == 0 && header) {
                xml.append("<w:trPr><w:tblHeader/></w:trPr>");
            }
            for (String cell : rows[r]) {
                xml.append(cell);
            }
            xml.append("</w:tr>");
        }
        return xml.append("</w:tbl>").toString();
    }

    /** A cell of one grid column holding one paragraph per text. */
    public static String cell(String... paragraphs) {
        return spanningCell(1, paragraphs);
    }

    /** A cell spanning {@code span} grid columns ({@code w:gridSpan}). */
    public static String spanningCell(int span, String... paragraphs) {
        StringBuilder xml = new StringBuilder("<w:tc>");
        if (span > 1) {
            xml.append("<w:tcPr><w:gridSpan w:val=\"").append(span).append("\"/></w:tcPr>");
        }
        for (String text : paragraphs) {
            xml.append(text.startsWith("<") ? text : p("", LayeredDocx.run(text)));
        }
        return xml.append("</w:tc>").toString();
    }

    // ---- building ----------------------------------------------------------------------------------------------

    public Path write(Path file) throws IOException {
        Files.write(file, build());
        return file;
    }

    public byte[] build() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.wordprocessingml.document.main+xml\"/>"
                + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.wordprocessingml.styles+xml\"/>"
                + (header == null ? "" : "<Override PartName=\"/word/header1.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>")
                + "</Types>");
        entries.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"word/document.xml\"/>"
                + "</Relationships>");
        entries.put("word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/styles\" Target=\"styles.xml\"/>"
                + (header == null ? "" : "<Relationship Id=\"rId2\" Type=\"" + REL + "/header\" Target=\"header1.xml\"/>")
                + "</Relationships>");
        entries.put("word/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:styles "
                + W + "><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
                + "</w:style>" + styles + "</w:styles>");
        entries.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
                + LayeredDocx.NAMESPACES + " xmlns:r=\"" + REL + "\"><w:body>" + body + "<w:sectPr>"
                + (header == null ? "" : "<w:headerReference w:type=\"default\" r:id=\"rId2\"/>")
                + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>");
        if (header != null) {
            entries.put("word/header1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:hdr "
                    + W + ">" + header + "</w:hdr>");
        }
        return LayoutDocx.zip(entries);
    }
}
