package org.osr.extract;

import java.util.List;
import java.util.Objects;

/**
 * One text layer of a document. Lines are separated by {@code '\n'}; in paged formats (PDF) pages are separated
 * by {@code '\f'}, so the page and line of any offset can be derived from the text alone.
 *
 * @param kind         which layer (body, header, deleted, ...)
 * @param text         the original extracted text
 * @param paged        whether {@code '\f'} separates real pages (page numbers are reported only then)
 * @param embeddedPath path of the embedded document this part belongs to ({@code a.zip!/b.docx}), or null
 * @param source       where inside the file it came from (e.g. {@code word/header1.xml}, {@code dc:title}), or null
 * @param blocks       the layout of the text as its reader found it, in reading order; empty when the reader knows
 *                     none ({@link #layout()} makes a paragraph of every line outside the reader's blocks)
 */
public record Part(PartKind kind, String text, boolean paged, String embeddedPath, String source, List<Block> blocks) {
    public static final char PAGE_BREAK = '\f';

    public Part {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
        for (Block b : blocks) {
            if (b.end() > text.length()) {
                throw new IllegalArgumentException("block " + b + " ends after the text (" + text.length() + ")");
            }
        }
    }

    public Part(PartKind kind, String text, boolean paged, String embeddedPath, String source) {
        this(kind, text, paged, embeddedPath, source, List.of());
    }

    public static Part of(PartKind kind, String text) {
        return new Part(kind, text, false, null, null);
    }

    public static Part of(PartKind kind, String text, String source) {
        return new Part(kind, text, false, null, source);
    }

    /** The same part inside an embedded document. */
    public Part embeddedIn(String path) {
        return new Part(kind, text, paged, path, source, blocks);
    }

    /** The same part with the blocks its reader found. */
    public Part withBlocks(List<Block> newBlocks) {
        return new Part(kind, text, paged, embeddedPath, source, newBlocks);
    }

    /**
     * The blocks that cover the text: the reader's, and one paragraph per non-blank line of any text the reader left
     * outside its blocks (a part whose reader knows no layout is all such lines). Every character a rule can match is
     * in a block, so no layout condition is blind to text a reader did not place.
     */
    public List<Block> layout() {
        List<Block> all = new java.util.ArrayList<>();
        int covered = 0;
        for (Block b : blocks) {
            if (b.start() > covered) {
                lines(covered, b.start(), all);
            }
            all.add(b);
            covered = Math.max(covered, b.end());
        }
        lines(covered, text.length(), all);
        return all;
    }

    /** One paragraph per non-blank line of {@code [from, to)}. */
    private void lines(int from, int to, List<Block> out) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '\n' || text.charAt(i) == PAGE_BREAK) {
                if (!text.substring(start, i).isBlank()) {
                    out.add(Block.of(start, i, Block.Kind.PARAGRAPH));
                }
                start = i + 1;
            }
        }
    }
}
