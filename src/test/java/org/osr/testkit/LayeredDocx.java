package org.osr.testkit;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * A DOCX with the layers Word draws over the text flow, which POI's API does not write: symbol-font characters
 * ({@code w:sym}), VML watermarks, text boxes and WordArt, SmartArt data, images with alternative text. POI builds a
 * real document; raw WordprocessingML runs are then spliced in where a placeholder run stands, the way Word itself
 * writes them.
 */
public final class LayeredDocx {
    public static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    static final String NAMESPACES = W
            + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
            + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
            + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
            + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
            + " xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"";

    private final List<String> body = new ArrayList<>();
    private final List<String> header = new ArrayList<>();
    private final Map<String, String> extraParts = new LinkedHashMap<>();
    private String altText;
    private String title = "关于做好年度工作的通知";

    /** Core property {@code dc:title}; null for none. */
    public LayeredDocx title(String title) {
        this.title = title;
        return this;
    }

    /** A body paragraph of plain text. */
    public LayeredDocx text(String text) {
        body.add(run(text));
        return this;
    }

    /** A body paragraph made of raw runs ({@code <w:r>…</w:r>}); see the static helpers. */
    public LayeredDocx runs(String... runs) {
        body.add(String.join("", runs));
        return this;
    }

    /** A header paragraph made of raw runs. */
    public LayeredDocx headerRuns(String... runs) {
        header.add(String.join("", runs));
        return this;
    }

    /** SmartArt: {@code word/diagrams/data1.xml} with one node per text. */
    public LayeredDocx smartArt(String... nodes) {
        StringBuilder pts = new StringBuilder();
        int id = 1;
        for (String node : nodes) {
            pts.append("<dgm:pt modelId=\"").append(id++).append("\"><dgm:prSet phldrT=\"[文本]\"/><dgm:t>")
                    .append("<a:bodyPr/><a:p><a:r><a:rPr lang=\"zh-CN\"/><a:t>").append(escape(node))
                    .append("</a:t></a:r></a:p></dgm:t></dgm:pt>");
        }
        extraParts.put("word/diagrams/data1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<dgm:dataModel xmlns:dgm=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\""
                + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><dgm:ptLst>" + pts
                + "</dgm:ptLst><dgm:cxnLst/></dgm:dataModel>");
        return this;
    }

    /** An inline picture whose alternative text ({@code wp:docPr descr}) is {@code text}. */
    public LayeredDocx imageWithAltText(String text) {
        this.altText = text;
        return this;
    }

    // ---- raw runs --------------------------------------------------------------------------------------------

    public static String run(String text) {
        return "<w:r><w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r>";
    }

    /** Word's Insert › Symbol: {@code <w:sym w:font="Wingdings" w:char="F0AB"/>}. */
    public static String sym(String font, String hexChar) {
        return "<w:r><w:sym w:font=\"" + font + "\" w:char=\"" + hexChar + "\"/></w:r>";
    }

    /** A run set in {@code font} holding {@code text} (a symbol font shows its own pictures for the codes). */
    public static String fontRun(String font, String text) {
        return "<w:r><w:rPr><w:rFonts w:ascii=\"" + font + "\" w:hAnsi=\"" + font + "\"/></w:rPr><w:t>"
                + escape(text) + "</w:t></w:r>";
    }

    /** Word's text watermark: VML WordArt named PowerPlusWaterMarkObject, placed behind the page from the header. */
    public static String vmlWatermark(String text) {
        return "<w:r><w:pict><v:shapetype id=\"_x0000_t136\" coordsize=\"21600,21600\" o:spt=\"136\"/>"
                + "<v:shape id=\"PowerPlusWaterMarkObject1\" o:spid=\"_x0000_s2049\" type=\"#_x0000_t136\""
                + " style=\"position:absolute;rotation:315;z-index:-251657216\" fillcolor=\"silver\" stroked=\"f\">"
                + "<v:textpath style=\"font-family:&quot;宋体&quot;;font-size:1pt\" string=\"" + escape(text) + "\"/>"
                + "</v:shape></w:pict></w:r>";
    }

    /** Classic WordArt in the text: a VML shape drawing its text along a path. */
    public static String vmlWordArt(String text) {
        return "<w:r><w:pict><v:shape id=\"WordArt1\" type=\"#_x0000_t136\" style=\"width:300pt;height:40pt\">"
                + "<v:textpath string=\"" + escape(text) + "\"/></v:shape></w:pict></w:r>";
    }

    /** A floating DrawingML text box (or WordArt) with a VML fallback, as Word 2010 and later write it. */
    public static String textBox(String... paragraphs) {
        StringBuilder content = new StringBuilder("<w:txbxContent>");
        for (String p : paragraphs) {
            content.append("<w:p>").append(run(p)).append("</w:p>");
        }
        content.append("</w:txbxContent>");
        return "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
                + "<wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"1\""
                + " behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>"
                + "<wp:positionH relativeFrom=\"page\"><wp:posOffset>900000</wp:posOffset></wp:positionH>"
                + "<wp:positionV relativeFrom=\"page\"><wp:posOffset>500000</wp:posOffset></wp:positionV>"
                + "<wp:extent cx=\"2000000\" cy=\"400000\"/><wp:wrapNone/><wp:docPr id=\"7\" name=\"文本框 7\"/>"
                + "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
                + "<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr/><wps:txbx>" + content + "</wps:txbx><wps:bodyPr/>"
                + "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
                + "<mc:Fallback><w:pict><v:shape id=\"文本框 7\" type=\"#_x0000_t202\"><v:textbox>" + content
                + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
    }

    // ---- building ----------------------------------------------------------------------------------------------

    public byte[] build() throws IOException {
        Map<String, String> splice = new LinkedHashMap<>();
        try (XWPFDocument doc = new XWPFDocument()) {
            if (title != null) {
                doc.getProperties().getCoreProperties().setTitle(title);
            }
            org.apache.poi.xwpf.usermodel.XWPFHeader pageHeader = header.isEmpty() ? null
                    : doc.createHeader(HeaderFooterType.DEFAULT);
            for (int i = 0; i < header.size(); i++) {
                placeholder(pageHeader.createParagraph(), "H" + i, header.get(i), splice);
            }
            for (int i = 0; i < body.size(); i++) {
                placeholder(doc.createParagraph(), "B" + i, body.get(i), splice);
            }
            if (altText != null) {
                doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(png()), PictureType.PNG,
                        altText, Units.toEMU(40), Units.toEMU(40));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return rewrite(out.toByteArray(), splice);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    private static void placeholder(XWPFParagraph p, String key, String runs, Map<String, String> splice) {
        p.createRun().setText("@@" + key + "@@");
        splice.put(key, runs);
    }

    private static final Pattern PLACEHOLDER_RUN = Pattern.compile("<w:r>(?:(?!</w:r>).)*?@@(\\w+)@@.*?</w:r>");

    private byte[] rewrite(byte[] zip, Map<String, String> splice) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            if (name.equals("word/document.xml") || name.matches("word/header\\d*\\.xml")) {
                String xml = new String(e.getValue(), StandardCharsets.UTF_8);
                Matcher m = PLACEHOLDER_RUN.matcher(xml);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(sb, Matcher.quoteReplacement(splice.get(m.group(1))));
                }
                m.appendTail(sb);
                e.setValue(declareNamespaces(sb.toString()).getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!extraParts.isEmpty()) {
            String types = new String(entries.get("[Content_Types].xml"), StandardCharsets.UTF_8);
            StringBuilder overrides = new StringBuilder();
            extraParts.keySet().forEach(n -> overrides.append("<Override PartName=\"/").append(n).append("\" ")
                    .append("ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml\"/>"));
            entries.put("[Content_Types].xml",
                    types.replace("</Types>", overrides + "</Types>").getBytes(StandardCharsets.UTF_8));
            extraParts.forEach((n, xml) -> entries.put(n, xml.getBytes(StandardCharsets.UTF_8)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0);
                zipOut.putNextEntry(entry);
                zipOut.write(e.getValue());
                zipOut.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Adds to the root element the namespace declarations of the spliced runs that POI did not write. */
    private static String declareNamespaces(String xml) {
        Matcher root = Pattern.compile("<w:(document|hdr)\\b[^>]*>").matcher(xml);
        if (!root.find()) {
            throw new IllegalStateException("no root element");
        }
        StringBuilder missing = new StringBuilder();
        for (String decl : NAMESPACES.split(" (?=xmlns:)")) {
            String prefix = decl.substring(0, decl.indexOf('=') + 1);
            if (!root.group().contains(prefix)) {
                missing.append(' ').append(decl);
            }
        }
        int at = root.start() + "<w:".length() + root.group(1).length();
        return xml.substring(0, at) + missing + xml.substring(at);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
