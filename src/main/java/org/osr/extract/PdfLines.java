package org.osr.extract;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * A PDF body's layout: one {@link Block.Kind#LINE} block per line of its text, on its page, with the line's box on
 * the page and its direction where it was placed ({@link #pagesToPlace}). The boxes come from one pass of PDFBox's
 * text stripper over those pages (the one Tika uses underneath, with Tika's settings, so it cuts the same lines in the
 * same order): its lines are matched to the body's in order, by their visible characters. A body line no stripped line spells (a form field, a bookmark Tika
 * adds after the pages) is a line without a box; a turned or vertical line {@link PdfTurnedText} joined is spelled
 * by several stripped lines, and gets their joint box. An upright line spelled by one stripped line whose glyphs
 * stand a table cell apart ({@link LineSegments}) is one block per cell, each with the box of its own glyphs.
 */
final class PdfLines {
    /** How many stripped lines a body line may skip to find its match (text Tika and PDFBox order differently). */
    private static final int WINDOW = 40;

    private PdfLines() {
    }

    /**
     * A stripped line: its visible characters (see {@link #key}), its box (null when it has no glyphs) and, when it
     * falls apart into cells ({@link LineSegments}), its segments; otherwise none.
     */
    private record Placed(String key, Block.Box box, List<Segment> segments) {
    }

    /** A segment of a line: where it starts (code points into the line's key) and its box. */
    private record Segment(int keyStart, Block.Box box) {
    }

    /** A visible glyph of an upright line, for {@link LineSegments}; {@code visible} is its share of the key. */
    private record Glyph(TextPosition position, String text, int visible) implements LineSegments.Glyph {
        @Override
        public double left() {
            return position.getXDirAdj();
        }

        @Override
        public double right() {
            return position.getXDirAdj() + position.getWidthDirAdj();
        }

        @Override
        public double size() {
            Matrix m = position.getTextMatrix();
            return Math.hypot(m.getScaleX(), m.getShearY());
        }
    }

    /**
     * The LINE blocks of {@code body}, the text Tika extracted from {@code pdf} ({@code '\f'} between pages); lines
     * on {@code pages} (1-based) get their boxes.
     */
    static List<Block> blocks(PdfFile pdf, String body, Set<Integer> pages) {
        Map<Integer, List<Placed>> placed = place(pdf, pages);
        List<Block> blocks = new ArrayList<>();
        int page = 1;
        int next = 0;   // the first stripped line of the page not matched yet
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i == body.length() ? '\n' : body.charAt(i);
            if (c != '\n' && c != Part.PAGE_BREAK) {
                continue;
            }
            int from = start;
            int to = i;
            while (from < to && Character.isWhitespace(body.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(body.charAt(to - 1))) {
                to--;
            }
            if (from < to) {
                List<Placed> lines = placed.getOrDefault(page, List.of());
                String key = key(body.substring(from, to));
                Block.Box box = null;
                List<Segment> segments = List.of();
                for (int k = next; k < Math.min(lines.size(), next + WINDOW) && box == null; k++) {
                    int end = spelledBy(lines, k, key);
                    if (end > k) {
                        box = union(lines.subList(k, end));
                        segments = end == k + 1 ? lines.get(k).segments() : List.of();
                        next = end;
                    }
                }
                if (segments.size() > 1) {
                    addSegments(blocks, body, from, to, page, segments);
                } else {
                    blocks.add(new Block(from, to, Block.Kind.LINE, page, null, box));
                }
            }
            if (c == Part.PAGE_BREAK) {
                page++;
                next = 0;
            }
            start = i + 1;
        }
        return blocks;
    }

    /**
     * One block per segment of the body line {@code [from, to)}. A segment starts at the visible character its key
     * offset counts to; where the body has no space before it (the text runs on), it stays with the segment before.
     */
    private static void addSegments(List<Block> blocks, String body, int from, int to, int page,
            List<Segment> segments) {
        int visible = 0;
        int next = 1;   // the segment whose start comes next
        int start = from;
        int lastEnd = from;   // after the last visible character
        Block.Box box = segments.get(0).box();
        for (int i = from; i < to; ) {
            int c = body.codePointAt(i);
            int width = Character.charCount(c);
            if (invisible(c)) {
                i += width;
                continue;
            }
            if (next < segments.size() && visible == segments.get(next).keyStart()) {
                if (i > lastEnd) {
                    blocks.add(new Block(start, lastEnd, Block.Kind.LINE, page, null, box));
                    start = i;
                    box = segments.get(next).box();
                } else {
                    box = union(box, segments.get(next).box());
                }
                next++;
            }
            visible++;
            i += width;
            lastEnd = i;
        }
        blocks.add(new Block(start, to, Block.Kind.LINE, page, null, box));
    }

    /** The end (exclusive) of the run of stripped lines from {@code k} that spells {@code key}, or {@code k}. */
    private static int spelledBy(List<Placed> lines, int k, String key) {
        StringBuilder spelled = new StringBuilder();
        int end = k;
        while (end < lines.size() && spelled.length() < key.length()) {
            String next = lines.get(end).key();
            if (next.isEmpty() || !key.startsWith(next, spelled.length())) {
                break;
            }
            spelled.append(next);
            end++;
        }
        return spelled.length() == key.length() && !key.isEmpty() ? end : k;
    }

    /**
     * The box around the boxes of {@code lines}. Several upright lines stacked in a column taller than wide are one
     * vertical line of CJK text (which {@link PdfTurnedText} joined): direction 90.
     */
    private static Block.Box union(List<Placed> lines) {
        Block.Box u = null;
        for (Placed p : lines) {
            u = union(u, p.box());
        }
        if (u != null && lines.size() > 1 && u.rotation() == 0 && u.bottom() - u.top() > u.right() - u.left()) {
            u = new Block.Box(u.left(), u.top(), u.right(), u.bottom(), 90);
        }
        return u;
    }

    /** The box around two boxes (either may be null), in the direction of the first. */
    private static Block.Box union(Block.Box u, Block.Box b) {
        if (u == null || b == null) {
            return u == null ? b : u;
        }
        return new Block.Box(Math.min(u.left(), b.left()), Math.min(u.top(), b.top()),
                Math.max(u.right(), b.right()), Math.max(u.bottom(), b.bottom()), u.rotation());
    }

    /** The characters that have to agree: no whitespace, every star (or a symbol font's private-use glyph) as ★. */
    static String key(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (invisible(c)) {
                return;
            }
            boolean star = c == '★' || c == '☆' || (c >= 0xF000 && c <= 0xF0FF)
                    || PdfSymbolGlyphs.unicodeStar(c) != null;
            out.appendCodePoint(star ? '★' : c);
        });
        return out.toString();
    }

    private static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * The pages whose lines get boxes: where a line's place can tell a marking from text. The first and the last
     * page, pages with turned or vertical text (which {@link PdfTurnedText} joined: {@code untouched} is the body
     * before it did), and pages whose first or last line, page numbers aside, is short (a heading, an annex's
     * first line, a banner). A page of running prose, whose lines begin and end mid-paragraph, is not read again:
     * the pass decodes every glyph of a page a second time, and for every page it would add about half to the time
     * Tika takes.
     */
    static Set<Integer> pagesToPlace(String untouched, String body) {
        String[] before = untouched.split(String.valueOf(Part.PAGE_BREAK), -1);
        String[] after = body.split(String.valueOf(Part.PAGE_BREAK), -1);
        Set<Integer> pages = new HashSet<>();
        pages.add(1);
        pages.add(after.length);
        for (int i = 0; i < after.length; i++) {
            List<String> lines = after[i].lines().map(PdfLines::key)
                    .filter(l -> !l.isEmpty() && !PAGE_NUMBER.matcher(l).matches()).toList();
            boolean turned = before.length != after.length || !before[i].equals(after[i]);
            if (turned || !lines.isEmpty() && (lines.get(0).length() <= SHORT
                    || lines.get(lines.size() - 1).length() <= SHORT)) {
                pages.add(i + 1);
            }
        }
        return pages;
    }

    /** Lines no longer than this (visible characters) are short: labels, headings, markings, not prose. */
    private static final int SHORT = 20;
    /** A page number line: {@code 3}, {@code - 3 -}, {@code 第3页 共10页}, {@code Page 3 of 10}, {@code 3/10}. */
    private static final java.util.regex.Pattern PAGE_NUMBER = java.util.regex.Pattern.compile(
            "(?i)[-—–]*(第?\\d+页?(共\\d+页)?|page\\d+(of\\d+)?|\\d+/\\d+|\\d+)[-—–]*");

    /** The lines PDFBox's stripper cuts on {@code pages}, with their boxes; none when it fails. */
    private static Map<Integer, List<Placed>> place(PdfFile pdf, Set<Integer> pages) {
        if (pages.isEmpty()) {
            return Map.of();
        }
        LineStripper stripper = new LineStripper(pages);
        try {
            stripper.setEndPage(java.util.Collections.max(pages));
            stripper.writeText(pdf.document(), Writer.nullWriter());
        } catch (IOException | RuntimeException e) {
            return Map.of();   // lines then have no boxes; their text was read all the same
        }
        return stripper.lines;
    }

    /** Collects the lines PDFBox writes, each with the glyphs it was written from. */
    private static final class LineStripper extends PDFTextStripper {
        final Map<Integer, List<Placed>> lines = new HashMap<>();
        private final Set<Integer> pages;
        private final StringBuilder text = new StringBuilder();
        private final List<TextPosition> glyphs = new ArrayList<>();

        LineStripper(Set<Integer> pages) {
            this.pages = pages;
            // Tika's PDFParserConfig default; PDFBox's own is to drop glyphs drawn twice (fake bold).
            setSuppressDuplicateOverlappingText(false);
        }

        @Override
        public void processPage(PDPage page) throws IOException {
            if (pages.contains(getCurrentPageNo())) {
                super.processPage(page);
            }
        }

        @Override
        protected void writeString(String string, List<TextPosition> positions) {
            text.append(string);
            glyphs.addAll(positions);
        }

        @Override
        protected void writeWordSeparator() {
            text.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            flush();
        }

        @Override
        protected void writeParagraphStart() {
            flush();
        }

        @Override
        protected void writeParagraphEnd() {
            flush();
        }

        @Override
        protected void writePageEnd() {
            flush();
        }

        private void flush() {
            if (text.length() == 0) {
                return;
            }
            String key = key(text.toString());
            if (!key.isEmpty()) {
                Block.Box box = box(getCurrentPage(), glyphs);
                List<Segment> segments = box != null && box.rotation() == 0
                        ? segments(getCurrentPage(), glyphs, key) : List.of();
                lines.computeIfAbsent(getCurrentPageNo(), p -> new ArrayList<>())
                        .add(new Placed(key, box, segments));
            }
            text.setLength(0);
            glyphs.clear();
        }
    }

    /**
     * The segments of an upright line ({@link LineSegments}) with their boxes, or none when it is one, or when its
     * glyphs do not spell its {@code key} (a ligature PDFBox wrote out as two letters).
     */
    private static List<Segment> segments(PDPage page, List<TextPosition> positions, String key) {
        List<Glyph> visible = new ArrayList<>();
        int count = 0;
        for (TextPosition p : positions) {
            String text = p.getUnicode() == null ? "" : key(p.getUnicode());
            int n = text.codePointCount(0, text.length());
            if (n > 0) {
                visible.add(new Glyph(p, text, n));
                count += n;
            }
        }
        if (count != key.codePointCount(0, key.length())) {
            return List.of();
        }
        List<Integer> starts = LineSegments.starts(visible);
        if (starts.isEmpty()) {
            return List.of();
        }
        List<Segment> segments = new ArrayList<>();
        int from = 0;
        int keyStart = 0;
        List<Integer> ends = new ArrayList<>(starts);
        ends.add(visible.size());
        for (int to : ends) {
            List<Glyph> segment = visible.subList(from, to);
            segments.add(new Segment(keyStart, box(page, segment.stream().map(Glyph::position).toList())));
            keyStart += segment.stream().mapToInt(Glyph::visible).sum();
            from = to;
        }
        return segments;
    }

    /**
     * The box around the glyphs, as fractions of the page as shown (its crop box turned by its {@code /Rotate}), and
     * the direction most of them run in. PDFBox gives each glyph's matrix relative to the crop box's corner; a glyph
     * reaches from a fifth of its size below the baseline to its size above, along its advance. Called for every
     * line of every page, so it is kept to arithmetic.
     */
    private static Block.Box box(PDPage page, List<TextPosition> glyphs) {
        PDRectangle crop = page.getCropBox();
        double width = crop.getWidth();
        double height = crop.getHeight();
        if (glyphs.isEmpty() || width <= 0 || height <= 0) {
            return null;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        int[] directions = new int[4];   // glyphs running along +x, +y, -x, -y of the unturned page
        for (TextPosition g : glyphs) {
            Matrix m = g.getTextMatrix();
            double a = m.getScaleX();
            double b = m.getShearY();
            double size = Math.hypot(a, b);
            if (size == 0) {
                continue;
            }
            int direction = Math.abs(a) >= Math.abs(b) ? (a > 0 ? 0 : 2) : (b > 0 ? 1 : 3);
            directions[direction]++;
            // Along the baseline: PDFBox's width is measured along the page's x axis, right only for upright text.
            double advance = direction == 0 ? g.getWidthDirAdj() : PdfTurnedText.advance(g, size);
            double ux = a / size;
            double uy = b / size;
            double x0 = m.getTranslateX() + uy * 0.2 * size;   // a fifth below the baseline: down is (uy, -ux)
            double y0 = m.getTranslateY() - ux * 0.2 * size;
            double ax = ux * advance;
            double ay = uy * advance;
            double upX = -uy * 1.2 * size;
            double upY = ux * 1.2 * size;
            minX = Math.min(minX, x0 + Math.min(0, ax) + Math.min(0, upX));
            maxX = Math.max(maxX, x0 + Math.max(0, ax) + Math.max(0, upX));
            minY = Math.min(minY, y0 + Math.min(0, ay) + Math.min(0, upY));
            maxY = Math.max(maxY, y0 + Math.max(0, ay) + Math.max(0, upY));
        }
        if (minX > maxX) {
            return null;
        }
        int turn = Math.floorMod(page.getRotation(), 360) / 90 * 90;
        double[] a = shown(minX / width, 1 - maxY / height, turn);
        double[] b = shown(maxX / width, 1 - minY / height, turn);
        int most = 0;
        for (int d = 1; d < 4; d++) {
            most = directions[d] > directions[most] ? d : most;
        }
        // Counter-clockwise on the unturned page; clockwise as shown.
        int rotation = Math.floorMod(turn - most * 90, 360);
        return new Block.Box(clamp(Math.min(a[0], b[0])), clamp(Math.min(a[1], b[1])), clamp(Math.max(a[0], b[0])),
                clamp(Math.max(a[1], b[1])), rotation);
    }

    /** A point of the unturned page (fractions from its top-left) where it shows once the page is turned clockwise. */
    private static double[] shown(double u, double v, int turn) {
        return switch (turn) {
            case 90 -> new double[] {1 - v, u};
            case 180 -> new double[] {1 - u, 1 - v};
            case 270 -> new double[] {v, 1 - u};
            default -> new double[] {u, v};
        };
    }

    private static double clamp(double f) {
        return Math.max(0, Math.min(1, f));
    }
}
