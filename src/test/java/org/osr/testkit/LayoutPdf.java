package org.osr.testkit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.osr.testkit.LayoutDocuments.Cell;
import org.osr.testkit.LayoutDocuments.Element;
import org.osr.testkit.LayoutDocuments.Layout;
import org.osr.testkit.LayoutDocuments.Page;
import org.osr.testkit.LayoutDocuments.Para;
import org.osr.testkit.LayoutDocuments.Table;

/**
 * A layout on A4 pages with PDFBox, each line of text placed where it is seen: body in the GB/T 9704 type area,
 * tables as ruled cells whose text sits in its column, the banner centred at the top and the bottom of every page
 * (the top one first in the content stream, the bottom one last), the top mark drawn after everything else on
 * page 1, and the margin note turned 90° (reading bottom to top) in the left binding margin.
 */
final class LayoutPdf {
    private static final float W = PDRectangle.A4.getWidth();
    private static final float H = PDRectangle.A4.getHeight();
    private static final float LEFT = 79.4f;
    private static final float TOP = 105f;
    private static final float TEXT_WIDTH = 442f;
    private static final float BOTTOM = 85f;
    private static final float BODY = 16;
    private static final float HEADING = 22;
    private static final float CELL = 12;

    /** Text at a baseline position; {@code rotated} turns it 90° counter-clockwise around its start. */
    private record Text(float x, float y, float size, String text, boolean rotated) {
    }

    private record Rule(float x1, float y1, float x2, float y2) {
    }

    private static final class Sheet {
        final List<Text> texts = new ArrayList<>();
        final List<Rule> rules = new ArrayList<>();
    }

    private final PDDocument doc;
    private final PDFont cjk;
    private final PDFont latin;
    private final List<Sheet> sheets = new ArrayList<>();
    private Sheet sheet;
    private float y;

    private LayoutPdf(PDDocument doc, String fontPath) throws IOException {
        this.doc = doc;
        this.cjk = PDType0Font.load(doc, new File(fontPath));
        this.latin = PDType0Font.load(doc, new File(PdfBuilder.FALLBACK_FONT));
    }

    static byte[] bytes(Layout layout, String fontPath) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            new LayoutPdf(doc, fontPath).render(layout);
            doc.getDocumentInformation().setTitle(layout.title());
            doc.getDocumentInformation().setCreator(SampleDocuments.AUTHOR);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private void render(Layout layout) throws IOException {
        for (Page page : layout.pages()) {
            newSheet();
            for (Element e : page.elements()) {
                if (e instanceof Para p) {
                    paragraph(p);
                } else {
                    table((Table) e);
                }
            }
        }
        for (int i = 0; i < sheets.size(); i++) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                if (layout.banner() != null) {
                    show(cs, centred(H - 45, 14, layout.banner()));
                }
                if (i == 0 && layout.firstPageHeader() != null) {
                    show(cs, new Text(LEFT, H - 50, 14, layout.firstPageHeader(), false));
                }
                for (Rule r : sheets.get(i).rules) {
                    cs.moveTo(r.x1(), r.y1());
                    cs.lineTo(r.x2(), r.y2());
                }
                if (!sheets.get(i).rules.isEmpty()) {
                    cs.setLineWidth(0.6f);
                    cs.stroke();
                }
                for (Text t : sheets.get(i).texts) {
                    show(cs, t);
                }
                if (layout.banner() != null) {
                    show(cs, centred(40, 14, layout.banner()));
                }
                if (i == 0 && layout.marginNote() != null) {
                    float length = width(layout.marginNote(), BODY);
                    show(cs, new Text(45, H / 2 - length / 2, BODY, layout.marginNote(), true));
                }
                if (i == 0 && layout.overlay() != null) {
                    String mark = layout.overlay().text();
                    show(cs, layout.overlay().left() ? new Text(LEFT, H - 82, BODY, mark, false)
                            : new Text(W - LEFT - width(mark, BODY), H - 70, BODY, mark, false));
                }
            }
        }
    }

    private void newSheet() {
        sheet = new Sheet();
        sheets.add(sheet);
        y = H - TOP;
    }

    private void paragraph(Para p) throws IOException {
        float size = p.heading() ? HEADING : BODY;
        float leading = size * 1.75f;
        for (String line : wrap(p.text(), size, TEXT_WIDTH)) {
            if (y - size < BOTTOM) {
                newSheet();
            }
            float x = p.heading() ? (W - width(line, size)) / 2 : LEFT;
            sheet.texts.add(new Text(x, y - size, size, line, false));
            y -= leading;
        }
        if (p.text().isEmpty()) {
            y -= leading;
        }
    }

    private void table(Table table) throws IOException {
        float columnWidth = TEXT_WIDTH / table.columns();
        float leading = CELL * 1.5f;
        y -= 4;
        for (List<Cell> row : table.rows()) {
            List<List<String>> lines = new ArrayList<>();
            int most = 1;
            for (Cell c : row) {
                List<String> l = wrap(c.text(), CELL, columnWidth * c.span() - 8);
                lines.add(l);
                most = Math.max(most, l.size());
            }
            float height = most * leading + 8;
            if (y - height < BOTTOM) {
                newSheet();
            }
            float x = LEFT;
            sheet.rules.add(new Rule(LEFT, y, LEFT + TEXT_WIDTH, y));
            sheet.rules.add(new Rule(LEFT, y - height, LEFT + TEXT_WIDTH, y - height));
            for (int c = 0; c < row.size(); c++) {
                sheet.rules.add(new Rule(x, y, x, y - height));
                float lineY = y - 4 - CELL;
                for (String line : lines.get(c)) {
                    sheet.texts.add(new Text(x + 4, lineY, CELL, line, false));
                    lineY -= leading;
                }
                x += columnWidth * row.get(c).span();
            }
            sheet.rules.add(new Rule(LEFT + TEXT_WIDTH, y, LEFT + TEXT_WIDTH, y - height));
            y -= height;
        }
        y -= 16;
    }

    private Text centred(float baseline, float size, String text) throws IOException {
        return new Text((W - width(text, size)) / 2, baseline, size, text, false);
    }

    private void show(PDPageContentStream cs, Text t) throws IOException {
        cs.beginText();
        cs.setTextMatrix(t.rotated() ? Matrix.getRotateInstance(Math.PI / 2, t.x(), t.y())
                : Matrix.getTranslateInstance(t.x(), t.y()));
        PDFont current = null;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < t.text().length(); ) {
            String ch = new String(Character.toChars(t.text().codePointAt(i)));
            i += ch.length();
            PDFont f = fontFor(ch);
            if (f != current && run.length() > 0) {
                cs.setFont(current, t.size());
                cs.showText(run.toString());
                run.setLength(0);
            }
            current = f;
            run.append(ch);
        }
        if (run.length() > 0) {
            cs.setFont(current, t.size());
            cs.showText(run.toString());
        }
        cs.endText();
    }

    /** Latin letters, digits and ★ from DejaVu (Droid Sans Fallback lacks digits and ★), the rest from the CJK font. */
    private PDFont fontFor(String ch) {
        int cp = ch.codePointAt(0);
        if (cp < 0x2E80 && cp != 0x3000) {
            return latin;
        }
        return cjk;
    }

    private float width(String text, float size) throws IOException {
        float w = 0;
        for (int i = 0; i < text.length(); ) {
            String ch = new String(Character.toChars(text.codePointAt(i)));
            i += ch.length();
            w += fontFor(ch).getStringWidth(ch) / 1000 * size;
        }
        return w;
    }

    /** A CJK character or a Latin word with its trailing spaces: the units a line may break between. */
    private static final Pattern UNIT = Pattern.compile("[\\x21-\\u2E7F&&[^\\u3000]]+\\s*|\\s+|.");

    private List<String> wrap(String text, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        Matcher m = UNIT.matcher(text);
        while (m.find()) {
            String unit = m.group();
            float w = width(unit.stripTrailing(), size);
            if (used + w > max && line.length() > 0 && !"，。、；：？！）》”".contains(unit)) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                used = 0;
            }
            line.append(unit);
            used += width(unit, size);
        }
        if (line.length() > 0) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
