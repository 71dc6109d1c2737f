package org.osr.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an upright placed line falls apart into table cells: at a gap between two glyphs at least {@value #CELL_GAP}
 * font sizes wide (of the glyph before it), or {@value #HAN_CELL_GAP} where a Chinese character stands on either
 * side. A Latin word space is a third of a font size and justified English stretches it, so English needs the wide
 * gap; Chinese prose has no gaps at all, a half-width space typed in it is half a font size, while a cell's text
 * stands off the next cell's by both cells' padding (Word's default 0.19 cm each side is 0.7 em at 三号) and whatever
 * the shorter cell leaves empty. Letter-spaced text ({@code 机　密}, {@code 绝　　密}, {@code 通　　知}) is no table: a
 * segment of a single Chinese character never splits off its neighbours, so a marking stays one block. Shared by
 * the PDF and OFD readers.
 */
final class LineSegments {
    /** A gap at least this many font sizes wide separates two cells. */
    static final double CELL_GAP = 1.5;
    /** A gap at least this many font sizes wide next to a Chinese character separates two cells. */
    static final double HAN_CELL_GAP = 0.55;

    /** One glyph (or run of glyphs) of an upright line, left to right: its text, its extent along x, its size. */
    interface Glyph {
        String text();

        double left();

        double right();

        double size();
    }

    private LineSegments() {
    }

    /**
     * The indices of the glyphs of {@code line} (in reading order, left to right) that begin a new segment, in
     * ascending order; empty when the line is one segment.
     */
    static List<Integer> starts(List<? extends Glyph> line) {
        List<Integer> starts = new ArrayList<>();
        double end = Double.NaN;
        double size = 0;
        for (int i = 0; i < line.size(); i++) {
            Glyph g = line.get(i);
            if (!Double.isNaN(end)) {
                boolean han = han(lastChar(line.get(i - 1).text())) || han(firstChar(g.text()));
                if (g.left() - end >= (han ? HAN_CELL_GAP : CELL_GAP) * size) {
                    starts.add(i);
                }
            }
            end = Double.isNaN(end) ? g.right() : Math.max(end, g.right());
            size = g.size();
        }
        List<Integer> kept = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int from = s == 0 ? 0 : starts.get(s - 1);
            int to = s + 1 < starts.size() ? starts.get(s + 1) : line.size();
            if (!oneHan(line.subList(from, starts.get(s))) && !oneHan(line.subList(starts.get(s), to))) {
                kept.add(starts.get(s));
            }
        }
        return kept;
    }

    /** Whether the glyphs spell one Chinese character. */
    private static boolean oneHan(List<? extends Glyph> glyphs) {
        StringBuilder text = new StringBuilder();
        glyphs.forEach(g -> text.append(g.text().strip()));
        String s = text.toString();
        return s.codePointCount(0, s.length()) == 1 && han(s.codePointAt(0));
    }

    private static boolean han(int c) {
        return c >= 0 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static int firstChar(String text) {
        String s = text.strip();
        return s.isEmpty() ? -1 : s.codePointAt(0);
    }

    private static int lastChar(String text) {
        String s = text.strip();
        return s.isEmpty() ? -1 : s.codePointBefore(s.length());
    }
}
