package org.osr.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Lays the text runs of one OFD page out as lines a reader sees: runs whose baselines lie within a fraction of the
 * font size of each other are one line, read left to right; lines run top to bottom. OFD stores text objects in
 * any order (a marking added last is often written last), so document order says nothing about position. Upright
 * glyphs stacked in a column ({@link VerticalColumns}), each alone on its baseline, are vertical text (a marking such
 * as {@code 机密★10年} down the binding margin): one line, read top to bottom, turned 90°.
 */
final class OfdLayout {
    /** Font size in millimetres where a text object gives none (about 五号, 10.5 pt). */
    static final double DEFAULT_SIZE = 3.7;
    /** Baselines closer than this share of the font size are one line. */
    private static final double SAME_LINE = 0.4;
    /** A gap wider than this share of the font size between two runs on a line is a space. */
    private static final double SPACE_GAP = 0.3;
    /** How far glyphs reach below the baseline, as a share of the font size. */
    private static final double DESCENT = 0.2;
    /** A glyph of a vertical column has no other text this many font sizes beside it on its baseline. */
    private static final double ALONE = 1;

    /**
     * A run of text drawn from (x, y) on its baseline to (endX, endY), in page millimetres from the top-left corner,
     * its glyphs turned {@code rotation} degrees clockwise (0, 90, 180 or 270).
     */
    record Run(double x, double y, double endX, double endY, double size, int rotation, String text)
            implements VerticalColumns.Glyph, LineSegments.Glyph {
        Run(double x, double y, double endX, double size, String text) {
            this(x, y, endX, y, size, 0, text);
        }

        @Override
        public double down() {
            return y;
        }

        @Override
        public double left() {
            return Math.min(x, endX);
        }

        @Override
        public double right() {
            return Math.max(x, endX);
        }

        /** The run's box {left, top, right, bottom}: the baseline, widened by the glyphs' height across it. */
        double[] box() {
            double left = Math.min(x, endX), right = Math.max(x, endX);
            double top = Math.min(y, endY), bottom = Math.max(y, endY);
            return switch (rotation) {
                case 90 -> new double[] {left - DESCENT * size, top, right + size, bottom};
                case 180 -> new double[] {left, top - DESCENT * size, right, bottom + size};
                case 270 -> new double[] {left - size, top, right + DESCENT * size, bottom};
                default -> new double[] {left, top - size, right, bottom + DESCENT * size};
            };
        }
    }

    /** A laid-out line: {@code [start, end)} in the page's text, its box in millimetres and its rotation. */
    record Line(int start, int end, double left, double top, double right, double bottom, int rotation) {
        /** The line as a block of a part whose text holds the page's text from {@code offset}. */
        Block block(int page, double[] pageSize, int offset) {
            double w = pageSize[0], h = pageSize[1];
            Block.Box box = new Block.Box(fraction(left, w), fraction(top, h), fraction(right, w),
                    fraction(bottom, h), rotation);
            return new Block(offset + start, offset + end, Block.Kind.LINE, page, null, box);
        }

        private static double fraction(double mm, double size) {
            return Math.min(1, Math.max(0, mm / size));
        }
    }

    /** A page's text, one line per {@code '\n'}-terminated line, and where each line is. */
    record Page(String text, List<Line> lines) {
        static final Page EMPTY = new Page("", List.of());

        /** The lines as blocks of a part whose text holds this page's text from {@code offset}. */
        List<Block> blocks(int page, double[] pageSize, int offset) {
            return lines.stream().map(l -> l.block(page, pageSize, offset)).toList();
        }
    }

    private OfdLayout() {
    }

    static Page lines(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.removeIf(r -> r.text().isBlank());
        sorted.sort(Comparator.comparingDouble(Run::y).thenComparingDouble(Run::x));
        List<List<Run>> columns = VerticalColumns.find(lone(sorted));
        Set<Run> inColumns = Collections.newSetFromMap(new IdentityHashMap<>());
        columns.forEach(inColumns::addAll);
        sorted.removeIf(inColumns::contains);
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
        lines.addAll(columns);
        // Stable: the lines keep their order; a column goes in where its first glyph is.
        lines.sort(Comparator.comparingDouble(l -> l.get(0).y()));
        StringBuilder out = new StringBuilder();
        List<Line> placed = new ArrayList<>();
        for (List<Run> line : lines) {
            boolean column = columns.stream().anyMatch(c -> c == line);
            if (!column) {
                line.sort(Comparator.comparingDouble(Run::x));
            }
            int rotation = column ? 90 : line.stream().allMatch(r -> r.rotation() == line.get(0).rotation())
                    ? line.get(0).rotation() : 0;
            boolean upright = !column && line.stream().allMatch(r -> r.rotation() == 0);
            List<Integer> cuts = upright ? LineSegments.starts(line) : List.of();
            int start = out.length();
            double end = Double.NaN;
            double[] box = null;
            for (int i = 0; i < line.size(); i++) {
                Run r = line.get(i);
                boolean spaced = !column && !Double.isNaN(end) && r.x() - end > SPACE_GAP * r.size();
                if (spaced && cuts.contains(i)) {
                    placed.add(new Line(start, out.length(), box[0], box[1], box[2], box[3], rotation));
                    out.append(' ');
                    start = out.length();
                    box = null;
                } else if (spaced) {
                    out.append(' ');
                }
                // A code is drawn on one baseline: a line break inside it (XML allows one) is no line of the page.
                out.append(r.text().strip().replaceAll("[\\r\\n\\f]+", " "));
                end = Double.isNaN(end) ? r.endX() : Math.max(end, r.endX());
                double[] b = r.box();
                box = box == null ? b : new double[] {Math.min(box[0], b[0]), Math.min(box[1], b[1]),
                        Math.max(box[2], b[2]), Math.max(box[3], b[3])};
            }
            placed.add(new Line(start, out.length(), box[0], box[1], box[2], box[3], rotation));
            out.append('\n');
        }
        return new Page(out.toString(), placed);
    }

    /**
     * The upright single glyphs of {@code sorted} (runs by baseline) that have no other text near them on their
     * baseline: only such a glyph may be part of a vertical column. A glyph of ordinary text has neighbours, so a
     * page whose producer writes one code per glyph is not read down its columns.
     */
    private static List<Run> lone(List<Run> sorted) {
        double largest = sorted.stream().mapToDouble(Run::size).max().orElse(0);
        List<Run> lone = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Run r = sorted.get(i);
            String glyph = r.text().strip();
            if (r.rotation() != 0 || glyph.codePointCount(0, glyph.length()) != 1) {
                continue;
            }
            boolean alone = true;
            for (int step = -1; step <= 1 && alone; step += 2) {
                for (int j = i + step; j >= 0 && j < sorted.size(); j += step) {
                    Run other = sorted.get(j);
                    double apart = Math.abs(other.y() - r.y());
                    if (apart > SAME_LINE * largest) {
                        break;
                    }
                    // The same glyph drawn twice (a producer's bold) is no neighbour.
                    if (!other.equals(r) && apart <= SAME_LINE * Math.max(r.size(), other.size())
                            && gap(r, other) < ALONE * r.size()) {
                        alone = false;
                        break;
                    }
                }
            }
            if (alone) {
                lone.add(r);
            }
        }
        return lone;
    }

    /** The horizontal gap between two runs' boxes (negative where they overlap). */
    private static double gap(Run a, Run b) {
        double[] p = a.box(), q = b.box();
        return Math.max(q[0] - p[2], p[0] - q[2]);
    }
}
