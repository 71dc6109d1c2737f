package org.osr.extract;

import java.util.Objects;

/**
 * One block of a part's text, as the format lays it out: a paragraph, a heading, a table cell, a list item, a
 * caption, a text box, or (in PDF and OFD, where paragraphs are guesses) a line placed on the page.
 * {@code [start, end)} are offsets in {@link Part#text()}; blocks of one part do not overlap and come in reading
 * order. A block's text may hold line breaks (a paragraph with manual breaks, a cell of two lines).
 *
 * @param page the 1-based page (PDF/OFD page, DOCX page counted from page and section breaks, PPTX slide, XLSX
 *             sheet), or 0 when the format does not say; then the page is the part's {@code '\f'} count before it
 * @param cell where the block sits in a table, or null
 * @param box  where the block sits on its page, or null when the format does not place text (DOCX, HTML)
 */
public record Block(int start, int end, Kind kind, int page, Cell cell, Box box) {

    public enum Kind {
        PARAGRAPH, HEADING, CELL, LIST_ITEM, CAPTION, SHAPE,
        /** A line of a PDF or OFD page, placed by position (paragraphs there are a guess; lines are not). */
        LINE
    }

    /**
     * A table cell.
     *
     * @param table  the table's number within the part, from 0 (a nested table has its own number)
     * @param row    0-based row
     * @param column 0-based column, counting the grid columns spanned by the cells before it
     * @param header whether the format marks the cell as a header ({@code th}, Word's repeated header row)
     */
    public record Cell(int table, int row, int column, boolean header) {
    }

    /**
     * A block's place on the page, as fractions of the page's width and height measured from the top-left corner
     * (0 ≤ left ≤ right ≤ 1, 0 ≤ top ≤ bottom ≤ 1), and the direction of its text in degrees clockwise (0 for
     * ordinary lines, 90 or 270 for text turned along a margin, also 90 for vertical CJK columns).
     */
    public record Box(double left, double top, double right, double bottom, int rotation) {
    }

    public Block {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad block bounds [" + start + ", " + end + ")");
        }
    }

    public static Block of(int start, int end, Kind kind) {
        return new Block(start, end, kind, 0, null, null);
    }

    public Block shifted(int by) {
        return new Block(start + by, end + by, kind, page, cell, box);
    }
}
