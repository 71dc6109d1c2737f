package org.osr.testkit;

import static org.osr.testkit.LayoutDocuments.escape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.osr.testkit.LayoutDocuments.Cell;
import org.osr.testkit.LayoutDocuments.DocxBreak;
import org.osr.testkit.LayoutDocuments.Element;
import org.osr.testkit.LayoutDocuments.Lang;
import org.osr.testkit.LayoutDocuments.Layout;
import org.osr.testkit.LayoutDocuments.Overlay;
import org.osr.testkit.LayoutDocuments.Page;
import org.osr.testkit.LayoutDocuments.Para;
import org.osr.testkit.LayoutDocuments.Table;

/**
 * A layout as raw WordprocessingML, the way Word writes it: headings in the built-in heading style (a Chinese Word's
 * style id {@code 1} named {@code heading 1}, shown as 标题 1; an English Word's {@code Heading1}), tables with a
 * grid, {@code gridSpan} and a {@code tblHeader} row, {@code w:br w:type="page"} between pages, the banner in the
 * default header and footer, a first-page header (with {@code w:titlePg}), the top mark as a floating text box anchored in a paragraph of the body but
 * positioned from the page's top edge, and the margin note as a text box turned 270° in the left margin.
 */
final class LayoutDocx {
    private static final String NS = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
            + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
            + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
            + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
            + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
            + " xmlns:v=\"urn:schemas-microsoft-com:vml\" mc:Ignorable=\"wps\"";
    /** A4 width in twentieths of a point and in EMU. */
    private static final int PAGE_TWIPS = 11906;
    /** A4 with the GB/T 9704 margins. */
    private static final String PAGE_SETUP = "<w:pgSz w:w=\"" + PAGE_TWIPS + "\" w:h=\"16838\"/><w:pgMar w:top=\"2098\""
            + " w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>";
    private static final long PAGE_EMU = 7_560_310;
    private static final int TEXT_TWIPS = 8844;

    private LayoutDocx() {
    }

    static byte[] bytes(Layout layout) throws IOException {
        String headingStyle = layout.lang() == Lang.ZH ? "1" : "Heading1";
        StringBuilder body = new StringBuilder();
        int shapeId = 1;
        for (int p = 0; p < layout.pages().size(); p++) {
            Page page = layout.pages().get(p);
            boolean lastPage = p == layout.pages().size() - 1;
            int paragraph = 0;
            for (int e = 0; e < page.elements().size(); e++) {
                Element element = page.elements().get(e);
                String opening = p > 0 && e == 0 ? switch (layout.docxBreak()) {
                    case PAGE_BREAK -> "<w:r><w:br w:type=\"page\"/></w:r>";
                    case RENDERED -> "<w:r><w:lastRenderedPageBreak/></w:r>";
                    case SECTION_BREAK, PAGE_BREAK_BEFORE -> "";
                } : "";
                boolean endsSection = !lastPage && e == page.elements().size() - 1
                        && layout.docxBreak() == DocxBreak.SECTION_BREAK;
                Overlay overlay = layout.overlay();
                if (p == 0 && element instanceof Para && overlay != null && paragraph == overlay.anchor()) {
                    opening += textBox(shapeId++, overlay.text(), overlay.left() ? 1_000_000 : PAGE_EMU - 2_200_000,
                            overlay.left() ? 900_000 : 400_000, 1_400_000, 420_000, null);
                }
                if (p == 0 && element instanceof Para && paragraph == 1 && layout.marginNote() != null) {
                    opening += textBox(shapeId++, layout.marginNote(), 250_000, 3_600_000, 420_000, 3_000_000,
                            "vert270");
                }
                if (element instanceof Para para) {
                    paragraph++;
                    boolean breakBefore = p > 0 && e == 0 && layout.docxBreak() == DocxBreak.PAGE_BREAK_BEFORE;
                    body.append(paragraph(para, headingStyle, opening, breakBefore, endsSection));
                } else {
                    if (p > 0 && e == 0 && layout.docxBreak() == DocxBreak.PAGE_BREAK_BEFORE) {
                        body.append(paragraph(new Para("", false), headingStyle, opening, true, false));
                    } else if (!opening.isEmpty()) {
                        body.append("<w:p>").append(opening).append("</w:p>");
                    }
                    body.append(table((Table) element));
                    if (endsSection) {
                        body.append(paragraph(new Para("", false), headingStyle, "", false, true));
                    }
                }
            }
        }
        // Headers and footers: relationship id, part name, root element, paragraph.
        List<String[]> margins = new ArrayList<>();
        if (layout.banner() != null) {
            margins.add(new String[] {"rIdHeader", "header1.xml", "hdr", centred(layout.banner()), "default"});
            margins.add(new String[] {"rIdFooter", "footer1.xml", "ftr", centred(layout.banner()), "default"});
        }
        if (layout.firstPageHeader() != null) {
            margins.add(new String[] {"rIdFirst", "header2.xml", "hdr", "<w:p>" + run(layout.firstPageHeader())
                    + "</w:p>", "first"});
        }
        body.append("<w:sectPr>");
        for (String[] m : margins) {
            String kind = m[2].equals("hdr") ? "header" : "footer";
            body.append("<w:").append(kind).append("Reference w:type=\"").append(m[4]).append("\" r:id=\"")
                    .append(m[0]).append("\"/>");
        }
        body.append(PAGE_SETUP).append(layout.firstPageHeader() != null ? "<w:titlePg/>" : "").append("</w:sectPr>");

        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", contentTypes(margins));
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                + "</Relationships>");
        parts.put("docProps/core.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + escape(layout.title())
                + "</dc:title><dc:creator>" + SampleDocuments.AUTHOR + "</dc:creator></cp:coreProperties>");
        StringBuilder rels = new StringBuilder("<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        for (String[] m : margins) {
            String kind = m[2].equals("hdr") ? "header" : "footer";
            rels.append("<Relationship Id=\"").append(m[0]).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/")
                    .append(kind).append("\" Target=\"").append(m[1]).append("\"/>");
            parts.put("word/" + m[1], "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:" + m[2] + " "
                    + NS + ">" + m[3] + "</w:" + m[2] + ">");
        }
        parts.put("word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + rels
                + "</Relationships>");
        parts.put("word/styles.xml", styles(layout.lang()));
        parts.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
                + NS + "><w:body>" + body + "</w:body></w:document>");
        return zip(parts);
    }

    /**
     * A paragraph opening with {@code runs} (a page break, text boxes); {@code breakBefore} starts it on a new page,
     * {@code endsSection} ends a section after it.
     */
    private static String paragraph(Para para, String headingStyle, String runs, boolean breakBefore,
                                    boolean endsSection) {
        StringBuilder sb = new StringBuilder("<w:p>");
        if (para.heading() || breakBefore || endsSection) {
            sb.append("<w:pPr>");
            if (para.heading()) {
                sb.append("<w:pStyle w:val=\"").append(headingStyle).append("\"/>");
            }
            if (breakBefore) {
                sb.append("<w:pageBreakBefore/>");
            }
            if (endsSection) {
                sb.append("<w:sectPr>").append(PAGE_SETUP).append("</w:sectPr>");
            }
            sb.append("</w:pPr>");
        }
        sb.append(runs);
        if (!para.text().isEmpty()) {
            sb.append(run(para.text()));
        }
        return sb.append("</w:p>").toString();
    }

    private static String run(String text) {
        return "<w:r><w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r>";
    }

    private static String centred(String text) {
        return "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>" + run(text) + "</w:p>";
    }

    private static String table(Table table) {
        int columns = table.columns();
        int width = TEXT_TWIPS / Math.max(columns, 1);
        StringBuilder sb = new StringBuilder("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>")
                .append("<w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>");
        for (String side : List.of("top", "left", "bottom", "right", "insideH", "insideV")) {
            sb.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
        }
        sb.append("</w:tblBorders></w:tblPr><w:tblGrid>");
        for (int c = 0; c < columns; c++) {
            sb.append("<w:gridCol w:w=\"").append(width).append("\"/>");
        }
        sb.append("</w:tblGrid>");
        for (int r = 0; r < table.rows().size(); r++) {
            sb.append("<w:tr>");
            if (r == 0 && table.headerRow()) {
                sb.append("<w:trPr><w:tblHeader/></w:trPr>");
            }
            for (Cell cell : table.rows().get(r)) {
                sb.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(width * cell.span()).append("\" w:type=\"dxa\"/>");
                if (cell.span() > 1) {
                    sb.append("<w:gridSpan w:val=\"").append(cell.span()).append("\"/>");
                }
                sb.append("</w:tcPr><w:p>").append(cell.text().isEmpty() ? "" : run(cell.text())).append("</w:p></w:tc>");
            }
            sb.append("</w:tr>");
        }
        return sb.append("</w:tbl>").toString();
    }

    /**
     * A floating text box (DrawingML with its VML fallback) positioned from the page's edges, whatever paragraph
     * anchors it; {@code vert} turns its text ({@code vert270}: reads bottom to top).
     */
    private static String textBox(int id, String text, long x, long y, long cx, long cy, String vert) {
        String content = "<w:txbxContent><w:p>" + run(text) + "</w:p></w:txbxContent>";
        return "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
                + "<wp:anchor distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" simplePos=\"0\""
                + " relativeHeight=\"" + (251658240 + id) + "\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\""
                + " allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>"
                + "<wp:positionH relativeFrom=\"page\"><wp:posOffset>" + x + "</wp:posOffset></wp:positionH>"
                + "<wp:positionV relativeFrom=\"page\"><wp:posOffset>" + y + "</wp:posOffset></wp:positionV>"
                + "<wp:extent cx=\"" + cx + "\" cy=\"" + cy + "\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
                + "<wp:wrapNone/><wp:docPr id=\"" + id + "\" name=\"文本框 " + id + "\"/><wp:cNvGraphicFramePr/>"
                + "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
                + "<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"" + cx
                + "\" cy=\"" + cy + "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/>"
                + "<a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx>" + content + "</wps:txbx><wps:bodyPr"
                + (vert == null ? "" : " vert=\"" + vert + "\"") + " rot=\"0\" wrap=\"square\"/></wps:wsp>"
                + "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
                + "<mc:Fallback><w:pict><v:shape id=\"文本框 " + id + "\" type=\"#_x0000_t202\" style=\"position:absolute;"
                + "margin-left:" + x / 12700 + "pt;margin-top:" + y / 12700 + "pt;width:" + cx / 12700 + "pt;height:"
                + cy / 12700 + "pt;mso-position-horizontal-relative:page;mso-position-vertical-relative:page"
                + (vert == null ? "" : ";layout-flow:vertical;mso-layout-flow-alt:bottom-to-top")
                + "\" filled=\"f\" stroked=\"f\"><v:textbox>" + content + "</v:textbox></v:shape></w:pict>"
                + "</mc:Fallback></mc:AlternateContent></w:r>";
    }

    private static String styles(Lang lang) {
        String id = lang == Lang.ZH ? "1" : "Heading1";
        String font = lang == Lang.ZH ? "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\"/>" : "";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:styles " + NS + ">"
                + "<w:docDefaults><w:rPrDefault><w:rPr>" + font + "<w:sz w:val=\"32\"/></w:rPr></w:rPrDefault>"
                + "</w:docDefaults>"
                + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"" + (lang == Lang.ZH ? "a" : "Normal")
                + "\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"heading 1\"/>"
                + (lang == Lang.ZH ? "<w:aliases w:val=\"标题 1\"/>" : "")
                + "<w:basedOn w:val=\"" + (lang == Lang.ZH ? "a" : "Normal") + "\"/><w:next w:val=\""
                + (lang == Lang.ZH ? "a" : "Normal") + "\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
                + "<w:pPr><w:keepNext/><w:spacing w:before=\"340\" w:after=\"330\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
                + "<w:rPr><w:b/><w:sz w:val=\"44\"/></w:rPr></w:style>"
                + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/></w:style>"
                + "</w:styles>";
    }

    private static String contentTypes(List<String[]> margins) {
        StringBuilder overrides = new StringBuilder();
        for (String[] m : margins) {
            overrides.append("<Override PartName=\"/word/").append(m[1]).append("\" ContentType=\"")
                    .append("application/vnd.openxmlformats-officedocument.wordprocessingml.")
                    .append(m[2].equals("hdr") ? "header" : "footer").append("+xml\"/>");
        }
        String main = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"" + main + "document.main+xml\"/>"
                + "<Override PartName=\"/word/styles.xml\" ContentType=\"" + main + "styles+xml\"/>"
                + overrides
                + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                + "</Types>";
    }

    /** A package of UTF-8 XML parts, entries dated 0 so equal content gives equal bytes. */
    static byte[] zip(Map<String, String> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
