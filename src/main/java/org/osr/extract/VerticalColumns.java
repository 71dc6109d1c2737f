package org.osr.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Vertical text: upright glyphs stacked one below the other (same x within a third of an em, each 0.8 to 1.6 em
 * below the one before), {@value #MIN_RUN} or more, whose characters are mostly Chinese — a binding-margin marking
 * such as {@code 机密★10年} set as a column. A column of table digits is left alone. Shared by the PDF and OFD
 * readers, which both get such a column one glyph at a time.
 */
final class VerticalColumns {
    static final int MIN_RUN = 3;

    /** One upright glyph: its text, where it starts (x, and how far down the page), and its font size. */
    interface Glyph {
        String text();

        double x();

        /** Distance down the page (grows towards the bottom edge). */
        double down();

        double size();
    }

    private VerticalColumns() {
    }

    /** The columns among {@code glyphs}, each top to bottom, in the order of their first glyph down the page. */
    static <G extends Glyph> List<List<G>> find(List<G> glyphs) {
        List<G> sorted = glyphs.stream().sorted(Comparator.comparingDouble(Glyph::down)).toList();
        List<List<G>> all = new ArrayList<>();
        List<List<G>> open = new ArrayList<>();   // columns the next glyph down may still continue
        for (G g : sorted) {
            open.removeIf(c -> g.down() - c.get(c.size() - 1).down() >= 1.6 * g.size());
            List<G> column = open.stream().filter(c -> {
                G last = c.get(c.size() - 1);
                double drop = g.down() - last.down();
                return Math.abs(last.x() - g.x()) < g.size() / 3 && drop > 0.8 * g.size() && drop < 1.6 * g.size();
            }).findFirst().orElse(null);
            if (column == null) {
                column = new ArrayList<>();
                open.add(column);
                all.add(column);
            }
            column.add(g);
        }
        all.removeIf(c -> c.size() < MIN_RUN || !mostlyChinese(c));
        return all;
    }

    private static boolean mostlyChinese(List<? extends Glyph> column) {
        long han = column.stream().filter(g -> !g.text().isEmpty()
                && Character.UnicodeScript.of(g.text().codePointAt(0)) == Character.UnicodeScript.HAN).count();
        return han * 2 >= column.size();
    }
}
