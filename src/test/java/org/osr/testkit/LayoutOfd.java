package org.osr.testkit;

import java.util.ArrayList;
import java.util.List;

import org.osr.testkit.LayoutDocuments.Cell;
import org.osr.testkit.LayoutDocuments.Element;
import org.osr.testkit.LayoutDocuments.Layout;
import org.osr.testkit.LayoutDocuments.Page;
import org.osr.testkit.LayoutDocuments.Para;
import org.osr.testkit.LayoutDocuments.Table;
import org.osr.testkit.OfdBuilder.Text;

/**
 * A layout as an OFD: one text object per line at its place in millimetres (every glyph one font size wide, as
 * {@link OfdBuilder} spaces them), table cells at their column's x, the banner at the top and the bottom of every
 * page, the top mark written last on page 1 and the margin note as a vertical column of upright characters in
 * the left margin.
 */
final class LayoutOfd {
    private static final double LEFT = 28;
    private static final double TOP = 37;
    private static final double WIDTH = 156;
    private static final double LAST_BASELINE = 270;
    private static final double BODY = 5;
    private static final double HEADING = 7;
    private static final double CELL = 4;

    private final List<List<Text>> sheets = new ArrayList<>();
    private List<Text> sheet;
    private double y;

    private LayoutOfd() {
    }

    static byte[] bytes(Layout layout) {
        LayoutOfd ofd = new LayoutOfd();
        for (Page page : layout.pages()) {
            ofd.newSheet();
            for (Element e : page.elements()) {
                if (e instanceof Para p) {
                    ofd.paragraph(p);
                } else {
                    ofd.table((Table) e);
                }
            }
        }
        OfdBuilder builder = OfdBuilder.create().title(layout.title()).author(SampleDocuments.AUTHOR);
        for (int i = 0; i < ofd.sheets.size(); i++) {
            List<Text> texts = new ArrayList<>();
            if (layout.banner() != null) {
                texts.add(centred(15, layout.banner()));
            }
            if (i == 0 && layout.firstPageHeader() != null) {
                texts.add(new Text(LEFT, 18, layout.firstPageHeader(), 4));
            }
            texts.addAll(ofd.sheets.get(i));
            if (layout.banner() != null) {
                texts.add(centred(287, layout.banner()));
            }
            if (i == 0 && layout.marginNote() != null) {
                String note = layout.marginNote();
                double at = 148.5 - note.codePointCount(0, note.length()) * BODY * 1.1 / 2;
                for (int c = 0; c < note.length(); ) {
                    String ch = new String(Character.toChars(note.codePointAt(c)));
                    c += ch.length();
                    at += BODY * 1.1;
                    texts.add(new Text(8, at, ch, BODY));
                }
            }
            if (i == 0 && layout.overlay() != null) {
                String mark = layout.overlay().text();
                texts.add(layout.overlay().left() ? new Text(LEFT, 29, mark, BODY)
                        : new Text(210 - 25 - glyphs(mark) * BODY, 25, mark, BODY));
            }
            builder.page(texts.toArray(Text[]::new));
        }
        return builder.bytes();
    }

    private void newSheet() {
        sheet = new ArrayList<>();
        sheets.add(sheet);
        y = TOP;
    }

    private void paragraph(Para p) {
        double size = p.heading() ? HEADING : BODY;
        List<String> lines = wrap(p.text(), (int) (WIDTH / size));
        for (String line : lines) {
            if (y + size > LAST_BASELINE) {
                newSheet();
            }
            double x = p.heading() ? 105 - glyphs(line) * size / 2 : LEFT;
            sheet.add(new Text(x, y + size, line, size));
            y += size * 1.6;
        }
        if (lines.isEmpty()) {
            y += size * 1.6;
        }
    }

    private void table(Table table) {
        double column = WIDTH / table.columns();
        for (List<Cell> row : table.rows()) {
            List<List<String>> lines = new ArrayList<>();
            int most = 1;
            for (Cell c : row) {
                List<String> l = wrap(c.text(), (int) ((column * c.span() - 2) / CELL));
                lines.add(l);
                most = Math.max(most, l.size());
            }
            double height = most * CELL * 1.5 + 2;
            if (y + height > LAST_BASELINE) {
                newSheet();
            }
            double x = LEFT;
            for (int c = 0; c < row.size(); c++) {
                double lineY = y + 1 + CELL;
                for (String line : lines.get(c)) {
                    sheet.add(new Text(x + 1, lineY, line, CELL));
                    lineY += CELL * 1.5;
                }
                x += column * row.get(c).span();
            }
            y += height;
        }
        y += 5;
    }

    private static Text centred(double baseline, String text) {
        return new Text(105 - glyphs(text) * 4.0 / 2, baseline, text, 4);
    }

    private static int glyphs(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Breaks after {@code max} glyphs, at a space when the line has one (English), anywhere otherwise. */
    static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (glyphs(rest) > max) {
            int cut = rest.offsetByCodePoints(0, max);
            int space = rest.lastIndexOf(' ', cut);
            if (space > 0) {
                cut = space;
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            lines.add(rest);
        }
        return lines;
    }
}
