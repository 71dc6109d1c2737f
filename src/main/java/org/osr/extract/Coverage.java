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
 * @param images the raster images that were not read
 */
public record Coverage(boolean complete, Map<PartKind, Integer> parts, Integer pages, long characters,
                       List<Problem> problems, Images images) {
    /**
     * @param unread  raster images not read (no OCR)
     * @param flagged those of them that could hold text or a marking ({@link ImagePolicy}), described
     */
    public record Images(int unread, List<String> flagged) {
        public static final Images NONE = new Images(0, List.of());

        public Images {
            flagged = List.copyOf(flagged);
        }
    }

    public Coverage(boolean complete, Map<PartKind, Integer> parts, Integer pages, long characters,
                    List<Problem> problems) {
        this(complete, parts, pages, characters, problems, Images.NONE);
    }

    public Coverage {
        problems = List.copyOf(problems);
        images = images == null ? Images.NONE : images;
        EnumMap<PartKind, Integer> all = new EnumMap<>(PartKind.class);
        for (PartKind k : PartKind.values()) {
            all.put(k, parts.getOrDefault(k, 0));
        }
        parts = java.util.Collections.unmodifiableMap(all);
    }

    public static Coverage of(List<Part> parts, Integer pages, List<Problem> problems) {
        return of(parts, pages, problems, Images.NONE);
    }

    public static Coverage of(List<Part> parts, Integer pages, List<Problem> problems, Images images) {
        EnumMap<PartKind, Integer> counts = new EnumMap<>(PartKind.class);
        long characters = 0;
        for (Part p : parts) {
            counts.merge(p.kind(), 1, Integer::sum);
            characters += p.text().codePointCount(0, p.text().length());
        }
        return new Coverage(problems.isEmpty(), counts, pages, characters, problems, images);
    }
}
