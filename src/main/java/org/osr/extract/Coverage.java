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
 * @param ocr what OCR read, or null when it was off
 */
public record Coverage(boolean complete, Map<PartKind, Integer> parts, Integer pages, long characters,
                       List<Problem> problems, Images images, Ocr ocr) {
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

    /**
     * @param pages    PDF pages and image frames OCR read
     * @param images   images inside the document (Office media, mail and archive members, data: URIs) OCR read
     * @param disagree with {@code --ocr=force}: the PDF pages whose OCR text and text layer say different things (a
     *                 "searchable" scan whose invisible text is garbled or of another text)
     */
    public record Ocr(int pages, int images, List<Integer> disagree) {
        public Ocr {
            disagree = List.copyOf(disagree);
        }
    }

    public Coverage(boolean complete, Map<PartKind, Integer> parts, Integer pages, long characters,
                    List<Problem> problems) {
        this(complete, parts, pages, characters, problems, Images.NONE, null);
    }

    public Coverage(boolean complete, Map<PartKind, Integer> parts, Integer pages, long characters,
                    List<Problem> problems, Images images) {
        this(complete, parts, pages, characters, problems, images, null);
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
        return of(parts, pages, problems, Images.NONE, null);
    }

    public static Coverage of(List<Part> parts, Integer pages, List<Problem> problems, Images images, Ocr ocr) {
        EnumMap<PartKind, Integer> counts = new EnumMap<>(PartKind.class);
        long characters = 0;
        for (Part p : parts) {
            counts.merge(p.kind(), 1, Integer::sum);
            characters += p.text().codePointCount(0, p.text().length());
        }
        return new Coverage(problems.isEmpty(), counts, pages, characters, problems, images, ocr);
    }
}
