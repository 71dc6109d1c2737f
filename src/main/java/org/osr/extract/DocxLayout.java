package org.osr.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout side of reading WordprocessingML ({@link DocxTextCollector} does the text side): the parts being built
 * with their blocks, the paragraph being read, the tables open at the reading point, and the page count.
 */
final class DocxLayout {
    private DocxLayout() {
    }

    /** Where a paragraph sits in a table, numbered within its XML file (a part renumbers its own tables). */
    record TableCell(int table, int row, int column, boolean header) {
    }

    /**
     * One part being built: a line of text per paragraph and a block per line, except that the lines of one table
     * cell make one {@code CELL} block (split only where a nested table's cells come between them).
     */
    static final class PartText {
        private final StringBuilder text = new StringBuilder();
        private final List<Block> blocks = new ArrayList<>();
        /** File table number to part table number: the part's tables count from 0 in the order it meets them. */
        private final Map<Integer, Integer> tableNumbers = new HashMap<>();

        void addLine(CharSequence line, Block.Kind kind, int page, TableCell at) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            int start = text.length();
            text.append(line);
            if (at == null) {
                blocks.add(new Block(start, text.length(), kind, page, null, null));
                return;
            }
            Block.Cell cell = new Block.Cell(tableNumbers.computeIfAbsent(at.table(), t -> tableNumbers.size()),
                    at.row(), at.column(), at.header());
            int last = blocks.size() - 1;
            if (last >= 0 && cell.equals(blocks.get(last).cell())) {
                Block open = blocks.get(last);
                blocks.set(last, new Block(open.start(), text.length(), Block.Kind.CELL, open.page(), cell, null));
            } else {
                blocks.add(new Block(start, text.length(), Block.Kind.CELL, page, cell, null));
            }
        }

        boolean isBlank() {
            return text.toString().isBlank();
        }

        Part toPart(PartKind kind, String source) {
            return new Part(kind, text.toString(), false, null, source, blocks);
        }

        /** A part that is one block, e.g. a watermark's text. */
        static Part single(PartKind kind, String text, Block.Kind blockKind, String source) {
            PartText part = new PartText();
            part.addLine(text, blockKind, 0, null);
            return part.toPart(kind, source);
        }
    }

    /** A paragraph's text per part it contributes to, with the page where each line's text starts. */
    static final class Line {
        final StringBuilder text = new StringBuilder();
        int page = -1;
    }

    /** The paragraph being read: its lines and what its properties ({@code w:pPr}) and style make of it. */
    static final class Paragraph {
        final Map<PartKind, Line> lines = new EnumMap<>(PartKind.class);
        String styleId;
        /** Direct paragraph properties; null when the paragraph leaves them to its style. */
        Integer outlineLevel;
        Boolean numbered;
        Boolean breakBefore;
        /** A {@code w:sectPr} in the paragraph ends a section after it that starts a new page. */
        boolean sectionBreak;
        Block.Kind kind = Block.Kind.PARAGRAPH;

        /** Settles the block kind once the properties are read; returns whether the paragraph starts a page. */
        boolean resolve(DocxStyles styles) {
            boolean heading = outlineLevel != null ? outlineLevel < DocxStyles.BODY_LEVEL : styles.heading(styleId);
            boolean list = numbered != null ? numbered : styles.numbered(styleId);
            kind = heading ? Block.Kind.HEADING : styles.caption(styleId) ? Block.Kind.CAPTION
                    : list ? Block.Kind.LIST_ITEM : Block.Kind.PARAGRAPH;
            return breakBefore != null ? breakBefore : styles.breakBefore(styleId);
        }
    }

    /**
     * Page numbers of the main document, from 1. A break only takes effect at the next visible text, so the breaks
     * Word records twice (a hard page break and the {@code w:lastRenderedPageBreak} where the next page began, or a
     * section break and a page-break-before) count once; only consecutive hard breaks make blank pages.
     */
    static final class Pages {
        private int page = 1;
        private int pending;
        private boolean started;

        /** {@code w:br w:type="page"}: counts even at the very start (a blank first page). */
        void hardBreak() {
            pending++;
        }

        /** Page-break-before, a section break, Word's last rendered page break: no effect before any text. */
        void softBreak() {
            if (started) {
                pending = Math.max(pending, 1);
            }
        }

        /** Visible text arrives: the page it is on. */
        int onText() {
            page += pending;
            pending = 0;
            started = true;
            return page;
        }

        int current() {
            return page;
        }
    }

    /** The tables open at the reading point, innermost last; a text box hides the tables around it. */
    static final class Tables {
        private static final class Table {
            final int number;
            int row = -1;
            int column;
            int nextColumn;
            int span = 1;
            boolean header;

            Table(int number) {
                this.number = number;
            }
        }

        /** Null entries are text boxes: their paragraphs are in no cell of the tables around them. */
        private final List<Table> open = new ArrayList<>();
        private int count;

        void openTable() {
            open.add(new Table(count++));
        }

        void openBox() {
            open.add(null);
        }

        /** Closes the innermost table or text box. */
        void close() {
            if (!open.isEmpty()) {
                open.remove(open.size() - 1);
            }
        }

        private Table innermost() {
            return open.isEmpty() ? null : open.get(open.size() - 1);
        }

        void row() {
            Table t = innermost();
            if (t != null) {
                t.row++;
                t.nextColumn = 0;
                t.header = false;
            }
        }

        /** {@code w:gridBefore}: grid columns left empty before the row's first cell. */
        void skipColumns(Integer n) {
            Table t = innermost();
            if (t != null && n != null && n > 0) {
                t.nextColumn += n;
            }
        }

        /** {@code w:tblHeader}: the row repeats as the table's header on every page. */
        void headerRow(boolean on) {
            Table t = innermost();
            if (t != null) {
                t.header = on;
            }
        }

        void cell() {
            Table t = innermost();
            if (t != null) {
                t.column = t.nextColumn;
                t.span = 1;
            }
        }

        /** {@code w:gridSpan}: the cell spans this many grid columns. */
        void span(Integer n) {
            Table t = innermost();
            if (t != null && n != null && n > 1) {
                t.span = n;
            }
        }

        void endCell() {
            Table t = innermost();
            if (t != null) {
                t.nextColumn = t.column + t.span;
            }
        }

        TableCell current() {
            Table t = innermost();
            return t == null || t.row < 0 ? null : new TableCell(t.number, t.row, t.column, t.header);
        }
    }
}
