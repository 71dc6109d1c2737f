package org.osr.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Word document as it leaves the drafting office, with everything a publication copy must lose: tracked insertions
 * and deletions, comments (and their authors), hidden runs (direct and by a character style), core, extended and
 * custom properties, document variables, revision ids ({@code w:rsid*} and the settings' {@code w:rsids}), an
 * embedded OLE object with its preview picture, an alt-chunk, a thumbnail; with a header, a footer and footnotes.
 * Written as WordprocessingML by hand, the way Word writes it, in a complete package Word and LibreOffice open.
 */
public final class DraftDocx {
    private static final String W = LayeredDocx.W;
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    /** The character style whose runs are hidden ({@code w:vanish} in the style, not on the run). */
    public static final String HIDDEN_STYLE = "HiddenNote";

    private final StringBuilder body = new StringBuilder();
    private final StringBuilder header = new StringBuilder();
    private final StringBuilder footer = new StringBuilder();
    private final List<String> footnotes = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final Map<String, String> customProperties = new LinkedHashMap<>();
    private String title = "关于做好年度工作的通知";
    private String author = "张三";
    private boolean oleObject;
    private String altChunkHtml;
    private boolean thumbnail;
    private boolean macros;
    private final List<String> links = new ArrayList<>();

    public DraftDocx paragraph(String... runs) {
        body.append(p(runs));
        return this;
    }

    /** Raw body XML (paragraphs, tables). */
    public DraftDocx raw(String xml) {
        body.append(xml);
        return this;
    }

    public DraftDocx header(String... runs) {
        header.append(p(runs));
        return this;
    }

    public DraftDocx footer(String... runs) {
        footer.append(p(runs));
        return this;
    }

    /** A footnote (id 1, 2, …) referenced from the end of a new body paragraph holding {@code anchorText}. */
    public DraftDocx footnote(String anchorText, String text) {
        footnotes.add(text);
        body.append(p(run(anchorText), "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"
                + "<w:footnoteReference w:id=\"" + footnotes.size() + "\"/></w:r>"));
        return this;
    }

    /** A comment (id 0, 1, …) by {@link #author} on a new body paragraph holding {@code anchoredText}. */
    public DraftDocx comment(String anchoredText, String commentText) {
        int id = comments.size();
        comments.add(commentText);
        body.append(p("<w:commentRangeStart w:id=\"" + id + "\"/>", run(anchoredText),
                "<w:commentRangeEnd w:id=\"" + id + "\"/>",
                "<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"" + id
                        + "\"/></w:r>"));
        return this;
    }

    public DraftDocx customProperty(String name, String value) {
        customProperties.put(name, value);
        return this;
    }

    public DraftDocx title(String title) {
        this.title = title;
        return this;
    }

    public DraftDocx author(String author) {
        this.author = author;
        return this;
    }

    /** An embedded OLE object (a Package, as Word embeds an arbitrary file) with a preview picture, in the body. */
    public DraftDocx oleObject() {
        this.oleObject = true;
        return this;
    }

    /** An alt-chunk: an HTML file Word merges into the body when it opens the document. */
    public DraftDocx altChunk(String html) {
        this.altChunkHtml = html;
        return this;
    }

    /** A body paragraph that is a hyperlink to the external {@code target} ({@code tel:…}, {@code mailto:…}). */
    public DraftDocx link(String text, String target) {
        links.add(target);
        body.append(p("<w:hyperlink r:id=\"rIdLink" + links.size() + "\">" + run(text) + "</w:hyperlink>"));
        return this;
    }

    /** A VBA project ({@code word/vbaProject.bin}), as a macro-enabled document carries. */
    public DraftDocx macros() {
        this.macros = true;
        return this;
    }

    public DraftDocx thumbnail() {
        this.thumbnail = true;
        return this;
    }

    // ---- raw WordprocessingML ----------------------------------------------------------------------------------

    /** A paragraph with Word's revision ids, as every paragraph Word saves has them. */
    public static String p(String... runs) {
        return "<w:p w:rsidR=\"00A1B2C3\" w:rsidRDefault=\"00D4E5F6\" w:rsidP=\"00A1B2C3\">" + String.join("", runs)
                + "</w:p>";
    }

    public static String run(String text) {
        return "<w:r w:rsidRPr=\"00A1B2C3\"><w:t xml:space=\"preserve\">" + LayeredDocx.escape(text) + "</w:t></w:r>";
    }

    /** A run with raw run properties, e.g. {@code <w:b/><w:color w:val="FF0000"/>}. */
    public static String run(String rPr, String text) {
        return "<w:r><w:rPr>" + rPr + "</w:rPr><w:t xml:space=\"preserve\">" + LayeredDocx.escape(text)
                + "</w:t></w:r>";
    }

    /** A tracked insertion of {@code text}. */
    public static String inserted(String text) {
        return "<w:ins w:id=\"101\" w:author=\"李四\" w:date=\"2026-05-01T09:00:00Z\">" + run(text) + "</w:ins>";
    }

    /** A tracked deletion of {@code text}. */
    public static String deleted(String text) {
        return "<w:del w:id=\"102\" w:author=\"李四\" w:date=\"2026-05-01T09:00:00Z\"><w:r><w:delText "
                + "xml:space=\"preserve\">" + LayeredDocx.escape(text) + "</w:delText></w:r></w:del>";
    }

    /** A paragraph deleted whole with track changes on: its runs and its paragraph mark. */
    public static String deletedParagraph(String text) {
        return "<w:p><w:pPr><w:rPr><w:del w:id=\"104\" w:author=\"李四\" w:date=\"2026-05-01T09:00:00Z\"/></w:rPr>"
                + "</w:pPr>" + deleted(text) + "</w:p>";
    }

    /** A run changed from plain to bold with track changes on. */
    public static String reformatted(String text) {
        return "<w:r><w:rPr><w:b/><w:rPrChange w:id=\"103\" w:author=\"李四\" w:date=\"2026-05-01T09:00:00Z\">"
                + "<w:rPr/></w:rPrChange></w:rPr><w:t>" + LayeredDocx.escape(text) + "</w:t></w:r>";
    }

    /** A run hidden by its own properties ({@code w:vanish}). */
    public static String hidden(String text) {
        return run("<w:vanish/>", text);
    }

    /** A run hidden by its character style ({@link #HIDDEN_STYLE}). */
    public static String hiddenByStyle(String text) {
        return run("<w:rStyle w:val=\"" + HIDDEN_STYLE + "\"/>", text);
    }

    /** A table of one row of cells, each one paragraph of raw runs. */
    public static String row(String... cells) {
        StringBuilder xml = new StringBuilder("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tr>");
        for (String cell : cells) {
            xml.append("<w:tc>").append(p(cell)).append("</w:tc>");
        }
        return xml.append("</w:tr></w:tbl>").toString();
    }

    // ---- building ----------------------------------------------------------------------------------------------

    public Path write(Path file) throws IOException {
        Files.write(file, build());
        return file;
    }

    public byte[] build() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Default Extension=\"png\" ContentType=\"image/png\"/>"
                + "<Default Extension=\"bin\" ContentType=\"application/vnd.openxmlformats-officedocument.oleObject\"/>"
                + "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"
                + "<Default Extension=\"htm\" ContentType=\"text/html\"/>");
        String wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
        override(types, "/word/document.xml", wml + "document.main+xml");
        override(types, "/word/styles.xml", wml + "styles+xml");
        override(types, "/word/settings.xml", wml + "settings+xml");
        override(types, "/word/header1.xml", wml + "header+xml");
        override(types, "/word/footer1.xml", wml + "footer+xml");
        override(types, "/word/footnotes.xml", wml + "footnotes+xml");
        if (!comments.isEmpty()) {
            override(types, "/word/comments.xml", wml + "comments+xml");
            override(types, "/word/people.xml", "application/vnd.ms-word.people+xml");
        }
        override(types, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        override(types, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        if (!customProperties.isEmpty()) {
            override(types, "/docProps/custom.xml",
                    "application/vnd.openxmlformats-officedocument.custom-properties+xml");
        }
        entries.put("[Content_Types].xml", types.append("</Types>").toString());

        entries.put("_rels/.rels", rels(
                rel("rId1", REL + "/officeDocument", "word/document.xml"),
                rel("rId2", PKG_REL + "/metadata/core-properties", "docProps/core.xml"),
                rel("rId3", REL + "/extended-properties", "docProps/app.xml"),
                customProperties.isEmpty() ? "" : rel("rId4", REL + "/custom-properties", "docProps/custom.xml"),
                thumbnail ? rel("rId5", PKG_REL + "/metadata/thumbnail", "docProps/thumbnail.jpeg") : ""));
        entries.put("word/_rels/document.xml.rels", rels(
                rel("rId1", REL + "/styles", "styles.xml"),
                rel("rId2", REL + "/settings", "settings.xml"),
                rel("rId3", REL + "/header", "header1.xml"),
                rel("rId4", REL + "/footer", "footer1.xml"),
                rel("rId5", REL + "/footnotes", "footnotes.xml"),
                comments.isEmpty() ? "" : rel("rId6", REL + "/comments", "comments.xml")
                        + rel("rId7", "http://schemas.microsoft.com/office/2011/relationships/people", "people.xml"),
                oleObject ? rel("rId8", REL + "/oleObject", "embeddings/oleObject1.bin")
                        + rel("rId9", REL + "/image", "media/image1.png") : "",
                altChunkHtml == null ? "" : rel("rId10", REL + "/aFChunk", "afchunk1.htm"),
                macros ? rel("rId11", "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
                        "vbaProject.bin") : "",
                linkRels()));

        String object = oleObject ? p("<w:r><w:object w:dxaOrig=\"1440\" w:dyaOrig=\"1440\"><v:shape id=\"_x0000_i1025\""
                + " type=\"#_x0000_t75\" style=\"width:72pt;height:72pt\"><v:imagedata r:id=\"rId9\" o:title=\"\"/>"
                + "</v:shape><o:OLEObject Type=\"Embed\" ProgID=\"Package\" ShapeID=\"_x0000_i1025\" DrawAspect=\"Icon\""
                + " ObjectID=\"_1234567890\" r:id=\"rId8\"/></w:object></w:r>") : "";
        String chunk = altChunkHtml == null ? "" : "<w:altChunk r:id=\"rId10\"/>";
        entries.put("word/document.xml", xml("<w:document " + LayeredDocx.NAMESPACES + " xmlns:r=\"" + REL
                + "\"><w:body>" + body + object + chunk + "<w:sectPr w:rsidR=\"00A1B2C3\">"
                + "<w:headerReference w:type=\"default\" r:id=\"rId3\"/>"
                + "<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
                + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"));
        entries.put("word/styles.xml", xml("<w:styles " + W + "><w:docDefaults><w:rPrDefault><w:rPr>"
                + "<w:rFonts w:eastAsia=\"宋体\"/></w:rPr></w:rPrDefault></w:docDefaults>"
                + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
                + "<w:rsid w:val=\"00A1B2C3\"/></w:style>"
                + "<w:style w:type=\"character\" w:styleId=\"" + HIDDEN_STYLE + "\"><w:name w:val=\"Hidden Note\"/>"
                + "<w:rPr><w:vanish/></w:rPr></w:style>"
                + "<w:style w:type=\"character\" w:styleId=\"CommentReference\"><w:name w:val=\"annotation reference\"/>"
                + "<w:rPr><w:sz w:val=\"16\"/></w:rPr></w:style></w:styles>"));
        entries.put("word/settings.xml", xml("<w:settings " + W + "><w:trackRevisions/>"
                + "<w:attachedTemplate r:id=\"rId1\" xmlns:r=\"" + REL + "\"/>"
                + "<w:docVars><w:docVar w:name=\"reviewer\" w:val=\"" + LayeredDocx.escape(author) + "\"/></w:docVars>"
                + "<w:rsids><w:rsidRoot w:val=\"00A1B2C3\"/><w:rsid w:val=\"00A1B2C3\"/><w:rsid w:val=\"00D4E5F6\"/>"
                + "</w:rsids></w:settings>"));
        entries.put("word/_rels/settings.xml.rels", rels(rel("rId1", REL + "/attachedTemplate",
                "file:///C:/Users/zhangsan/AppData/Roaming/Microsoft/Templates/Normal.dotm\" TargetMode=\"External")));
        entries.put("word/header1.xml", xml("<w:hdr " + LayeredDocx.NAMESPACES + ">" + orEmpty(header) + "</w:hdr>"));
        entries.put("word/footer1.xml", xml("<w:ftr " + LayeredDocx.NAMESPACES + ">" + orEmpty(footer) + "</w:ftr>"));
        StringBuilder notes = new StringBuilder("<w:footnotes " + W + ">"
                + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/>"
                + "</w:r></w:p></w:footnote>");
        for (int i = 0; i < footnotes.size(); i++) {
            notes.append("<w:footnote w:id=\"").append(i + 1).append("\">").append(p(run(footnotes.get(i))))
                    .append("</w:footnote>");
        }
        entries.put("word/footnotes.xml", xml(notes.append("</w:footnotes>").toString()));
        if (!comments.isEmpty()) {
            StringBuilder xml = new StringBuilder("<w:comments " + W + ">");
            for (int i = 0; i < comments.size(); i++) {
                xml.append("<w:comment w:id=\"").append(i).append("\" w:author=\"").append(LayeredDocx.escape(author))
                        .append("\" w:initials=\"ZS\">").append(p(run(comments.get(i)))).append("</w:comment>");
            }
            entries.put("word/comments.xml", xml(xml.append("</w:comments>").toString()));
            entries.put("word/people.xml", xml("<w15:people xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/"
                    + "wordml\"><w15:person w15:author=\"" + LayeredDocx.escape(author) + "\"/></w15:people>"));
        }
        if (oleObject) {
            entries.put("word/embeddings/oleObject1.bin", "embedded file: 内部通讯录 联系电话：13800138000");
            entries.put("word/media/image1.png", "preview");
        }
        if (altChunkHtml != null) {
            entries.put("word/afchunk1.htm", altChunkHtml);
        }
        if (macros) {
            entries.put("word/vbaProject.bin", "Sub AutoOpen()");
        }
        if (thumbnail) {
            entries.put("docProps/thumbnail.jpeg", "thumbnail");
        }
        entries.put("docProps/core.xml", xml("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/"
                + "2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<dc:title>" + LayeredDocx.escape(title) + "</dc:title><dc:creator>" + LayeredDocx.escape(author)
                + "</dc:creator><cp:lastModifiedBy>" + LayeredDocx.escape(author) + "</cp:lastModifiedBy>"
                + "<cp:revision>7</cp:revision></cp:coreProperties>"));
        entries.put("docProps/app.xml", xml("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "extended-properties\"><Application>Microsoft Office Word</Application><Company>××区人民政府办公室"
                + "</Company><Manager>" + LayeredDocx.escape(author) + "</Manager><TotalTime>42</TotalTime>"
                + "</Properties>"));
        if (!customProperties.isEmpty()) {
            StringBuilder xml = new StringBuilder("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/"
                    + "2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "docPropsVTypes\">");
            int pid = 2;
            for (Map.Entry<String, String> e : customProperties.entrySet()) {
                xml.append("<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"").append(pid++)
                        .append("\" name=\"").append(LayeredDocx.escape(e.getKey())).append("\"><vt:lpwstr>")
                        .append(LayeredDocx.escape(e.getValue())).append("</vt:lpwstr></property>");
            }
            entries.put("docProps/custom.xml", xml(xml.append("</Properties>").toString()));
        }
        return LayoutDocx.zip(entries);
    }

    private String linkRels() {
        StringBuilder xml = new StringBuilder();
        for (int i = 0; i < links.size(); i++) {
            xml.append("<Relationship Id=\"rIdLink").append(i + 1).append("\" Type=\"").append(REL)
                    .append("/hyperlink\" Target=\"").append(LayeredDocx.escape(links.get(i)))
                    .append("\" TargetMode=\"External\"/>");
        }
        return xml.toString();
    }

    private static String orEmpty(StringBuilder paragraphs) {
        return paragraphs.length() == 0 ? "<w:p/>" : paragraphs.toString();
    }

    private static void override(StringBuilder types, String part, String contentType) {
        types.append("<Override PartName=\"").append(part).append("\" ContentType=\"").append(contentType)
                .append("\"/>");
    }

    private static String rels(String... rels) {
        return xml("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + String.join("", rels) + "</Relationships>");
    }

    private static String rel(String id, String type, String target) {
        return "<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>";
    }

    private static String xml(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + body;
    }
}
