package org.osr.extract;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Text set turned (a binding-margin marking along the left edge, at 90° or 270°) or vertically (upright Chinese
 * characters stacked in a column) comes out of PDFBox one character a line, so a line rule never sees {@code 机密★5年}.
 * On the pages whose text shows that (a run of {@value #MIN_RUN} or more lines of at most two characters) the glyphs
 * are read again with their positions, grouped into the lines they form (same angle and baseline, or one upright
 * column), and each run of short lines that spells such a line is replaced by it. Other pages are not read again:
 * the pass costs nothing on ordinary files.
 */
final class PdfTurnedText {
    static final int MIN_RUN = VerticalColumns.MIN_RUN;
    private static final int SHORT_LINE = 2;

    private PdfTurnedText() {
    }

    /** {@code text} (extracted from {@code pdf}, {@code '\f'} between pages) with turned and vertical lines joined. */
    static String join(PdfFile pdf, String text) {
        String[] pages = text.split(String.valueOf(Part.PAGE_BREAK), -1);
        boolean changed = false;
        for (int i = 0; i < pages.length; i++) {
            if (hasShortRun(pages[i])) {
                List<String> lines = lines(pdf, i + 1);
                String joined = splice(pages[i], lines);
                changed |= !joined.equals(pages[i]);
                pages[i] = joined;
            }
        }
        return changed ? String.join(String.valueOf(Part.PAGE_BREAK), pages) : text;
    }

    private static boolean hasShortRun(String page) {
        int run = 0;
        for (String line : page.split("\n")) {
            run = isShort(line) ? run + 1 : 0;
            if (run >= MIN_RUN) {
                return true;
            }
        }
        return false;
    }

    private static boolean isShort(String line) {
        int visible = visible(line).length();
        return visible > 0 && visible <= SHORT_LINE;
    }

    private static String visible(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * Replaces each run of two or more lines that spells one of {@code joined} by that line. PDFBox keeps a Latin run
     * of a turned line together ({@code 档 / 案 / 号 / ： / 2026-BJ-0153}), so only the spelling has to match.
     */
    static String splice(String page, List<String> joined) {
        List<String> out = new ArrayList<>(List.of(page.split("\n", -1)));
        for (String line : joined) {
            String target = visible(line);
            for (int from = 0; from < out.size(); from++) {
                int to = from;
                String spelled = "";
                while (to < out.size() && spelled.length() < target.length()
                        && target.startsWith(spelled + visible(out.get(to)))) {
                    spelled += visible(out.get(to));
                    to++;
                }
                if (to - from >= 2 && spelled.equals(target)) {
                    out.subList(from, to).clear();
                    out.add(from, line);
                    break;
                }
            }
        }
        return String.join("\n", out);
    }

    /** The turned lines and vertical columns of three or more glyphs on one page (1-based), in reading order. */
    private static List<String> lines(PdfFile pdf, int page) {
        List<Glyph> glyphs = new ArrayList<>();
        try {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition p) {
                    String unicode = p.getUnicode();
                    if (unicode == null || unicode.isBlank()) {
                        return;
                    }
                    Matrix m = p.getTextMatrix();
                    double angle = Math.atan2(m.getShearY(), m.getScaleY());
                    double size = Math.max(1, Math.hypot(m.getScaleX(), m.getShearY()));
                    glyphs.add(new Glyph(unicode, Math.round((float) Math.toDegrees(angle)), angle,
                            m.getTranslateX(), m.getTranslateY(), size, advance(p, size)));
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.writeText(pdf.document(), Writer.nullWriter());
        } catch (IOException | RuntimeException e) {
            return List.of();   // the page's text then stays as Tika read it
        }
        List<String> lines = new ArrayList<>(turned(glyphs));
        lines.addAll(columns(glyphs));
        return lines;
    }

    /** The glyph's advance along its own baseline, whatever its angle (PDFBox's widths are along the page's axes). */
    static double advance(TextPosition p, double size) {
        try {
            return p.getFont().getWidth(p.getCharacterCodes()[0]) / 1000 * size;
        } catch (IOException | RuntimeException e) {
            return p.getWidthDirAdj();
        }
    }

    private record Glyph(String text, int degrees, double angle, double x, double y, double size, double width)
            implements VerticalColumns.Glyph {
        @Override
        public double down() {
            return -y;
        }

        /** Position along the glyph's baseline. */
        double along() {
            return x * Math.cos(angle) + y * Math.sin(angle);
        }

        /** Position across the baseline (the baseline's height in the turned frame). */
        double across() {
            return -x * Math.sin(angle) + y * Math.cos(angle);
        }
    }

    /** Glyphs at one angle other than 0 on one baseline, in reading order, as lines; a gap wider than 2 em splits. */
    private static List<String> turned(List<Glyph> glyphs) {
        List<Glyph> sorted = glyphs.stream().filter(g -> g.degrees() % 360 != 0)
                .sorted(Comparator.comparingInt(Glyph::degrees).thenComparingDouble(Glyph::across)).toList();
        List<String> lines = new ArrayList<>();
        List<Glyph> baseline = new ArrayList<>();
        for (Glyph g : sorted) {
            Glyph last = baseline.isEmpty() ? null : baseline.get(baseline.size() - 1);
            if (last != null && (last.degrees() != g.degrees() || g.across() - last.across() > g.size() / 2)) {
                split(lines, baseline);
                baseline = new ArrayList<>();
            }
            baseline.add(g);
        }
        split(lines, baseline);
        return lines;
    }

    private static void split(List<String> lines, List<Glyph> baseline) {
        baseline.sort(Comparator.comparingDouble(Glyph::along));
        List<Glyph> line = new ArrayList<>();
        for (Glyph g : baseline) {
            if (!line.isEmpty() && g.along() - line.get(line.size() - 1).along() > 2 * g.size()) {
                addLine(lines, line);
                line = new ArrayList<>();
            }
            line.add(g);
        }
        addLine(lines, line);
    }

    /** Upright glyphs stacked in a column ({@link VerticalColumns}): vertical text. */
    private static List<String> columns(List<Glyph> glyphs) {
        List<String> lines = new ArrayList<>();
        for (List<Glyph> column : VerticalColumns.find(glyphs.stream().filter(g -> g.degrees() % 360 == 0).toList())) {
            addLine(lines, column);
        }
        return lines;
    }

    /** A line of {@value #MIN_RUN} or more glyphs; a gap of a quarter em after a glyph's advance is a space. */
    private static void addLine(List<String> lines, List<Glyph> line) {
        if (line.size() >= MIN_RUN) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                Glyph g = line.get(i);
                Glyph before = i == 0 ? null : line.get(i - 1);
                if (before != null && before.degrees() != 0
                        && g.along() - before.along() - before.width() > before.size() / 4) {
                    sb.append(' ');
                }
                sb.append(g.text());
            }
            lines.add(sb.toString());
        }
    }
}
