package org.osr.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.osr.extract.Block;
import org.osr.extract.Coverage;
import org.osr.extract.Document;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.extract.Problem;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything of a {@link Document} but its parts' texts, as JSON on the file record: identity, title, media type,
 * size, coverage (problems, images, OCR) and each part's kind, paging, embedded path, source and blocks. With the
 * page texts of the part records it rebuilds the document exactly as the extractor made it, so matching it again
 * finds what a scan finds. Non-ASCII is written as {@code \\uXXXX}, so a lone surrogate in a title survives the trip.
 */
final class Skeleton {
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Block.Kind[] BLOCK_KINDS = Block.Kind.values();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Json(long size, String mediaType, String title, boolean complete, Map<String, Integer> counts,
                Integer pages, long characters, List<Problem> problems, int unreadImages, List<String> flaggedImages,
                Coverage.Ocr ocr, List<PartJson> parts) {
    }

    /**
     * @param pages  how many page records hold the part's text (its {@code '\f'}-separated pages when paged, else 1)
     * @param blocks per block {@code [start, end, kind, page]}, then {@code [table, row, column, header]} for a cell
     * @param boxes  per block its box {@code [left, top, right, bottom, rotation]}, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartJson(String kind, boolean paged, String embeddedPath, String source, int pages, List<int[]> blocks,
                    List<double[]> boxes) {
    }

    private Skeleton() {
    }

    static String of(Document d, List<Integer> pagesOfPart) {
        Coverage c = d.coverage();
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        c.parts().forEach((kind, n) -> counts.put(kind.id(), n));
        List<PartJson> parts = new ArrayList<>();
        for (int i = 0; i < d.parts().size(); i++) {
            Part p = d.parts().get(i);
            List<int[]> blocks = new ArrayList<>();
            List<double[]> boxes = new ArrayList<>();
            boolean anyBox = false;
            for (Block b : p.blocks()) {
                blocks.add(b.cell() == null ? new int[] {b.start(), b.end(), b.kind().ordinal(), b.page()}
                        : new int[] {b.start(), b.end(), b.kind().ordinal(), b.page(), b.cell().table(),
                                b.cell().row(), b.cell().column(), b.cell().header() ? 1 : 0});
                Block.Box x = b.box();
                boxes.add(x == null ? null : new double[] {x.left(), x.top(), x.right(), x.bottom(), x.rotation()});
                anyBox |= x != null;
            }
            parts.add(new PartJson(p.kind().id(), p.paged(), p.embeddedPath(), p.source(), pagesOfPart.get(i),
                    blocks, anyBox ? boxes : null));
        }
        return JSON.writeValueAsString(new Json(d.size(), d.mediaType(), d.title(), c.complete(), counts, c.pages(),
                c.characters(), c.problems(), c.images().unread(), c.images().flagged(), c.ocr(), parts));
    }

    static Json read(String json) {
        return JSON.readValue(json, Json.class);
    }

    /** The document, its parts' texts given in part order. */
    static Document document(String path, String sha256, Json s, List<String> texts) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < s.parts().size(); i++) {
            PartJson p = s.parts().get(i);
            List<Block> blocks = new ArrayList<>(p.blocks().size());
            for (int k = 0; k < p.blocks().size(); k++) {
                int[] b = p.blocks().get(k);
                double[] x = p.boxes() == null ? null : p.boxes().get(k);
                blocks.add(new Block(b[0], b[1], BLOCK_KINDS[b[2]], b[3],
                        b.length > 4 ? new Block.Cell(b[4], b[5], b[6], b[7] == 1) : null,
                        x == null ? null : new Block.Box(x[0], x[1], x[2], x[3], (int) x[4])));
            }
            parts.add(new Part(PartKind.fromId(p.kind()), texts.get(i), p.paged(), p.embeddedPath(), p.source(),
                    blocks));
        }
        return new Document(path, sha256, s.size(), s.mediaType(), s.title(), parts, coverage(s));
    }

    static Coverage coverage(Json s) {
        Map<PartKind, Integer> counts = new EnumMap<>(PartKind.class);
        s.counts().forEach((kind, n) -> counts.put(PartKind.fromId(kind), n));
        return new Coverage(s.complete(), counts, s.pages(), s.characters(), s.problems(),
                new Coverage.Images(s.unreadImages(), s.flaggedImages()), s.ocr());
    }
}
