package org.osr.extract;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * A PDF body's layout: one {@link Block.Kind#LINE} block per line of its text, on its page, with the line's box on
 * the page and its direction. The boxes come from one pass of PDFBox's text stripper over the file (the one Tika
 * uses underneath, with Tika's settings, so it cuts the same lines in the same order): its lines are matched to the
 * body's in order, by their visible characters. A body line no stripped line spells (a form field, a bookmark Tika
 * adds after the pages) is a line without a box; a turned or vertical line {@link PdfTurnedText} joined is spelled
 * by several stripped lines, and gets their joint box.
 */
final class PdfLines {
    /** How many stripped lines a body line may skip to find its match (text Tika and PDFBox order differently). */
    private static final int WINDOW = 40;

    private PdfLines() {
    }

    /** A stripped line: its visible characters (see {@link #key}) and its box, or null when it has no glyphs. */
    private record Placed(String key, Block.Box box) {
    }

    /** The LINE blocks of {@code body}, the text Tika extracted from {@code pdf} ({@code '\f'} between pages). */
    static List<Block> blocks(PdfFile pdf, String body) {
        int pageCount = 1 + (int) body.chars().filter(c -> c == Part.PAGE_BREAK).count();
        Map<Integer, List<Placed>> placed = place(pdf, pageCount);
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
                for (int k = next; k < Math.min(lines.size(), next + WINDOW) && box == null; k++) {
                    int end = spelledBy(lines, k, key);
                    if (end > k) {
                        box = union(lines.subList(k, end));
                        next = end;
                    }
                }
                blocks.add(new Block(from, to, Block.Kind.LINE, page, null, box));
            }
            if (c == Part.PAGE_BREAK) {
                page++;
                next = 0;
            }
            start = i + 1;
        }
        return blocks;
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
            Block.Box b = p.box();
            if (b == null) {
                continue;
            }
            u = u == null ? b : new Block.Box(Math.min(u.left(), b.left()), Math.min(u.top(), b.top()),
                    Math.max(u.right(), b.right()), Math.max(u.bottom(), b.bottom()), u.rotation());
        }
        if (u != null && lines.size() > 1 && u.rotation() == 0 && u.bottom() - u.top() > u.right() - u.left()) {
            u = new Block.Box(u.left(), u.top(), u.right(), u.bottom(), 90);
        }
        return u;
    }

    /** The characters that have to agree: no whitespace, every star (or a symbol font's private-use glyph) as ★. */
    static String key(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            boolean star = c == '★' || c == '☆' || (c >= 0xF000 && c <= 0xF0FF)
                    || PdfSymbolGlyphs.unicodeStar(c) != null;
            out.appendCodePoint(star ? '★' : c);
        });
        return out.toString();
    }

    /** The lines PDFBox's stripper cuts on the first {@code pages} pages, with their boxes; none when it fails. */
    private static Map<Integer, List<Placed>> place(PdfFile pdf, int pages) {
        LineStripper stripper = new LineStripper();
        try {
            stripper.setEndPage(pages);
            stripper.writeText(pdf.document(), Writer.nullWriter());
        } catch (IOException | RuntimeException e) {
            return Map.of();   // lines then have no boxes; their text was read all the same
        }
        return stripper.lines;
    }

    /** Collects the lines PDFBox writes, each with the glyphs it was written from. */
    private static final class LineStripper extends PDFTextStripper {
        final Map<Integer, List<Placed>> lines = new HashMap<>();
        private final StringBuilder text = new StringBuilder();
        private final List<TextPosition> glyphs = new ArrayList<>();

        LineStripper() {
            // Tika's PDFParserConfig default; PDFBox's own is to drop glyphs drawn twice (fake bold).
            setSuppressDuplicateOverlappingText(false);
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
                lines.computeIfAbsent(getCurrentPageNo(), p -> new ArrayList<>())
                        .add(new Placed(key, box(getCurrentPage(), glyphs)));
            }
            text.setLength(0);
            glyphs.clear();
        }
    }

    /**
     * The box around the glyphs, as fractions of the page as shown (its crop box turned by its {@code /Rotate}), and
     * the direction most of them run in. PDFBox gives each glyph's matrix relative to the crop box's corner.
     */
    private static Block.Box box(PDPage page, List<TextPosition> glyphs) {
        PDRectangle crop = page.getCropBox();
        double width = crop.getWidth();
        double height = crop.getHeight();
        if (glyphs.isEmpty() || width <= 0 || height <= 0) {
            return null;
        }
        int turn = Math.floorMod(page.getRotation(), 360) / 90 * 90;
        double left = 1;
        double top = 1;
        double right = 0;
        double bottom = 0;
        Map<Integer, Integer> directions = new HashMap<>();
        for (TextPosition g : glyphs) {
            Matrix m = g.getTextMatrix();
            double size = Math.max(1e-6, Math.hypot(m.getScaleX(), m.getShearY()));
            double advance = PdfTurnedText.advance(g, size) / size;
            // The glyph's corners in text space: from a little below the baseline to about the ascent.
            for (double[] corner : new double[][] {{0, -0.2}, {advance, -0.2}, {0, 0.85}, {advance, 0.85}}) {
                double x = m.getScaleX() * corner[0] + m.getShearX() * corner[1] + m.getTranslateX();
                double y = m.getShearY() * corner[0] + m.getScaleY() * corner[1] + m.getTranslateY();
                double[] shown = shown(x / width, 1 - y / height, turn);
                left = Math.min(left, shown[0]);
                right = Math.max(right, shown[0]);
                top = Math.min(top, shown[1]);
                bottom = Math.max(bottom, shown[1]);
            }
            int angle = (int) Math.round(Math.toDegrees(Math.atan2(m.getShearY(), m.getScaleX())) / 90) * 90;
            directions.merge(Math.floorMod(turn - angle, 360), 1, Integer::sum);
        }
        int rotation = directions.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return new Block.Box(clamp(left), clamp(top), clamp(Math.max(left, right)), clamp(Math.max(top, bottom)),
                rotation);
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
