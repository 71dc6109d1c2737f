package org.osr.clean;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageProperties;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.osr.review.Redactor;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The publication copy of a Word document (DOCX, DOCM, DOTX), made on the package itself (POI's OPC layer and the
 * parts' XML), so nothing POI's document model does not know survives by accident.
 *
 * <p>In every story (body, headers, footers, footnotes, endnotes, and the text boxes inside them): tracked insertions
 * are accepted ({@code w:ins}, {@code w:moveTo} unwrapped) and deletions dropped ({@code w:del}, {@code w:moveFrom}),
 * tracked formatting changes dropped; comment anchors and references removed; hidden runs ({@code w:vanish} on the
 * run, or by its character style, its paragraph's style or the defaults) removed; embedded objects ({@code w:object},
 * {@code w:altChunk}) removed; revision ids ({@code w:rsid*}) removed. Personal data is masked in place, paragraph by
 * paragraph, so a value split over several runs is found whole and each run keeps its formatting and length.
 *
 * <p>In the package: the comments parts and the list of their authors, embedded files (OLE objects, packages,
 * alt-chunks), the building-block glossary, the thumbnail, custom properties and document variables are removed;
 * the core and extended properties are emptied; {@code w:rsids} and the attached template's path leave the settings.
 */
public final class DocxCleaner implements FormatCleaner {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static final String MS = "http://schemas.microsoft.com/office/";

    private static final Set<String> COMMENT_PARTS = Set.of(R + "comments",
            MS + "2011/relationships/commentsExtended", MS + "2016/09/relationships/commentsIds",
            MS + "2018/08/relationships/commentsExtensible");
    private static final Set<String> PEOPLE_PARTS = Set.of(MS + "2011/relationships/people");
    private static final Set<String> EMBEDDED_PARTS = Set.of(R + "oleObject", R + "package", R + "aFChunk");
    /** The template's path, often with the drafter's user name in it ({@code C:\\Users\\zhangsan\\…}). */
    private static final Set<String> TEMPLATE_LINKS = Set.of(R + "attachedTemplate");
    private static final Set<String> MACRO_PARTS = Set.of(MS + "2006/relationships/vbaProject");
    private static final Set<String> GLOSSARY_PARTS = Set.of(R + "glossaryDocument");
    /** What Word shows for the tabs and breaks between the runs of a paragraph. */
    private static final Map<String, String> WORD_BREAKS = Map.of("tab", "\t", "ptab", "\t", "br", "\n", "cr", "\n");
    /** Attributes whose values a reader sees or a screen reader speaks: alt text, watermark text, field codes. */
    private static final Set<String> SHOWN_ATTRIBUTES = Set.of("descr", "title", "alt", "string", "instr");

    @Override
    public String name() {
        return "DOCX";
    }

    @Override
    public boolean reads(Path file, byte[] head) {
        if (head.length < 4 || head[0] != 'P' || head[1] != 'K') {
            return false;
        }
        // named as Word names it: ours even when damaged, so a broken file is "cannot clean", not "not a format"
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.matches(".*\\.(docx|docm|dotx|dotm)")) {
            return true;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("word/document.xml") != null || zip.getEntry("[Content_Types].xml") != null
                    && zip.stream().anyMatch(e -> e.getName().startsWith("word/"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Removals clean(Path source, Path target, Redactor redactor) throws IOException {
        Removals removals = new Removals();
        OPCPackage pkg;
        try (InputStream in = Files.newInputStream(source)) {
            pkg = OPCPackage.open(in);
        } catch (InvalidFormatException | RuntimeException e) {
            throw new IOException("not a readable Word package: " + e.getMessage(), e);
        }
        try {
            PackagePart main = mainDocument(pkg);
            WordStyles styles = styles(main);
            removals.add(Removal.COMMENTS, countInParts(pkg, COMMENT_PARTS, W, "comment"));
            removals.add(Removal.COMMENT_AUTHORS, dropParts(pkg, PEOPLE_PARTS));
            dropParts(pkg, COMMENT_PARTS);
            removals.add(Removal.GLOSSARY, dropParts(pkg, GLOSSARY_PARTS));
            removals.add(Removal.MACROS, dropParts(pkg, MACRO_PARTS));
            int embeddedFiles = dropParts(pkg, EMBEDDED_PARTS);
            dropParts(pkg, TEMPLATE_LINKS);   // counted with the settings' w:attachedTemplate
            int embeddedElements = 0;
            Map<String, Set<String>> shown = new java.util.HashMap<>();
            for (PackagePart part : new ArrayList<>(pkg.getParts())) {
                if (isWordXml(part)) {
                    embeddedElements += cleanXml(part, styles, redactor, removals, shown);
                }
            }
            dropUnshownImages(pkg, shown);
            maskLinks(pkg, redactor, removals);
            removals.add(Removal.EMBEDDED_OBJECTS, Math.max(embeddedFiles, embeddedElements));
            properties(pkg, removals);
            try (OutputStream out = Files.newOutputStream(target)) {
                pkg.save(out);
            }
            return removals;
        } catch (InvalidFormatException e) {
            throw new IOException("cannot rewrite the Word package: " + e.getMessage(), e);
        } finally {
            pkg.revert();
        }
    }

    private static PackagePart mainDocument(OPCPackage pkg) throws IOException {
        List<PackagePart> mains = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (mains.isEmpty() || !mains.get(0).getContentType().contains("wordprocessingml")) {
            throw new IOException("the package holds no Word document");
        }
        return mains.get(0);
    }

    private static WordStyles styles(PackagePart main) throws IOException, InvalidFormatException {
        for (PackageRelationship rel : main.getRelationshipsByType(R + "styles")) {
            PackagePart part = main.getRelatedPart(rel);
            if (part != null) {
                try (InputStream in = part.getInputStream()) {
                    return WordStyles.of(Dom.parse(in));
                }
            }
        }
        return WordStyles.NONE;
    }

    private static boolean isWordXml(PackagePart part) {
        return !part.isRelationshipPart() && !(part instanceof PackagePropertiesPart)
                && part.getPartName().getName().startsWith("/word/") && part.getContentType().contains("xml");
    }

    // ---- parts ---------------------------------------------------------------------------------------------

    private static int countInParts(OPCPackage pkg, Set<String> types, String ns, String local)
            throws IOException, InvalidFormatException {
        int n = 0;
        for (Link link : related(pkg, types)) {
            PackagePart part = link.target();
            if (part == null) {
                continue;
            }
            try (InputStream in = part.getInputStream()) {
                n += Dom.all(Dom.parse(in), ns, local).size();
            }
        }
        return n;
    }

    /** A relationship of a part and the part it points at (null for an external target). */
    private record Link(PackagePart source, PackageRelationship rel, PackagePart target) {
    }

    /** Removes every relationship of these types, anywhere in the package, and the parts they point at. */
    private static int dropParts(OPCPackage pkg, Set<String> types) throws InvalidFormatException {
        int removed = 0;
        for (Link link : related(pkg, types)) {
            link.source().removeRelationship(link.rel().getId());
            if (link.target() == null) {
                removed++;   // a linked object: the link goes, there is no part
            } else if (pkg.containPart(link.target().getPartName())) {
                pkg.removePart(link.target());
                removed++;
            }
        }
        return removed;
    }

    private static List<Link> related(OPCPackage pkg, Set<String> types) throws InvalidFormatException {
        List<Link> out = new ArrayList<>();
        for (PackagePart part : new ArrayList<>(pkg.getParts())) {
            if (part.isRelationshipPart()) {
                continue;
            }
            for (PackageRelationship rel : part.getRelationships()) {
                if (types.contains(rel.getRelationshipType())) {
                    out.add(new Link(part, rel,
                            rel.getTargetMode() == TargetMode.EXTERNAL ? null : part.getRelatedPart(rel)));
                }
            }
        }
        return out;
    }

    /**
     * Pictures no part shows any more (the preview of a removed embedded object, a picture in a deleted or hidden
     * run): their relationships and, when nothing else points at them, the pictures themselves.
     */
    private static void dropUnshownImages(OPCPackage pkg, Map<String, Set<String>> shown)
            throws InvalidFormatException {
        List<Link> images = related(pkg, Set.of(PackageRelationshipTypes.IMAGE_PART));
        Map<String, Integer> users = new java.util.HashMap<>();
        for (Link link : images) {
            if (link.target() != null) {
                users.merge(link.target().getPartName().getName(), 1, Integer::sum);
            }
        }
        for (Link link : images) {
            Set<String> ids = shown.get(link.source().getPartName().getName());
            if (ids == null || ids.contains(link.rel().getId())) {
                continue;
            }
            link.source().removeRelationship(link.rel().getId());
            if (link.target() != null && users.merge(link.target().getPartName().getName(), -1, Integer::sum) == 0) {
                pkg.removePart(link.target());
            }
        }
    }

    /** Targets of external links ({@code tel:}, {@code mailto:}, a path with a name in it), masked in place. */
    private static void maskLinks(OPCPackage pkg, Redactor redactor, Removals removals)
            throws InvalidFormatException {
        for (PackagePart part : new ArrayList<>(pkg.getParts())) {
            if (part.isRelationshipPart()) {
                continue;
            }
            List<PackageRelationship> rels = new ArrayList<>();
            part.getRelationships().forEach(rels::add);
            for (PackageRelationship rel : rels) {
                if (rel.getTargetMode() != TargetMode.EXTERNAL) {
                    continue;
                }
                String target = rel.getTargetURI().toString();
                String decoded = java.net.URLDecoder.decode(target.replace("+", "%2B"),
                        java.nio.charset.StandardCharsets.UTF_8);
                String masked = redactor.mask(decoded);
                if (!masked.equals(decoded)) {
                    part.removeRelationship(rel.getId());
                    part.addExternalRelationship(masked, rel.getRelationshipType(), rel.getId());
                    removals.add(Removal.MASKED_VALUES, JoinedText.values(decoded, masked));
                }
            }
        }
    }

    // ---- properties ------------------------------------------------------------------------------------------

    private static void properties(OPCPackage pkg, Removals removals) throws IOException, InvalidFormatException {
        PackageProperties core = pkg.getPackageProperties();
        List<Optional<?>> values = List.of(core.getCategoryProperty(), core.getContentStatusProperty(),
                core.getContentTypeProperty(), core.getCreatedProperty(), core.getCreatorProperty(),
                core.getDescriptionProperty(), core.getIdentifierProperty(), core.getKeywordsProperty(),
                core.getLanguageProperty(), core.getLastModifiedByProperty(), core.getLastPrintedProperty(),
                core.getModifiedProperty(), core.getRevisionProperty(), core.getSubjectProperty(),
                core.getTitleProperty(), core.getVersionProperty());
        removals.add(Removal.PROPERTIES, (int) values.stream().filter(Optional::isPresent).count());
        core.setCategoryProperty(Optional.empty());
        core.setContentStatusProperty(Optional.empty());
        core.setContentTypeProperty(Optional.empty());
        core.setCreatedProperty(Optional.empty());
        core.setCreatorProperty(Optional.empty());
        core.setDescriptionProperty(Optional.empty());
        core.setIdentifierProperty(Optional.empty());
        core.setKeywordsProperty(Optional.empty());
        core.setLanguageProperty(Optional.empty());
        core.setLastModifiedByProperty(Optional.empty());
        core.setLastPrintedProperty(Optional.empty());
        core.setModifiedProperty(Optional.empty());
        core.setRevisionProperty(Optional.empty());
        core.setSubjectProperty(Optional.empty());
        core.setTitleProperty(Optional.empty());
        core.setVersionProperty(Optional.empty());

        for (PackagePart part : pkg.getPartsByRelationshipType(PackageRelationshipTypes.EXTENDED_PROPERTIES)) {
            Document app;
            try (InputStream in = part.getInputStream()) {
                app = Dom.parse(in);
            }
            Element root = app.getDocumentElement();
            int said = 0;
            while (root.getFirstChild() != null) {
                if (root.getFirstChild() instanceof Element e && !e.getTextContent().isBlank()) {
                    said++;
                }
                root.removeChild(root.getFirstChild());
            }
            removals.add(Removal.PROPERTIES, said);
            write(part, app);
        }
        Set<String> custom = Set.of(PackageRelationshipTypes.CUSTOM_PROPERTIES);
        removals.add(Removal.CUSTOM_PROPERTIES, countPackageLevel(pkg, custom));
        dropPackageLevel(pkg, custom);
        removals.add(Removal.THUMBNAIL, dropPackageLevel(pkg, Set.of(PackageRelationshipTypes.THUMBNAIL)));
    }

    private static int countPackageLevel(OPCPackage pkg, Set<String> types) throws IOException {
        int n = 0;
        for (PackageRelationship rel : pkg.getRelationships()) {
            if (types.contains(rel.getRelationshipType())) {
                PackagePart part = pkg.getPart(rel);
                if (part != null) {
                    try (InputStream in = part.getInputStream()) {
                        Element root = Dom.parse(in).getDocumentElement();
                        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
                            n += c instanceof Element ? 1 : 0;
                        }
                    }
                }
            }
        }
        return n;
    }

    private static int dropPackageLevel(OPCPackage pkg, Set<String> types) {
        List<PackageRelationship> rels = new ArrayList<>();
        pkg.getRelationships().forEach(rels::add);
        int n = 0;
        for (PackageRelationship rel : rels) {
            if (types.contains(rel.getRelationshipType())) {
                PackagePart part = pkg.getPart(rel);
                pkg.removeRelationship(rel.getId());
                if (part != null) {
                    pkg.removePart(part);
                    n++;
                }
            }
        }
        return n;
    }

    // ---- the XML of a part -----------------------------------------------------------------------------------

    /** Cleans one XML part and writes it back if anything changed; returns the embedded objects it removed. */
    private static int cleanXml(PackagePart part, WordStyles styles, Redactor redactor, Removals removals,
                                Map<String, Set<String>> shown) throws IOException {
        Document doc;
        try (InputStream in = part.getInputStream()) {
            doc = Dom.parse(in);
        }
        Removals here = new Removals();
        int embedded = 0;
        boolean changed = false;
        if (W.equals(doc.getDocumentElement().getNamespaceURI())) {
            changed |= settings(doc, here);
            changed |= revisions(doc, here);
            changed |= comments(doc);
            embedded = embedded(doc);
            changed |= embedded > 0;
            changed |= hidden(doc, styles, here);
            changed |= hidingStyles(doc);
            changed |= revisionIds(doc, here);
        }
        changed |= maskText(doc, W, "t", WORD_BREAKS, redactor, here);
        changed |= maskText(doc, W, "instrText", Map.of(), redactor, here);
        changed |= maskText(doc, A, "t", Map.of("br", "\n"), redactor, here);
        changed |= maskAttributes(doc.getDocumentElement(), redactor, here);
        if (changed) {
            write(part, doc);
        }
        shown.put(part.getPartName().getName(), relationshipIds(doc));
        here.counts().forEach(removals::add);
        return embedded;
    }

    private static boolean settings(Document doc, Removals removals) {
        if (!"settings".equals(doc.getDocumentElement().getLocalName())) {
            return false;
        }
        boolean changed = false;
        for (Element rsids : Dom.all(doc, W, "rsids")) {
            removals.add(Removal.REVISION_IDS, Dom.all(rsids, W, "rsid").size() + Dom.all(rsids, W, "rsidRoot").size());
            Dom.remove(rsids);
            changed = true;
        }
        for (Element vars : Dom.all(doc, W, "docVars")) {
            removals.add(Removal.DOCUMENT_VARIABLES, Dom.all(vars, W, "docVar").size());
            Dom.remove(vars);
            changed = true;
        }
        for (Element template : Dom.all(doc, W, "attachedTemplate")) {
            removals.add(Removal.PROPERTIES);
            Dom.remove(template);
            changed = true;
        }
        return changed;
    }

    /** Accepts insertions, drops deletions and tracked formatting changes. */
    private static boolean revisions(Document doc, Removals removals) {
        boolean changed = false;
        List<Element> deletedMarks = new ArrayList<>();
        for (String local : List.of("del", "moveFrom")) {
            for (Element e : Dom.all(doc, W, local)) {
                if (Dom.attached(e)) {
                    boolean mark = inRunProperties(e);
                    if (mark && e.getParentNode().getParentNode() instanceof Element pPr
                            && "pPr".equals(pPr.getLocalName()) && pPr.getParentNode() instanceof Element p) {
                        deletedMarks.add(p);
                    }
                    removals.add(Removal.DELETIONS_DROPPED, mark ? 0 : 1);
                    Dom.remove(e);
                    changed = true;
                }
            }
        }
        for (Element p : deletedMarks) {
            // a paragraph deleted whole: nothing of it is left, so it goes too (a cell keeps its last paragraph)
            if (Dom.attached(p) && Dom.all(p, W, "r").isEmpty() && !lastInCell(p)) {
                Dom.remove(p);
            }
        }
        for (String local : List.of("ins", "moveTo")) {
            for (Element e : Dom.all(doc, W, local)) {
                if (!Dom.attached(e)) {
                    continue;
                }
                if (inRunProperties(e)) {
                    Dom.remove(e);   // the mark of an inserted paragraph: the paragraph stays
                } else {
                    removals.add(Removal.INSERTIONS_ACCEPTED);
                    Dom.unwrap(e);
                }
                changed = true;
            }
        }
        for (String local : List.of("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange",
                "trPrChange", "tcPrChange", "tblGridChange", "numberingChange")) {
            for (Element e : Dom.all(doc, W, local)) {
                if (Dom.attached(e)) {
                    removals.add(Removal.FORMAT_REVISIONS);
                    Dom.remove(e);
                    changed = true;
                }
            }
        }
        for (String local : List.of("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
                "cellIns", "cellDel", "cellMerge", "customXmlInsRangeStart", "customXmlInsRangeEnd",
                "customXmlDelRangeStart", "customXmlDelRangeEnd", "customXmlMoveFromRangeStart",
                "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd")) {
            for (Element e : Dom.all(doc, W, local)) {
                Dom.remove(e);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean lastInCell(Element p) {
        if (!(p.getParentNode() instanceof Element parent) || "body".equals(parent.getLocalName())) {
            return false;
        }
        for (Node n = p.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "p".equals(e.getLocalName())) {
                return false;
            }
        }
        return true;
    }

    private static boolean inRunProperties(Element e) {
        return e.getParentNode() instanceof Element p && "rPr".equals(p.getLocalName());
    }

    /** Comment anchors and references; the comments themselves leave with their part. */
    private static boolean comments(Document doc) {
        boolean changed = false;
        for (String local : List.of("commentRangeStart", "commentRangeEnd")) {
            for (Element e : Dom.all(doc, W, local)) {
                Dom.remove(e);
                changed = true;
            }
        }
        for (Element ref : Dom.all(doc, W, "commentReference")) {
            removeFromRun(ref);
            changed = true;
        }
        return changed;
    }

    private static int embedded(Document doc) {
        int n = 0;
        for (String local : List.of("object", "altChunk")) {
            for (Element e : Dom.all(doc, W, local)) {
                if (Dom.attached(e)) {
                    removeFromRun(e);
                    n++;
                }
            }
        }
        return n;
    }

    /** Removes an element, and its run too when nothing but the run's properties is left. */
    private static void removeFromRun(Element e) {
        Node run = e.getParentNode();
        Dom.remove(e);
        if (run instanceof Element r && "r".equals(r.getLocalName()) && W.equals(r.getNamespaceURI())) {
            for (Node c = r.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element child && !"rPr".equals(child.getLocalName())) {
                    return;
                }
            }
            Dom.remove(r);
        }
    }

    private static boolean hidden(Document doc, WordStyles styles, Removals removals) {
        boolean changed = false;
        for (Element run : Dom.all(doc, W, "r")) {
            if (Dom.attached(run) && styles.hidden(run)) {
                removals.add(Removal.HIDDEN_TEXT);
                Dom.remove(run);
                changed = true;
            }
        }
        return changed;
    }

    /** Once the runs they hid are gone, styles need not hide anything: the copy has no hidden formatting left. */
    private static boolean hidingStyles(Document doc) {
        if (!"styles".equals(doc.getDocumentElement().getLocalName())) {
            return false;
        }
        boolean changed = false;
        for (String local : List.of("vanish", "specVanish")) {
            for (Element e : Dom.all(doc, W, local)) {
                Dom.remove(e);
                changed = true;
            }
        }
        return changed;
    }

    /** {@code w:rsidR="00AB12CD"} and kin on every element, and {@code w:rsid} entries of styles and lists. */
    private static boolean revisionIds(Document doc, Removals removals) {
        int n = 0;
        for (Element e : Dom.all(doc, "*", "*")) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = attributes.getLength() - 1; i >= 0; i--) {
                Attr a = (Attr) attributes.item(i);
                if (W.equals(a.getNamespaceURI()) && a.getLocalName().startsWith("rsid")) {
                    e.removeAttributeNode(a);
                    n++;
                }
            }
            if (W.equals(e.getNamespaceURI()) && "rsid".equals(e.getLocalName()) && Dom.attached(e)) {
                Dom.remove(e);
                n++;
            }
        }
        removals.add(Removal.REVISION_IDS, n);
        return n > 0;
    }

    /**
     * Masks the text of each paragraph ({@code w:p}, {@code a:p}) as one line, run by run. Tabs and breaks between
     * runs take part as what they show, so two numbers a tab apart stay two numbers; only the text is written back.
     */
    private static boolean maskText(Document doc, String ns, String text, Map<String, String> breaks,
                                    Redactor redactor, Removals removals) {
        Map<Node, List<Element>> lines = new LinkedHashMap<>();
        for (Element e : Dom.all(doc, ns, "*")) {
            if (e.getLocalName().equals(text) || breaks.containsKey(e.getLocalName())) {
                Element p = Dom.ancestor(e, ns, "p");
                lines.computeIfAbsent(p != null ? p : e.getParentNode(), k -> new ArrayList<>()).add(e);
            }
        }
        boolean changed = false;
        for (List<Element> pieces : lines.values()) {
            JoinedText.Masked masked = JoinedText.mask(pieces.stream().map(e -> e.getLocalName().equals(text)
                    ? e.getTextContent() : breaks.get(e.getLocalName())).toList(), redactor);
            if (masked.changed()) {
                for (int i = 0; i < pieces.size(); i++) {
                    if (pieces.get(i).getLocalName().equals(text)) {
                        pieces.get(i).setTextContent(masked.pieces().get(i));
                    }
                }
                removals.add(Removal.MASKED_VALUES, masked.values());
                changed = true;
            }
        }
        return changed;
    }

    private static boolean maskAttributes(Element root, Redactor redactor, Removals removals) {
        boolean changed = false;
        for (Element e : Dom.all(root, "*", "*")) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                String name = a.getLocalName() != null ? a.getLocalName() : a.getName();
                if (SHOWN_ATTRIBUTES.contains(name)) {
                    String masked = redactor.mask(a.getValue());
                    if (!masked.equals(a.getValue())) {
                        removals.add(Removal.MASKED_VALUES, JoinedText.values(a.getValue(), masked));
                        a.setValue(masked);
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    /** The relationship ids the part's XML still uses ({@code r:id}, {@code r:embed}, {@code r:link}, …). */
    private static Set<String> relationshipIds(Document doc) {
        Set<String> ids = new java.util.HashSet<>();
        for (Element e : Dom.all(doc, "*", "*")) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (R.equals(a.getNamespaceURI() + "/") || "relid".equals(a.getLocalName())) {
                    ids.add(a.getValue());
                }
            }
        }
        return ids;
    }

    private static void write(PackagePart part, Document doc) throws IOException {
        try (OutputStream out = part.getOutputStream()) {
            Dom.write(doc, out);
        }
    }

}
