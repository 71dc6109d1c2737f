package org.osr.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads an OFD file (GB/T 33190-2016, the format of e-government documents): a zip of XML. {@code OFD.xml} names
 * each document's {@code Document.xml}, which lists the pages ({@code Page@BaseLoc} → a page's {@code Content.xml}),
 * the template pages drawn under them, resources, annotations, attachments and custom tags; {@code Signatures.xml}
 * names the seals. Page text ({@code TextObject/TextCode}) is laid out by position ({@link OfdLayout}); what a
 * template page draws on every page is a {@code header} part, watermark annotations a {@code watermark} part and
 * other annotations a {@code comment} part. Every image shown (page, template, annotation, seal) is listed for the
 * image census; a part that is named but missing or damaged is {@code corrupt}, naming it.
 */
public final class OfdReader {
    public static final String MEDIA_TYPE = "application/ofd";
    private static final double A4_W = 210, A4_H = 297;
    /** How a seal image is named: it lies in the seal file (.esl), which osr does not decode. */
    private static final String SEAL = "the seal of ";

    /** An attachment the package names: its display name and the zip entry that holds it (null when missing). */
    public record Attachment(String name, String entry) {
    }

    /**
     * What was read.
     *
     * @param parts       body (paged), header (template pages), watermark and comment (paged), custom tags
     * @param properties  DocInfo as Tika metadata keys (dc:title, dc:creator, …, custom:NAME)
     * @param media       zip entries of the images the resources name
     */
    public record Content(List<Part> parts, List<Problem> problems, List<UnreadImage> images,
                          Map<String, List<String>> properties, List<Attachment> attachments, List<String> media,
                          int pages) {
    }

    private final ZipFile zip;
    private final List<Problem> problems = new ArrayList<>();
    private final List<UnreadImage> images = new ArrayList<>();
    private final Map<String, List<String>> properties = new LinkedHashMap<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private final List<String> media = new ArrayList<>();
    private final List<OfdLayout.Page> bodyPages = new ArrayList<>();
    /** The size of each body page in millimetres, by the index of {@link #bodyPages}. */
    private final List<double[]> bodyPageSizes = new ArrayList<>();
    private final List<Part> otherParts = new ArrayList<>();
    private final Map<Integer, PageText> watermarks = new LinkedHashMap<>();
    private final Map<Integer, PageText> comments = new LinkedHashMap<>();

    /** The text of one page of a paged layer (watermark, annotations) and its lines as blocks from 0. */
    private static final class PageText {
        final StringBuilder text = new StringBuilder();
        final List<Block> blocks = new ArrayList<>();

        /** Adds lines the producer wrote without a place (a remark, parameters): one LINE block each, no box. */
        void unplaced(String lines, int page) {
            int from = text.length();
            text.append(lines);
            int start = from;
            for (int i = from; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == '\n') {
                    if (!text.substring(start, i).isBlank()) {
                        blocks.add(new Block(start, i, Block.Kind.LINE, page, null, null));
                    }
                    start = i + 1;
                }
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');   // the next line starts a block of its own
            }
        }

        void placed(OfdLayout.Page laid, int page, double[] pageSize) {
            blocks.addAll(laid.blocks(page, pageSize, text.length()));
            text.append(laid.text());
        }
    }

    /** The resources of the document being read: MultiMedia ID → zip entry, CompositeGraphicUnit ID → element. */
    private final Map<String, String> mediaById = new HashMap<>();
    private final Map<String, OfdXml.Node> compositeById = new HashMap<>();
    /** Composite units being drawn (identity), so a unit that includes itself is not drawn forever. */
    private final java.util.Set<OfdXml.Node> composites = java.util.Collections.newSetFromMap(
            new java.util.IdentityHashMap<>());
    /** The folder of the document being read ({@code Doc_0/}), where producers also start relative locations. */
    private String docDir = "";
    /** The page size of the document being read, in millimetres. */
    private double[] pageSize = {A4_W, A4_H};

    private OfdReader(ZipFile zip) {
        this.zip = zip;
    }

    /** Whether the zip is an OFD package: its root holds {@code OFD.xml}. */
    static boolean isOfd(ZipFile zip) {
        return zip.getEntry("OFD.xml") != null;
    }

    /** @throws IOException when the file is not a zip at all */
    public static Content read(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new OfdReader(zip).read();
        }
    }

    /** The labelled parts and problems of an OFD file osr reads itself (DocInfo comes through Tika's metadata). */
    static void readInto(Path file, List<Part> parts, List<Problem> problems) {
        try {
            Content ofd = read(file);
            parts.addAll(ofd.parts());
            problems.addAll(ofd.problems());
        } catch (IOException e) {
            problems.add(new Problem(Problem.CORRUPT, "the OFD file is not a readable zip package: " + e.getMessage()));
        }
    }

    /**
     * The images an OFD file shows, for the census. With {@code --ocr} Tesseract reads them as the file's embedded
     * images; the census then counts those as read (their text is an {@code ocr} part named by the image, not placed
     * on the page that shows it).
     */
    static List<UnreadImage> images(Path file) {
        try {
            return read(file).images();
        } catch (IOException e) {
            return List.of();   // readInto names the damage
        }
    }

    private Content read() {
        ZipEntry ofd = zip.getEntry("OFD.xml");
        if (ofd == null) {
            problems.add(new Problem(Problem.CORRUPT, "the OFD package has no OFD.xml: its documents cannot be "
                    + "found"));
            return content();
        }
        OfdXml.Node root = parse("OFD.xml", "the package's entry point");
        if (root == null) {
            return content();
        }
        List<OfdXml.Node> bodies = root.all("DocBody");
        if (bodies.isEmpty()) {
            problems.add(new Problem(Problem.CORRUPT, "OFD.xml has no DocBody: its documents cannot be found"));
        }
        for (OfdXml.Node body : bodies) {
            OfdXml.Node info = body.child("DocInfo");
            if (info != null) {
                docInfo(info);
            }
            String docRoot = body.childText("DocRoot");
            if (docRoot == null || docRoot.isEmpty()) {
                problems.add(new Problem(Problem.CORRUPT, "OFD.xml has a DocBody without DocRoot: its document "
                        + "cannot be found"));
                continue;
            }
            Map<String, Integer> pageIds = document(locate("", docRoot, "the document root"));
            String signatures = body.childText("Signatures");
            if (signatures != null && !signatures.isEmpty()) {
                signatures(locate("", signatures, "the signature list"), pageIds);
            }
        }
        return content();
    }

    private Content content() {
        List<Part> parts = new ArrayList<>();
        if (bodyPages.stream().anyMatch(p -> !p.text().isBlank())) {
            StringBuilder text = new StringBuilder();
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < bodyPages.size(); i++) {
                text.append(i > 0 ? String.valueOf(Part.PAGE_BREAK) : "");
                blocks.addAll(bodyPages.get(i).blocks(i + 1, bodyPageSizes.get(i), text.length()));
                text.append(bodyPages.get(i).text());
            }
            parts.add(new Part(PartKind.BODY, text.toString(), true, null, "ofd pages", blocks));
        }
        parts.addAll(otherParts);
        paged(PartKind.WATERMARK, watermarks, "ofd watermark annotations", parts);
        paged(PartKind.COMMENT, comments, "ofd annotations", parts);
        return new Content(parts, problems, images, properties, attachments, media, bodyPages.size());
    }

    private void paged(PartKind kind, Map<Integer, PageText> byPage, String source, List<Part> parts) {
        if (byPage.values().stream().allMatch(page -> page.text.toString().isBlank())) {
            return;
        }
        int pages = Math.max(bodyPages.size(), byPage.keySet().stream().mapToInt(i -> i).max().orElse(0));
        StringBuilder text = new StringBuilder();
        List<Block> blocks = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            text.append(p > 1 ? String.valueOf(Part.PAGE_BREAK) : "");
            PageText page = byPage.get(p);
            if (page != null) {
                int offset = text.length();
                page.blocks.forEach(b -> blocks.add(b.shifted(offset)));
                text.append(page.text);
            }
        }
        parts.add(new Part(kind, text.toString(), true, null, source, blocks));
    }

    private void docInfo(OfdXml.Node info) {
        property("dc:title", info.childText("Title"));
        property("dc:creator", info.childText("Author"));
        property("dc:subject", info.childText("Subject"));
        property("dc:description", info.childText("Abstract"));
        property("cp:category", info.childText("DocUsage"));
        // Creator is the producing application; Tika has no key for it that osr scans, so it goes with the custom data.
        property("custom:Creator", info.childText("Creator"));
        OfdXml.Node keywords = info.child("Keywords");
        if (keywords != null) {
            keywords.all("Keyword").forEach(k -> property("meta:keyword", k.text().toString().strip()));
        }
        OfdXml.Node custom = info.child("CustomDatas");
        if (custom != null) {
            for (OfdXml.Node d : custom.all("CustomData")) {
                property("custom:" + (d.attr("Name") == null ? "CustomData" : d.attr("Name")),
                        d.text().toString().strip());
            }
        }
    }

    private void property(String key, String value) {
        if (value != null && !value.isEmpty()) {
            properties.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    /** Reads one document; returns page ID → 1-based page number in the whole file. */
    private Map<String, Integer> document(String path) {
        Map<String, Integer> pageIds = new HashMap<>();
        OfdXml.Node doc = path == null ? null : parse(path, "the document");
        if (doc == null) {
            return pageIds;
        }
        String dir = dir(path);
        docDir = dir;
        mediaById.clear();
        compositeById.clear();
        pageSize = new double[] {A4_W, A4_H};
        OfdXml.Node common = doc.child("CommonData");
        List<OfdXml.Node> templates = List.of();
        if (common != null) {
            pageSize = box(common.child("PageArea"), pageSize);
            for (String resName : List.of("PublicRes", "DocumentRes")) {
                for (OfdXml.Node res : common.all(resName)) {
                    resources(locate(dir, res.text().toString().strip(), "the resource list"));
                }
            }
            templates = common.all("TemplatePage");
        }
        for (OfdXml.Node template : templates) {
            String loc = locate(dir, template.attr("BaseLoc"), "template page " + template.attr("ID"));
            OfdXml.Node page = loc == null ? null : parse(loc, "template page " + template.attr("ID"));
            if (page != null) {
                List<OfdLayout.Run> runs = new ArrayList<>();
                pageResources(page, dir(loc));
                double[] size = box(page.child("Area"), pageSize);
                walk(page.child("Content"), Transform.NONE, runs, null, size, loc);
                OfdLayout.Page laid = OfdLayout.lines(runs);
                if (!laid.text().isBlank()) {
                    // drawn on every page that uses the template: no page of its own
                    otherParts.add(new Part(PartKind.HEADER, laid.text(), false, null, loc,
                            laid.blocks(0, size, 0)));
                }
            }
        }
        OfdXml.Node pages = doc.child("Pages");
        List<OfdXml.Node> pageList = pages == null ? List.of() : pages.all("Page");
        if (pageList.isEmpty()) {
            problems.add(new Problem(Problem.CORRUPT, path + " lists no pages: the document's content cannot be "
                    + "found"));
        }
        for (OfdXml.Node pageRef : pageList) {
            int number = bodyPages.size() + 1;
            if (pageRef.attr("ID") != null) {
                pageIds.put(pageRef.attr("ID"), number);
            }
            String baseLoc = pageRef.attr("BaseLoc");
            String what = "page " + number;
            String loc = baseLoc == null || baseLoc.isBlank() ? null : locate(dir, baseLoc, what);
            if (baseLoc == null || baseLoc.isBlank()) {
                problems.add(new Problem(Problem.CORRUPT, "page " + number + " names no content (Page without "
                        + "BaseLoc); what it shows was not read"));
            }
            OfdXml.Node page = loc == null ? null : parse(loc, what);
            List<OfdLayout.Run> runs = new ArrayList<>();
            double[] size = page == null ? pageSize : box(page.child("Area"), pageSize);
            if (page != null) {
                pageResources(page, dir(loc));
                walk(page.child("Content"), Transform.NONE, runs, number, size, loc);
            }
            bodyPages.add(OfdLayout.lines(runs));
            bodyPageSizes.add(size);
        }
        String annotations = doc.childText("Annotations");
        if (annotations != null && !annotations.isEmpty()) {
            annotations(locate(dir, annotations, "the annotation list"), pageIds, pageSize);
        }
        String attachmentList = doc.childText("Attachments");
        if (attachmentList != null && !attachmentList.isEmpty()) {
            attachments(locate(dir, attachmentList, "the attachment list"));
        }
        String tags = doc.childText("CustomTags");
        if (tags != null && !tags.isEmpty()) {
            customTags(locate(dir, tags, "the custom tag list"));
        }
        return pageIds;
    }

    /** Reads a resource file: images (MultiMedia) and composite graphic units, by ID. */
    private void resources(String path) {
        OfdXml.Node res = path == null ? null : parse(path, "a resource list");
        if (res == null) {
            return;
        }
        String base = res.attr("BaseLoc") == null ? dir(path) : join(dir(path), res.attr("BaseLoc"));
        OfdXml.Node medias = res.child("MultiMedias");
        if (medias != null) {
            for (OfdXml.Node m : medias.all("MultiMedia")) {
                String file = m.childText("MediaFile");
                if (file == null || file.isEmpty()) {
                    continue;
                }
                String entry = find(base, file);
                if (entry == null) {
                    entry = find(dir(path), file);
                }
                if (entry == null) {
                    problems.add(new Problem(Problem.CORRUPT, "the image " + join(base, file) + " that " + path
                            + " names is missing from the package; what it shows was not read"));
                    continue;
                }
                mediaById.put(m.attr("ID"), entry);
                if (!media.contains(entry)) {
                    media.add(entry);
                }
            }
        }
        OfdXml.Node units = res.child("CompositeGraphicUnits");
        if (units != null) {
            units.all("CompositeGraphicUnit").forEach(u -> compositeById.put(u.attr("ID"), u));
        }
    }

    private void pageResources(OfdXml.Node page, String dir) {
        for (OfdXml.Node res : page.all("PageRes")) {
            resources(locate(dir, res.text().toString().strip(), "a page's resource list"));
        }
    }

    /**
     * Collects the text runs and images of a content element (Layer, PageBlock, Appearance, …) in page coordinates.
     *
     * @param page 1-based page the content is shown on, or null for a template page (shown on every page using it)
     */
    private void walk(OfdXml.Node content, Transform t, List<OfdLayout.Run> runs, Integer page, double[] pageSize,
                      String source) {
        if (content == null) {
            return;
        }
        for (OfdXml.Node n : content.children()) {
            switch (n.name()) {
                case "TextObject" -> text(n, t, runs);
                case "ImageObject" -> image(n, t, page, pageSize, source);
                case "CompositeObject" -> {
                    OfdXml.Node unit = compositeById.get(n.attr("ResourceID"));
                    if (unit != null && composites.add(unit)) {   // a unit that draws itself is drawn once
                        walk(unit.child("Content"), t.inside(n), runs, page, pageSize, source);
                        composites.remove(unit);
                    } else if (unit == null) {
                        problems.add(new Problem(Problem.CORRUPT, source + " draws the composite object "
                                + n.attr("ResourceID") + " that no resource list holds; what it shows was not read"));
                    }
                }
                case "PathObject" -> { }
                default -> walk(n, t, runs, page, pageSize, source);   // Layer, PageBlock, Content
            }
        }
    }

    private static void text(OfdXml.Node object, Transform outer, List<OfdLayout.Run> runs) {
        Transform t = outer.inside(object);
        double ownSize = number(object.attr("Size"), OfdLayout.DEFAULT_SIZE);
        // ReadDirection turns the line of glyphs inside the object (90: top to bottom, a vertical column).
        int read = quarterTurns(number(object.attr("ReadDirection"), 0));
        boolean down = read == 90 || read == 270;
        double sign = read == 180 || read == 270 ? -1 : 1;
        int rotation = t.rotation(read);
        double x = 0, y = 0;
        for (OfdXml.Node code : object.all("TextCode")) {
            x = number(code.attr("X"), x);
            y = number(code.attr("Y"), y);
            String s = code.text().toString();
            String deltas = down && code.attr("DeltaY") != null ? code.attr("DeltaY") : code.attr("DeltaX");
            double length = sign * (advance(deltas, s.codePointCount(0, s.length()), ownSize) + ownSize);
            double[] start = t.apply(x, y);
            double[] end = down ? t.apply(x, y + length) : t.apply(x + length, y);
            runs.add(new OfdLayout.Run(start[0], start[1], end[0], end[1], ownSize * t.scale(), rotation, s));
            if (down) {
                y += length;
            } else {
                x += length;
            }
        }
    }

    /** An angle in degrees as 0, 90, 180 or 270, whichever is nearest. */
    static int quarterTurns(double degrees) {
        if (Double.isNaN(degrees) || Double.isInfinite(degrees)) {
            return 0;
        }
        return (int) (((Math.round(degrees / 90) % 4) + 4) % 4) * 90;
    }

    /** Width of a TextCode up to its last glyph: the DeltaX list (with its {@code g count delta} shorthand). */
    static double advance(String deltaX, int glyphs, double size) {
        if (glyphs <= 1) {
            return 0;
        }
        List<Double> deltas = new ArrayList<>();
        if (deltaX != null) {
            String[] tokens = deltaX.trim().split("\\s+");
            for (int i = 0; i < tokens.length && deltas.size() < glyphs - 1; i++) {
                if (tokens[i].equals("g") && i + 2 < tokens.length) {
                    int count = (int) Math.min(glyphs, Math.max(0, number(tokens[i + 1], 0)));
                    double d = number(tokens[i + 2], size);
                    for (int k = 0; k < count && deltas.size() < glyphs - 1; k++) {
                        deltas.add(d);
                    }
                    i += 2;
                } else if (!tokens[i].isEmpty()) {
                    deltas.add(number(tokens[i], size));
                }
            }
        }
        double sum = deltas.stream().mapToDouble(Double::doubleValue).sum();
        return sum + (glyphs - 1 - deltas.size()) * size;
    }

    private void image(OfdXml.Node object, Transform t, Integer page, double[] pageSize, String source) {
        String entry = mediaById.get(object.attr("ResourceID"));
        double[] box = t.boundary(object.attr("Boundary"));
        String where = (entry == null ? "image " + object.attr("ResourceID") : entry) + " in " + source;
        int[] px = entry == null ? null : pixels(entry);
        images.add(shown(where, page, px, box, pageSize));
    }

    private static UnreadImage shown(String where, Integer page, int[] px, double[] box, double[] pageSize) {
        Double share = null;
        UnreadImage.Position position = UnreadImage.Position.UNKNOWN;
        if (box != null && box[2] > 0 && box[3] > 0) {
            double w = pageSize[0], h = pageSize[1];
            share = Math.min(1, box[2] * box[3] / (w * h));
            position = ImagePolicy.position(box[1] / h, (box[1] + box[3]) / h, box[0] / w, (box[0] + box[2]) / w);
        }
        return new UnreadImage(where, page, px == null ? null : px[0], px == null ? null : px[1], share, position);
    }

    private void annotations(String path, Map<String, Integer> pageIds, double[] pageSize) {
        OfdXml.Node list = path == null ? null : parse(path, "the annotation list");
        if (list == null) {
            return;
        }
        for (OfdXml.Node pageRef : list.all("Page")) {
            Integer page = pageIds.get(pageRef.attr("PageID"));
            String loc = locate(dir(path), pageRef.childText("FileLoc"), "the annotations of page "
                    + (page == null ? pageRef.attr("PageID") : page));
            OfdXml.Node annots = loc == null ? null : parse(loc, "annotations");
            if (annots == null) {
                continue;
            }
            for (OfdXml.Node annot : annots.all("Annot")) {
                boolean watermark = "Watermark".equalsIgnoreCase(annot.attr("Type"));
                int shownOn = page == null ? 1 : page;
                PageText target = (watermark ? watermarks : comments).computeIfAbsent(shownOn, p -> new PageText());
                String remark = annot.childText("Remark");
                if (remark != null && !remark.isEmpty()) {
                    target.unplaced(remark + '\n', page == null ? 0 : page);
                }
                OfdXml.Node parameters = annot.child("Parameters");
                if (parameters != null) {
                    target.unplaced(parameters.allText(), page == null ? 0 : page);
                }
                double[] size = page == null || page > bodyPageSizes.size() ? pageSize : bodyPageSizes.get(page - 1);
                for (OfdXml.Node appearance : annot.all("Appearance")) {
                    List<OfdLayout.Run> runs = new ArrayList<>();
                    walk(appearance, Transform.NONE.inside(appearance), runs, page, size, loc);
                    target.placed(OfdLayout.lines(runs), page == null ? 0 : page, size);
                }
            }
        }
    }

    private void signatures(String path, Map<String, Integer> pageIds) {
        OfdXml.Node list = path == null ? null : parse(path, "the signature list");
        if (list == null) {
            return;
        }
        for (OfdXml.Node sig : list.all("Signature")) {
            String loc = locate(dir(path), sig.attr("BaseLoc"), "signature " + sig.attr("ID"));
            OfdXml.Node signature = loc == null ? null : parse(loc, "signature " + sig.attr("ID"));
            OfdXml.Node info = signature == null ? null : signature.child("SignedInfo");
            if (info == null) {
                continue;
            }
            for (OfdXml.Node stamp : info.all("StampAnnot")) {
                Integer page = pageIds.get(stamp.attr("PageRef"));
                images.add(shown(SEAL + loc, page, null, Transform.NONE.boundary(stamp.attr("Boundary")),
                        pageSize));
            }
        }
    }

    private void attachments(String path) {
        OfdXml.Node list = path == null ? null : parse(path, "the attachment list");
        if (list == null) {
            return;
        }
        for (OfdXml.Node a : list.all("Attachment")) {
            String name = a.attr("Name") == null ? a.childText("FileLoc") : a.attr("Name");
            String entry = locate(dir(path), a.childText("FileLoc"), "the attachment " + name);
            attachments.add(new Attachment(name, entry));
            if (entry != null && OoxmlImages.isRaster(entry)) {
                int[] px = pixels(entry);
                images.add(new UnreadImage("attachment " + entry, null, px == null ? null : px[0],
                        px == null ? null : px[1], null, UnreadImage.Position.UNKNOWN));
            }
        }
    }

    /** Custom tags map page objects to a schema; the tag files may hold text of their own, read as metadata. */
    private void customTags(String path) {
        OfdXml.Node list = path == null ? null : parse(path, "the custom tag list");
        if (list == null) {
            return;
        }
        for (OfdXml.Node tag : list.all("CustomTag")) {
            String loc = locate(dir(path), tag.childText("FileLoc"), "a custom tag file");
            OfdXml.Node file = loc == null ? null : parse(loc, "a custom tag file");
            if (file != null && !file.allText().isBlank()) {
                otherParts.add(new Part(PartKind.METADATA, file.allText(), false, null, loc));
            }
        }
    }

    /**
     * The zip entry a location names, or null with a {@code corrupt} problem. Absolute locations start at the
     * package root; relative ones at the referring file's folder (producers also write them from the document's
     * folder or from the root, and readers accept that).
     */
    private String locate(String dir, String loc, String what) {
        if (loc == null || loc.isBlank()) {
            problems.add(new Problem(Problem.CORRUPT, what + " names no file; what it holds was not read"));
            return null;
        }
        String entry = find(dir, loc.strip());
        if (entry == null) {
            problems.add(new Problem(Problem.CORRUPT, "the package part " + join(dir, loc.strip()) + " (" + what
                    + ") is missing; what it holds was not read"));
        }
        return entry;
    }

    private String find(String dir, String loc) {
        for (String base : new String[] {dir, docDir, ""}) {
            String entry = join(base, loc);
            if (zip.getEntry(entry) != null) {
                return entry;
            }
        }
        return null;
    }

    /** Parses a part; null with a {@code corrupt} problem naming it when it is not well-formed. */
    private OfdXml.Node parse(String entryName, String what) {
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            problems.add(new Problem(Problem.CORRUPT, "the package part " + entryName + " (" + what + ") is "
                    + "missing; what it holds was not read"));
            return null;
        }
        try {
            return OfdXml.read(zip, entry);
        } catch (OfdXml.Damaged e) {
            problems.add(new Problem(Problem.CORRUPT, "the package part " + entryName + " (" + what + ") is damaged ("
                    + e.getMessage() + "); what it holds was not read"));
            return null;
        }
    }

    private int[] pixels(String entryName) {
        ZipEntry e = zip.getEntry(entryName);
        try (InputStream in = zip.getInputStream(e)) {
            return ImageCensus.pixels(in);
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    /** Resolves {@code loc} against the folder {@code dir} ("" is the root); a leading '/' starts at the root. */
    static String join(String dir, String loc) {
        String s = loc.replace('\\', '/');
        String full = s.startsWith("/") ? s : (dir.isEmpty() || dir.endsWith("/") ? dir : dir + "/") + s;
        Deque<String> path = new ArrayDeque<>();
        for (String seg : full.split("/")) {
            if (seg.equals("..")) {
                path.pollLast();
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                path.addLast(seg);
            }
        }
        return String.join("/", path);
    }

    /** Width and height of a box ({@code PhysicalBox "x y w h"} inside {@code area}), or the fallback. */
    private static double[] box(OfdXml.Node area, double[] fallback) {
        String physical = area == null ? null : area.childText("PhysicalBox");
        double[] b = numbers(physical);
        return b != null && b.length == 4 && b[2] > 0 && b[3] > 0 ? new double[] {b[2], b[3]} : fallback;
    }

    static double[] numbers(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String[] tokens = s.trim().split("[\\s,]+");
        double[] out = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = number(tokens[i], Double.NaN);
            if (Double.isNaN(out[i])) {
                return null;
            }
        }
        return out;
    }

    static double number(String s, double fallback) {
        try {
            return s == null ? fallback : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Page coordinates of a point in an object: the object's CTM {@code a b c d e f} maps it into the object's
     * Boundary, whose origin is {@code (x, y)} in the enclosing space.
     */
    record Transform(double a, double b, double c, double d, double e, double f) {
        static final Transform NONE = new Transform(1, 0, 0, 1, 0, 0);

        /** The transform inside an object with a Boundary and maybe a CTM. */
        Transform inside(OfdXml.Node object) {
            double[] boundary = numbers(object.attr("Boundary"));
            double[] ctm = numbers(object.attr("CTM"));
            Transform local = ctm != null && ctm.length == 6 ? new Transform(ctm[0], ctm[1], ctm[2], ctm[3], ctm[4],
                    ctm[5]) : NONE;
            double ox = boundary != null && boundary.length >= 2 ? boundary[0] : 0;
            double oy = boundary != null && boundary.length >= 2 ? boundary[1] : 0;
            // point → local CTM → + boundary origin → outer transform
            double[] o = apply(ox, oy);
            return new Transform(a * local.a + c * local.b, b * local.a + d * local.b, a * local.c + c * local.d,
                    b * local.c + d * local.d, a * local.e + c * local.f + o[0], b * local.e + d * local.f + o[1]);
        }

        double[] apply(double x, double y) {
            return new double[] {a * x + c * y + e, b * x + d * y + f};
        }

        /**
         * The direction, in quarter turns clockwise on the page (whose y axis points down), of a line of text that
         * runs {@code readDirection} degrees clockwise inside the object this transform draws.
         */
        int rotation(int readDirection) {
            double rx = Math.cos(Math.toRadians(readDirection)), ry = Math.sin(Math.toRadians(readDirection));
            return quarterTurns(Math.toDegrees(Math.atan2(b * rx + d * ry, a * rx + c * ry)));
        }

        /** Scale of lengths (a text size drawn through this transform). */
        double scale() {
            double det = Math.abs(a * d - b * c);
            return det > 0 ? Math.sqrt(det) : 1;
        }

        /** An object's Boundary {@code x y w h} in page coordinates, or null. */
        double[] boundary(String boundary) {
            double[] bx = numbers(boundary);
            if (bx == null || bx.length != 4) {
                return null;
            }
            double[] p = apply(bx[0], bx[1]);
            return new double[] {p[0], p[1], bx[2] * scale(), bx[3] * scale()};
        }
    }

}
