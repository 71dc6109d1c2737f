package org.osr.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The raster media of a DOCX, XLSX or PPTX package ({@code word/media/*}, {@code xl/media/*}, {@code ppt/media/*})
 * with the size each is shown at: every picture ({@code pic:pic}, {@code xdr:pic}, {@code p:pic}) names its image by
 * {@code a:blip r:embed} and its displayed size by {@code a:xfrm/a:ext} in EMU. The page is Word's section page
 * ({@code w:sectPr/w:pgSz}) or PowerPoint's slide ({@code p:sldSz}); a worksheet has no page, so A4 stands in.
 * Media no picture shows are listed with their pixels only.
 */
final class OoxmlImages {
    private static final double EMU_PER_TWIP = 635;
    /** A4 in EMU, for worksheets and documents without a section page size. */
    private static final double A4_W = 7_560_000, A4_H = 10_692_000;
    private static final long MAX_XML_BYTES = 64L << 20;

    private OoxmlImages() {
    }

    /**
     * The package's media entries by file name ({@code image1.png} → {@code word/media/image1.png}): Tika names an
     * embedded medium by its file name only. Empty when the file is not a readable ZIP.
     */
    static Map<String, String> mediaPaths(Path file) {
        Map<String, String> paths = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().matches("(word|xl|ppt)/media/[^/]+")) {
                    paths.putIfAbsent(e.getName().substring(e.getName().lastIndexOf('/') + 1), e.getName());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return paths;
    }

    static List<UnreadImage> census(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            double[] page = pageSize(zip);
            Map<String, UnreadImage> shown = new LinkedHashMap<>();
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String name = e.getName();
                if (name.endsWith(".xml") && !name.contains("_rels/") && e.getSize() <= MAX_XML_BYTES
                        && (name.startsWith("word/") || name.startsWith("xl/") || name.startsWith("ppt/"))) {
                    pictures(zip, name, page, shown);
                }
            }
            List<UnreadImage> images = new ArrayList<>(shown.values());
            java.util.Set<String> shownMedia = new java.util.HashSet<>();
            shown.keySet().forEach(k -> shownMedia.add(k.substring(0, k.lastIndexOf('#'))));
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String name = e.getName();
                if (name.matches("(word|xl|ppt)/media/[^/]+") && isRaster(name)
                        && !shownMedia.contains(name)) {
                    int[] px = pixels(zip, e);
                    images.add(new UnreadImage(name, null, px == null ? null : px[0], px == null ? null : px[1], null,
                            UnreadImage.Position.UNKNOWN));
                }
            }
            return images;
        } catch (IOException | RuntimeException | XMLStreamException e) {
            return List.of();   // the package's own reader reports a damaged package
        }
    }

    /** Page width and height in EMU: the first section's or the slide's, else A4. */
    private static double[] pageSize(ZipFile zip) throws IOException, XMLStreamException {
        for (String part : List.of("word/document.xml", "ppt/presentation.xml")) {
            ZipEntry e = zip.getEntry(part);
            if (e == null || e.getSize() > MAX_XML_BYTES) {
                continue;
            }
            try (InputStream in = SafeXml.open(zip, e)) {
                XMLStreamReader r = SafeXml.reader(in, e);
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        String local = r.getLocalName();
                        if (local.equals("pgSz")) {
                            return new double[] {twips(attr(r, "w"), A4_W), twips(attr(r, "h"), A4_H)};
                        }
                        if (local.equals("sldSz")) {
                            return new double[] {number(attr(r, "cx"), A4_W), number(attr(r, "cy"), A4_H)};
                        }
                    }
                }
            }
        }
        return new double[] {A4_W, A4_H};
    }

    /** Adds each picture the part shows, keyed "media path#n" so a picture shown twice is listed twice. */
    private static void pictures(ZipFile zip, String part, double[] page, Map<String, UnreadImage> shown)
            throws IOException, XMLStreamException {
        Map<String, String> rels = relationships(zip, part);
        if (rels.isEmpty()) {
            return;
        }
        UnreadImage.Position position = part.matches("word/header\\d*\\.xml") ? UnreadImage.Position.TOP
                : part.matches("word/footer\\d*\\.xml") ? UnreadImage.Position.MARGIN : UnreadImage.Position.BODY;
        ZipEntry entry = zip.getEntry(part);
        try (InputStream in = SafeXml.open(zip, entry)) {
            XMLStreamReader r = SafeXml.reader(in, entry);
            int picDepth = -1, depth = 0;
            String embed = null;
            double cx = 0, cy = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    return;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String local = r.getLocalName();
                    if (local.equals("pic") && picDepth < 0) {
                        picDepth = depth;
                        embed = null;
                        cx = cy = 0;
                    } else if (picDepth > 0 && local.equals("blip")) {
                        embed = r.getAttributeValue(
                                "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "embed");
                    } else if (picDepth > 0 && local.equals("ext") && cx == 0) {
                        cx = number(attr(r, "cx"), 0);
                        cy = number(attr(r, "cy"), 0);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == picDepth) {
                        picDepth = -1;
                        String target = embed == null ? null : rels.get(embed);
                        if (target != null && isRaster(target) && zip.getEntry(target) != null) {
                            int[] px = pixels(zip, zip.getEntry(target));
                            Double share = cx > 0 && cy > 0 ? Math.min(1, cx * cy / (page[0] * page[1])) : null;
                            shown.put(target + "#" + shown.size(), new UnreadImage(target + " in " + part, null,
                                    px == null ? null : px[0], px == null ? null : px[1], share, position));
                        }
                    }
                    depth--;
                }
            }
        }
    }

    /** Relationship id → package path of the part's image targets. */
    private static Map<String, String> relationships(ZipFile zip, String part) throws IOException, XMLStreamException {
        int slash = part.lastIndexOf('/');
        String dir = part.substring(0, slash + 1);
        ZipEntry e = zip.getEntry(dir + "_rels/" + part.substring(slash + 1) + ".rels");
        Map<String, String> rels = new HashMap<>();
        if (e == null || e.getSize() > MAX_XML_BYTES) {
            return rels;
        }
        try (InputStream in = SafeXml.open(zip, e)) {
            XMLStreamReader r = SafeXml.reader(in, e);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")
                        && !"External".equals(attr(r, "TargetMode")) && attr(r, "Target") != null) {
                    rels.put(attr(r, "Id"), resolve(dir, attr(r, "Target")));
                }
            }
        }
        return rels;
    }

    private static String resolve(String dir, String target) {
        if (target.startsWith("/")) {
            return target.substring(1);
        }
        java.util.Deque<String> path = new java.util.ArrayDeque<>();
        for (String s : (dir + target).split("/")) {
            if (s.equals("..")) {
                path.pollLast();
            } else if (!s.isEmpty() && !s.equals(".")) {
                path.addLast(s);
            }
        }
        return String.join("/", path);
    }

    static boolean isRaster(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.matches(".*\\.(png|jpe?g|gif|bmp|tiff?|webp|jp2|jfif)$");
    }

    /** Width and height from the image's header (nothing is decoded), or null. */
    private static int[] pixels(ZipFile zip, ZipEntry e) {
        try (InputStream in = zip.getInputStream(e)) {
            return ImageCensus.pixels(in);
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    private static String attr(XMLStreamReader r, String local) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(local)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static double twips(String v, double fallback) {
        double t = number(v, -1);
        return t > 0 ? t * EMU_PER_TWIP : fallback;
    }

    private static double number(String v, double fallback) {
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

}
