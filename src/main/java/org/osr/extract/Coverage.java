package org.osr.extract;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How much of a document was read. {@code complete} is false as soon as there is any problem: the verdict then can
 * never be {@code publishable}.
 *
 * @param parts number of parts of each kind that carried text
 * @param pages number of pages, where the format has pages (PDF), else null
 */
public record Coverage(boolean complete, Map<PartKind, Integer> parts, Integer pages, long characters,
                       List<Problem> problems) {
    public Coverage {
        problems = List.copyOf(problems);
        EnumMap<PartKind, Integer> all = new EnumMap<>(PartKind.class);
        for (PartKind k : PartKind.values()) {
            all.put(k, parts.getOrDefault(k, 0));
        }
        parts = java.util.Collections.unmodifiableMap(all);
    }

    public static Coverage of(List<Part> parts, Integer pages, List<Problem> problems) {
        EnumMap<PartKind, Integer> counts = new EnumMap<>(PartKind.class);
        long characters = 0;
        for (Part p : parts) {
            counts.merge(p.kind(), 1, Integer::sum);
            characters += p.text().codePointCount(0, p.text().length());
        }
        return new Coverage(problems.isEmpty(), counts, pages, characters, problems);
    }
}
