package org.osr.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays the text runs of one OFD page out as lines a reader sees: runs whose baselines lie within a fraction of the
 * font size of each other are one line, read left to right; lines run top to bottom. OFD stores text objects in
 * any order (a marking added last is often written last), so document order says nothing about position.
 */
final class OfdLayout {
    /** Font size in millimetres where a text object gives none (about 五号, 10.5 pt). */
    static final double DEFAULT_SIZE = 3.7;
    /** Baselines closer than this share of the font size are one line. */
    private static final double SAME_LINE = 0.4;
    /** A gap wider than this share of the font size between two runs on a line is a space. */
    private static final double SPACE_GAP = 0.3;

    /** A run of text drawn from (x, y) on its baseline to endX, in page millimetres from the top-left corner. */
    record Run(double x, double y, double endX, double size, String text) {
    }

    private OfdLayout() {
    }

    static String lines(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.removeIf(r -> r.text().isBlank());
        sorted.sort(Comparator.comparingDouble(Run::y).thenComparingDouble(Run::x));
        List<List<Run>> lines = new ArrayList<>();
        double lineY = Double.NaN;
        double lineSize = 0;
        for (Run r : sorted) {
            if (lines.isEmpty() || Math.abs(r.y() - lineY) > SAME_LINE * Math.max(r.size(), lineSize)) {
                lines.add(new ArrayList<>());
                lineY = r.y();
                lineSize = r.size();
            }
            lines.get(lines.size() - 1).add(r);
            lineSize = Math.max(lineSize, r.size());
        }
        StringBuilder out = new StringBuilder();
        for (List<Run> line : lines) {
            line.sort(Comparator.comparingDouble(Run::x));
            double end = Double.NaN;
            for (Run r : line) {
                if (!Double.isNaN(end) && r.x() - end > SPACE_GAP * r.size()) {
                    out.append(' ');
                }
                // A code is drawn on one baseline: a line break inside it (XML allows one) is no line of the page.
                out.append(r.text().strip().replaceAll("[\\r\\n\\f]+", " "));
                end = Double.isNaN(end) ? r.endX() : Math.max(end, r.endX());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
