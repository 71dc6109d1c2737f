package org.osr.testkit;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Writes OFD files (GB/T 33190-2016) as a producer does: {@code OFD.xml} → {@code Doc_0/Document.xml} → one
 * {@code Pages/Page_N/Content.xml} per page with text objects where the test puts them (in the order the test gives,
 * so reading by position can be told from reading in file order), an optional template page, annotations
 * (watermarks, notes), images and attachments. Positions are millimetres from the page's top-left corner (A4).
 */
public final class OfdBuilder {
    private static final String NS = "http://www.ofdspec.org/2016";

    /** Text drawn with its baseline at (x, y), in millimetres; size is the font size in millimetres. */
    public record Text(double x, double y, String text, double size) {
        public static Text at(double x, double y, String text) {
            return new Text(x, y, text, 5);
        }
    }

    /** An image shown at (x, y) with width and height w, h (millimetres). */
    public record Image(double x, double y, double w, double h, BufferedImage picture) {
    }

    private record Annot(int page, String type, String remark, List<Text> texts) {
    }

    private final Map<String, String> docInfo = new LinkedHashMap<>();
    private final Map<String, String> customData = new LinkedHashMap<>();
    private final List<List<Text>> pages = new ArrayList<>();
    private final Map<Integer, List<Image>> images = new LinkedHashMap<>();
    private final List<Text> template = new ArrayList<>();
    private final List<Annot> annots = new ArrayList<>();
    private final Map<String, byte[]> attachments = new LinkedHashMap<>();
    private final List<Integer> missingContent = new ArrayList<>();
    private final List<Integer> brokenContent = new ArrayList<>();
    private final List<Image> seals = new ArrayList<>();
    private final List<Integer> sealPages = new ArrayList<>();
    private boolean absoluteLocations;
    private boolean docRoot = true;

    public static OfdBuilder create() {
        return new OfdBuilder();
    }

    public OfdBuilder title(String title) {
        docInfo.put("Title", title);
        return this;
    }

    public OfdBuilder author(String author) {
        docInfo.put("Author", author);
        return this;
    }

    public OfdBuilder custom(String name, String value) {
        customData.put(name, value);
        return this;
    }

    /** Adds a page holding these text objects, written in this order. */
    public OfdBuilder page(Text... texts) {
        pages.add(List.of(texts));
        return this;
    }

    /** Adds a page holding these lines, 8 mm apart from the top margin, as one text object each. */
    public OfdBuilder pageOfLines(String... lines) {
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            texts.add(Text.at(25, 37 + 8 * i, lines[i]));
        }
        pages.add(texts);
        return this;
    }

    /** Shows an image on a page (1-based). */
    public OfdBuilder image(int page, Image image) {
        images.computeIfAbsent(page, p -> new ArrayList<>()).add(image);
        return this;
    }

    /** Text a template page draws on every page. */
    public OfdBuilder template(Text... texts) {
        template.addAll(List.of(texts));
        return this;
    }

    public OfdBuilder watermark(int page, String text) {
        annots.add(new Annot(page, "Watermark", null, List.of(new Text(40, 150, text, 20))));
        return this;
    }

    /** A note (annotation of another type) with a remark and no appearance text. */
    public OfdBuilder note(int page, String type, String remark) {
        annots.add(new Annot(page, type, remark, List.of()));
        return this;
    }

    /** An attachment; null data lists it without writing the file (a lost attachment). */
    public OfdBuilder attachment(String name, byte[] data) {
        attachments.put(name, data);
        return this;
    }

    /** Document.xml names the page's Content.xml but the package lacks it. */
    public OfdBuilder withoutContent(int page) {
        missingContent.add(page);
        return this;
    }

    /** The page's Content.xml is cut off mid-element. */
    public OfdBuilder withBrokenContent(int page) {
        brokenContent.add(page);
        return this;
    }

    /**
     * An electronic seal on a page: a signature whose stamp annotation shows the seal at (x, y) with width and
     * height w, h. The seal's picture lies in its seal file (.esl), written here as opaque bytes.
     */
    public OfdBuilder seal(int page, double x, double y, double w, double h) {
        seals.add(new Image(x, y, w, h, null));
        sealPages.add(page);
        return this;
    }

    /** OFD.xml's DocBody names no DocRoot: the document cannot be found. */
    public OfdBuilder withoutDocRoot() {
        docRoot = false;
        return this;
    }

    /**
     * Write the document's locations from the package root ({@code /Doc_0/...}) and the annotation files from the
     * document's folder ({@code Annots/Page_0/...} in {@code Annots/Annotations.xml}), as some producers do.
     */
    public OfdBuilder absoluteLocations() {
        absoluteLocations = true;
        return this;
    }

    public Path write(Path file) throws IOException {
        Files.write(file, bytes());
        return file;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "OFD.xml", ofdXml());
            put(zip, "Doc_0/Document.xml", documentXml());
            put(zip, "Doc_0/PublicRes.xml", "<ofd:Res xmlns:ofd=\"" + NS + "\" BaseLoc=\"Res\"><ofd:Fonts>"
                    + "<ofd:Font ID=\"1\" FontName=\"宋体\" FamilyName=\"宋体\"/></ofd:Fonts></ofd:Res>");
            StringBuilder media = new StringBuilder();
            int mediaId = 1000;
            for (Map.Entry<Integer, List<Image>> e : images.entrySet()) {
                for (int i = 0; i < e.getValue().size(); i++) {
                    String name = "image_" + e.getKey() + "_" + i + ".png";
                    media.append("<ofd:MultiMedia ID=\"").append(mediaId++).append("\" Type=\"Image\"><ofd:MediaFile>")
                            .append(name).append("</ofd:MediaFile></ofd:MultiMedia>");
                    putBytes(zip, "Doc_0/Res/" + name, png(e.getValue().get(i).picture()));
                }
            }
            put(zip, "Doc_0/DocumentRes.xml", "<ofd:Res xmlns:ofd=\"" + NS + "\" BaseLoc=\"Res\"><ofd:MultiMedias>"
                    + media + "</ofd:MultiMedias></ofd:Res>");
            if (!template.isEmpty()) {
                put(zip, "Doc_0/Tpls/Tpl_0/Content.xml", "<ofd:Page xmlns:ofd=\"" + NS + "\"><ofd:Content>"
                        + "<ofd:Layer ID=\"2\">" + textObjects(template, 10) + "</ofd:Layer></ofd:Content></ofd:Page>");
            }
            mediaId = 1000;
            for (int p = 1; p <= pages.size(); p++) {
                StringBuilder objects = new StringBuilder(textObjects(pages.get(p - 1), 100 * p));
                for (Image img : images.getOrDefault(p, List.of())) {
                    objects.append("<ofd:ImageObject ID=\"").append(100 * p + 99).append("\" ResourceID=\"")
                            .append(mediaId++).append("\" Boundary=\"").append(box(img.x(), img.y(), img.w(), img.h()))
                            .append("\" CTM=\"").append(img.w()).append(" 0 0 ").append(img.h())
                            .append(" 0 0\"/>");
                }
                if (missingContent.contains(p)) {
                    continue;
                }
                String xml = "<ofd:Page xmlns:ofd=\"" + NS + "\">" + (template.isEmpty() ? ""
                        : "<ofd:Template TemplateID=\"2\" ZOrder=\"Background\"/>") + "<ofd:Content><ofd:Layer ID=\""
                        + (100 * p + 98) + "\">" + objects + "</ofd:Layer></ofd:Content></ofd:Page>";
                if (brokenContent.contains(p)) {
                    xml = xml.substring(0, xml.length() / 2);
                }
                put(zip, "Doc_0/Pages/Page_" + (p - 1) + "/Content.xml", xml);
            }
            if (!annots.isEmpty()) {
                StringBuilder list = new StringBuilder("<ofd:Annotations xmlns:ofd=\"" + NS + "\">");
                Map<Integer, StringBuilder> perPage = new LinkedHashMap<>();
                int id = 5000;
                for (Annot a : annots) {
                    StringBuilder sb = perPage.computeIfAbsent(a.page(), p -> new StringBuilder());
                    sb.append("<ofd:Annot ID=\"").append(id++).append("\" Type=\"").append(a.type())
                            .append("\" Creator=\"osr\" LastModDate=\"2026-11-30\">");
                    if (a.remark() != null) {
                        sb.append("<ofd:Remark>").append(esc(a.remark())).append("</ofd:Remark>");
                    }
                    if (!a.texts().isEmpty()) {
                        sb.append("<ofd:Appearance Boundary=\"0 0 210 297\">").append(textObjects(a.texts(), id * 10))
                                .append("</ofd:Appearance>");
                    }
                    sb.append("</ofd:Annot>");
                }
                for (Map.Entry<Integer, StringBuilder> e : perPage.entrySet()) {
                    list.append("<ofd:Page PageID=\"").append(pageId(e.getKey())).append("\"><ofd:FileLoc>")
                            .append(absoluteLocations ? "Annots/" : "").append("Page_")
                            .append(e.getKey() - 1).append("/Annotation.xml</ofd:FileLoc></ofd:Page>");
                    put(zip, "Doc_0/Annots/Page_" + (e.getKey() - 1) + "/Annotation.xml", "<ofd:PageAnnot xmlns:ofd=\""
                            + NS + "\">" + e.getValue() + "</ofd:PageAnnot>");
                }
                put(zip, "Doc_0/Annots/Annotations.xml", list.append("</ofd:Annotations>").toString());
            }
            if (!seals.isEmpty()) {
                StringBuilder list = new StringBuilder("<ofd:Signatures xmlns:ofd=\"" + NS + "\">");
                for (int i = 0; i < seals.size(); i++) {
                    Image seal = seals.get(i);
                    list.append("<ofd:Signature ID=\"").append(i + 1).append("\" Type=\"Seal\" BaseLoc=\"Sign_")
                            .append(i).append("/Signature.xml\"/>");
                    put(zip, "Doc_0/Signs/Sign_" + i + "/Signature.xml", "<ofd:Signature xmlns:ofd=\"" + NS + "\">"
                            + "<ofd:SignedInfo><ofd:Provider ProviderName=\"osr\"/><ofd:SignatureMethod>1.2.156.10197.1"
                            + ".501</ofd:SignatureMethod><ofd:References CheckMethod=\"1.2.156.10197.1.401\"/>"
                            + "<ofd:StampAnnot ID=\"" + (7000 + i) + "\" PageRef=\"" + pageId(sealPages.get(i))
                            + "\" Boundary=\"" + box(seal.x(), seal.y(), seal.w(), seal.h()) + "\"/><ofd:Seal>"
                            + "<ofd:BaseLoc>Seal.esl</ofd:BaseLoc></ofd:Seal></ofd:SignedInfo><ofd:SignedValue>"
                            + "SignedValue.dat</ofd:SignedValue></ofd:Signature>");
                    putBytes(zip, "Doc_0/Signs/Sign_" + i + "/Seal.esl",
                            new byte[] {0x30, (byte) 0x82, 0, 4, 1, 2, 3, 4});
                    putBytes(zip, "Doc_0/Signs/Sign_" + i + "/SignedValue.dat", new byte[] {0x30, 0, 0});
                }
                put(zip, "Doc_0/Signs/Signatures.xml", list.append("</ofd:Signatures>").toString());
            }
            if (!attachments.isEmpty()) {
                StringBuilder list = new StringBuilder("<ofd:Attachments xmlns:ofd=\"" + NS + "\">");
                int id = 9000;
                for (Map.Entry<String, byte[]> e : attachments.entrySet()) {
                    list.append("<ofd:Attachment ID=\"").append(id++).append("\" Name=\"").append(esc(e.getKey()))
                            .append("\" Visible=\"true\"><ofd:FileLoc>").append(esc(e.getKey()))
                            .append("</ofd:FileLoc></ofd:Attachment>");
                    if (e.getValue() != null) {
                        putBytes(zip, "Doc_0/Attachs/" + e.getKey(), e.getValue());
                    }
                }
                put(zip, "Doc_0/Attachs/Attachments.xml", list.append("</ofd:Attachments>").toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String ofdXml() {
        StringBuilder info = new StringBuilder("<ofd:DocInfo><ofd:DocID>6a4f8c2e1b</ofd:DocID>");
        docInfo.forEach((k, v) -> info.append("<ofd:").append(k).append('>').append(esc(v)).append("</ofd:")
                .append(k).append('>'));
        info.append("<ofd:CreationDate>2026-11-30</ofd:CreationDate>");
        if (!customData.isEmpty()) {
            info.append("<ofd:CustomDatas>");
            customData.forEach((k, v) -> info.append("<ofd:CustomData Name=\"").append(esc(k)).append("\">")
                    .append(esc(v)).append("</ofd:CustomData>"));
            info.append("</ofd:CustomDatas>");
        }
        info.append("</ofd:DocInfo>");
        return "<ofd:OFD xmlns:ofd=\"" + NS + "\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody>" + info
                + (docRoot ? "<ofd:DocRoot>" + loc("Doc_0/Document.xml") + "</ofd:DocRoot>" : "")
                + (seals.isEmpty() ? "" : "<ofd:Signatures>" + (absoluteLocations ? "/" : "")
                + "Doc_0/Signs/Signatures.xml</ofd:Signatures>") + "</ofd:DocBody></ofd:OFD>";
    }

    private String documentXml() {
        StringBuilder sb = new StringBuilder("<ofd:Document xmlns:ofd=\"" + NS + "\"><ofd:CommonData>"
                + "<ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
                + "</ofd:PageArea><ofd:PublicRes>" + loc("Doc_0/PublicRes.xml") + "</ofd:PublicRes><ofd:DocumentRes>"
                + loc("Doc_0/DocumentRes.xml") + "</ofd:DocumentRes>");
        if (!template.isEmpty()) {
            sb.append("<ofd:TemplatePage ID=\"2\" BaseLoc=\"").append(loc("Doc_0/Tpls/Tpl_0/Content.xml"))
                    .append("\"/>");
        }
        sb.append("</ofd:CommonData><ofd:Pages>");
        for (int p = 1; p <= pages.size(); p++) {
            sb.append("<ofd:Page ID=\"").append(pageId(p)).append("\" BaseLoc=\"")
                    .append(loc("Doc_0/Pages/Page_" + (p - 1) + "/Content.xml")).append("\"/>");
        }
        sb.append("</ofd:Pages>");
        if (!annots.isEmpty()) {
            sb.append("<ofd:Annotations>").append(loc("Doc_0/Annots/Annotations.xml")).append("</ofd:Annotations>");
        }
        if (!attachments.isEmpty()) {
            sb.append("<ofd:Attachments>").append(loc("Doc_0/Attachs/Attachments.xml")).append("</ofd:Attachments>");
        }
        return sb.append("</ofd:Document>").toString();
    }

    /** A location as written: relative to the Doc_0 folder (or OFD.xml's), or absolute. */
    private String loc(String fromRoot) {
        if (absoluteLocations) {
            return "/" + fromRoot;
        }
        return fromRoot.equals("Doc_0/Document.xml") ? fromRoot : fromRoot.substring("Doc_0/".length());
    }

    private static int pageId(int page) {
        return 100 * page + 97;
    }

    private static String textObjects(List<Text> texts, int firstId) {
        StringBuilder sb = new StringBuilder();
        int id = firstId;
        for (Text t : texts) {
            int glyphs = t.text().codePointCount(0, t.text().length());
            double width = glyphs * t.size();
            // The object's box starts one font size above the baseline; the code's Y is the baseline in the box.
            sb.append("<ofd:TextObject ID=\"").append(id++).append("\" Boundary=\"")
                    .append(box(t.x(), t.y() - t.size(), width, t.size() * 1.4)).append("\" Font=\"1\" Size=\"")
                    .append(t.size()).append("\"><ofd:TextCode X=\"0\" Y=\"").append(t.size()).append('"')
                    .append(glyphs > 1 ? " DeltaX=\"g " + (glyphs - 1) + " " + t.size() + "\"" : "").append('>')
                    .append(esc(t.text())).append("</ofd:TextCode></ofd:TextObject>");
        }
        return sb.toString();
    }

    private static String box(double x, double y, double w, double h) {
        return x + " " + y + " " + w + " " + h;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String xml) throws IOException {
        putBytes(zip, name, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8));
    }

    private static void putBytes(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
