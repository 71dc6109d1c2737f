package org.osr.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML events into text that keeps the layout osr's position rules need: a line break after every
 * block element, {@code '\f'} between PDF pages ({@code <div class="page">}), and PDF annotation text (comments)
 * kept apart from the page text. (Tika's own OCR, which would write {@code <div class="ocr">}, is off: osr reads
 * pictures itself.) It also records the body's {@link Block}s: paragraphs ({@code p}, {@code div}), headings, list
 * items, captions and table cells (row and grid column counted per table, {@code colspan} and {@code rowspan}
 * included; {@code th} or a cell in {@code thead} is a header), each with its page (PDF page, PPTX slide, XLSX
 * sheet). A block is its element's text without the whitespace around it; an element holding other blocks gives up
 * the text they cover (the innermost wins), except that a cell swallows everything in it but a nested table's cells,
 * and a list item, heading or caption swallows the paragraphs in it. When the file's character budget (shared with
 * its embedded documents) is spent it remembers that it did and stops the parse with Tika's
 * {@link WriteLimitReachedException}, so a decompression
 * bomb or a huge file is not decoded to the end for nothing.
 */
final class LayoutTextHandler extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4",
            "h5", "h6", "pre", "blockquote", "dt", "dd", "caption", "section", "article", "header", "footer", "table");
    private static final Set<String> SKIPPED = Set.of("head", "title", "script", "style", "meta");

    private final java.util.concurrent.atomic.AtomicLong budget;
    private final StringBuilder body = new StringBuilder();
    private final StringBuilder annotations = new StringBuilder();
    private final Deque<String> classes = new ArrayDeque<>();
    private int skipDepth;
    private int annotationDepth;
    private int pages;
    private boolean truncated;
    private final long limit;
    private final List<Block> blocks = new ArrayList<>();
    /** The block elements open in the body, innermost first. */
    private final Deque<OpenBlock> open = new ArrayDeque<>();
    private final Deque<Table> tables = new ArrayDeque<>();
    private int tableCount;
    private int slides;
    private int sheets;
    /** The page (PDF page, slide, sheet) the text is on, 1-based; 0 before the first. */
    private int page;

    /** A block element whose end has not come yet. */
    private record OpenBlock(String element, Block.Kind kind, int start, int blocksBefore, Block.Cell cell,
                             int page) {
    }

    /** A table being read: its number, the current row and grid column, the columns rows above still occupy. */
    private static final class Table {
        final int number;
        int row = -1;
        int column;
        boolean inHead;
        final Map<Integer, Integer> occupiedUntilRow = new HashMap<>();

        Table(int number) {
            this.number = number;
        }

        Block.Cell cell(boolean th, int colspan, int rowspan) {
            int r = Math.max(row, 0);
            while (occupiedUntilRow.getOrDefault(column, -1) >= r) {
                column++;
            }
            Block.Cell cell = new Block.Cell(number, r, column, th || inHead);
            for (int c = column; c < column + colspan && rowspan > 1; c++) {
                occupiedUntilRow.put(c, r + rowspan - 1);
            }
            column += colspan;
            return cell;
        }
    }

    LayoutTextHandler(java.util.concurrent.atomic.AtomicLong budget) {
        this.budget = budget;
        this.limit = budget.get();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        String cls = atts.getValue("class");
        classes.push(cls == null ? "" : cls);
        if (SKIPPED.contains(name)) {
            skipDepth++;
        }
        if ("annotation".equals(cls)) {
            annotationDepth++;
        }
        if ("div".equals(name) && "page".equals(cls)) {
            if (pages++ > 0) {
                append(body, '\f');
            }
            page = pages;
        } else if ("div".equals(name) && "slide-content".equals(cls)) {
            page = ++slides;
        } else if ("div".equals(name) && "sheet".equals(cls)) {
            page = ++sheets;
        }
        if (annotationDepth == 0 && skipDepth == 0) {
            startStructure(name, cls, atts);
        }
    }

    private void startStructure(String name, String cls, Attributes atts) {
        switch (name) {
            case "table" -> tables.push(new Table(tableCount++));
            case "thead" -> {
                if (!tables.isEmpty()) {
                    tables.peek().inHead = true;
                }
            }
            case "tr" -> {
                if (!tables.isEmpty()) {
                    tables.peek().row++;
                    tables.peek().column = 0;
                }
            }
            default -> {
            }
        }
        Block.Kind kind = kind(name, cls);
        if (kind != null) {
            Block.Cell cell = null;
            if (kind == Block.Kind.CELL) {
                if (tables.isEmpty()) {
                    kind = Block.Kind.PARAGRAPH;
                } else {
                    cell = tables.peek().cell("th".equals(name), span(atts, "colspan"), span(atts, "rowspan"));
                }
            }
            open.push(new OpenBlock(name, kind, body.length(), blocks.size(), cell, page));
        }
    }

    private static Block.Kind kind(String name, String cls) {
        return switch (name) {
            case "p", "pre", "blockquote", "dt", "dd" -> Block.Kind.PARAGRAPH;
            // Tika's own containers (a PDF page, a slide, a sheet, an embedded file's place) are not paragraphs.
            case "div" -> cls.isEmpty() || !Set.of("page", "slide-content", "slide-master-content", "sheet",
                    "embedded", "ocr", "annotation").contains(cls) ? Block.Kind.PARAGRAPH : null;
            case "h1", "h2", "h3", "h4", "h5", "h6" -> Block.Kind.HEADING;
            case "li" -> Block.Kind.LIST_ITEM;
            case "caption" -> Block.Kind.CAPTION;
            case "td", "th" -> Block.Kind.CELL;
            default -> null;
        };
    }

    private static int span(Attributes atts, String name) {
        String value = atts.getValue(name);
        try {
            return value == null ? 1 : Math.max(1, Math.min(1000, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void endStructure(String name) {
        switch (name) {
            case "table" -> {
                if (!tables.isEmpty()) {
                    tables.pop();
                }
            }
            case "thead" -> {
                if (!tables.isEmpty()) {
                    tables.peek().inHead = false;
                }
            }
            default -> {
            }
        }
        if (open.isEmpty() || !open.peek().element().equals(name)) {
            return;
        }
        OpenBlock b = open.pop();
        List<Block> inner = blocks.subList(b.blocksBefore(), blocks.size());
        List<Block> kept = new ArrayList<>();
        for (Block k : inner) {
            boolean swallowed = b.kind() == Block.Kind.CELL ? k.kind() != Block.Kind.CELL
                    : b.kind() != Block.Kind.PARAGRAPH && k.kind() == Block.Kind.PARAGRAPH;
            if (!swallowed) {
                kept.add(k);
            }
        }
        inner.clear();
        int from = b.start();
        for (Block k : kept) {
            addTrimmed(b, from, k.start());
            blocks.add(k);
            from = k.end();
        }
        addTrimmed(b, from, body.length());
    }

    /** The block's text between {@code from} and {@code to}, without the whitespace around it, if any is left. */
    private void addTrimmed(OpenBlock b, int from, int to) {
        while (from < to && blank(body.charAt(from))) {
            from++;
        }
        while (to > from && blank(body.charAt(to - 1))) {
            to--;
        }
        if (from < to) {
            blocks.add(new Block(from, to, b.kind(), b.page(), b.cell(), null));
        }
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        String cls = classes.isEmpty() ? "" : classes.pop();
        if (SKIPPED.contains(name)) {
            skipDepth--;
        }
        if (annotationDepth == 0 && skipDepth == 0) {
            endStructure(name);
        }
        if (BLOCKS.contains(name) && !("div".equals(name) && "page".equals(cls))) {
            append(target(), '\n');
        }
        if ("annotation".equals(cls)) {
            annotationDepth--;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipDepth > 0) {
            return;
        }
        StringBuilder target = target();
        for (int i = start; i < start + length; i++) {
            append(target, ch[i]);
        }
    }

    /** Tika's XHTML writes its line breaks as ignorable whitespace; for a PDF they are the line structure. */
    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    private StringBuilder target() {
        return annotationDepth > 0 ? annotations : body;
    }

    private void append(StringBuilder target, char c) throws SAXException {
        if (budget.getAndDecrement() <= 0) {
            budget.incrementAndGet();
            truncated = true;
            throw new WriteLimitReachedException((int) Math.min(Integer.MAX_VALUE, limit));
        }
        target.append(c);
    }

    String body() {
        return body.toString();
    }

    String annotations() {
        return annotations.toString();
    }

    /** The body's blocks, in reading order, with offsets into {@link #body()}. */
    List<Block> blocks() {
        return List.copyOf(blocks);
    }

    boolean paged() {
        return pages > 0;
    }

    boolean truncated() {
        return truncated;
    }

    @Override
    public String toString() {
        return body.toString();
    }
}
