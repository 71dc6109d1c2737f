package org.osr.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Whether an OOXML or OpenDocument package holds the parts it says it has, whole. Parsers skip a damaged or missing
 * properties part without a word — a flipped bit in {@code docProps/core.xml} drops the title that held an ID number
 * — so the package's own relationships are followed, and the small parts a reader does not otherwise check
 * (properties, relationships, content types, the OpenDocument manifest and meta) are read to their end.
 */
final class PackageParts {
    private PackageParts() {
    }

    static Problem check(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") != null) {
                return ooxml(zip);
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                return openDocument(zip, mimetype);
            }
            return null;
        } catch (IOException e) {
            return new Problem(Problem.CORRUPT, "the package could not be opened: " + e.getMessage());
        }
    }

    private static Problem ooxml(ZipFile zip) {
        List<String> small = new ArrayList<>(List.of("[Content_Types].xml", "_rels/.rels"));
        Problem broken = wellFormed(zip, small);
        if (broken != null) {
            return broken;
        }
        List<String> targets;
        try {
            targets = internalTargets(zip, zip.getEntry("_rels/.rels"));
        } catch (IOException | XMLStreamException e) {
            return damaged("_rels/.rels", e);
        }
        for (String target : targets) {
            if (zip.getEntry(target) == null) {
                return new Problem(Problem.CORRUPT, "the package part " + target + " that the package names is "
                        + "missing" + what(target));
            }
        }
        List<String> properties = targets.stream().filter(t -> t.startsWith("docProps/") && t.endsWith(".xml"))
                .toList();
        return wellFormed(zip, properties);
    }

    private static Problem openDocument(ZipFile zip, ZipEntry mimetype) {
        if (zip.getEntry("content.xml") == null) {
            return new Problem(Problem.CORRUPT, "the OpenDocument package has no content.xml: its text is missing");
        }
        List<String> parts = new ArrayList<>();
        for (String name : List.of("META-INF/manifest.xml", "meta.xml", "styles.xml")) {
            if (zip.getEntry(name) != null) {
                parts.add(name);
            }
        }
        return wellFormed(zip, parts);
    }

    private static Problem wellFormed(ZipFile zip, List<String> names) {
        for (String name : names) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                continue;
            }
            try (InputStream in = SafeXml.open(zip, entry)) {
                XMLStreamReader x = SafeXml.reader(in, entry);
                while (x.hasNext()) {
                    SafeXml.next(x, entry);
                }
            } catch (IOException | XMLStreamException e) {
                return damaged(name, e);
            }
        }
        return null;
    }

    /** Package-level relationship targets inside the package (hyperlinks and other external targets left out). */
    private static List<String> internalTargets(ZipFile zip, ZipEntry rels) throws IOException, XMLStreamException {
        List<String> targets = new ArrayList<>();
        if (rels == null) {
            return targets;
        }
        try (InputStream in = SafeXml.open(zip, rels)) {
            XMLStreamReader x = SafeXml.reader(in, rels);
            while (x.hasNext()) {
                if (SafeXml.next(x, rels) == XMLStreamConstants.START_ELEMENT
                        && x.getLocalName().equals("Relationship")
                        && !"External".equals(x.getAttributeValue(null, "TargetMode"))) {
                    String target = x.getAttributeValue(null, "Target");
                    if (target != null && !target.isBlank()) {
                        targets.add(target.startsWith("/") ? target.substring(1) : target);
                    }
                }
            }
        }
        return targets;
    }

    private static Problem damaged(String name, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                .orElse("");
        return new Problem(Problem.CORRUPT, "the package part " + name + " is damaged (" + why + ")" + what(name));
    }

    private static String what(String name) {
        return name.startsWith("docProps/") ? "; the document properties it holds (title, author, custom fields) "
                + "were not read" : "";
    }
}
