package org.osr.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.tika.metadata.Metadata;

/** The document properties a person can see or set in Word/Acrobat, scanned as {@code metadata} parts. */
final class MetadataParts {
    private static final List<String> KEYS = List.of("dc:title", "dc:subject", "dc:description",
            "meta:keyword", "pdf:docinfo:keywords", "cp:category", "dc:creator", "meta:last-author",
            "extended-properties:Company", "extended-properties:Manager");
    private static final List<String> CUSTOM_PREFIXES = List.of("custom:", "pdf:docinfo:custom:");

    private MetadataParts() {
    }

    /** Each distinct value once; an embedded document's ({@code embeddedPath} not null) are {@code embedded} parts. */
    static void add(Metadata md, String embeddedPath, List<Part> parts) {
        Set<String> seen = new LinkedHashSet<>();
        for (String name : md.names()) {
            boolean wanted = KEYS.contains(name) || CUSTOM_PREFIXES.stream().anyMatch(name::startsWith);
            if (!wanted) {
                continue;
            }
            for (String value : md.getValues(name)) {
                String v = value == null ? "" : value.strip();
                if (!v.isEmpty() && seen.add(v)) {
                    parts.add(new Part(embeddedPath == null ? PartKind.METADATA : PartKind.EMBEDDED, v, false,
                            embeddedPath, name));
                }
            }
        }
    }
}
