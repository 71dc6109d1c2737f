package org.osr.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The record as a PDF (PDFBox) from the same {@link ReviewRecord} as the DOCX, on A4 pages: the heading, each field's
 * label in 【 】 with its lines wrapped below it, the signature rows with their recorded stages and blank signature and
 * date lines, the closing note. The text is real text in embedded fonts, so the record can be searched and re-read.
 */
public final class PdfRecord {
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float BODY = 10.5f;
    private static final float INDENT = 14;

    /** One line ready to draw. */
    private record Line(float size, float indent, boolean centred, List<Segment> segments, float width) {
    }

    private record Segment(PDFont font, String text) {
    }

    private PdfRecord() {
    }

    /** @param font a TrueType font with Chinese glyphs, or null to look for one */
    public static void write(ReviewRecord record, Path font, OutputStream out)
            throws IOException, PdfFonts.NoCjkFont {
        try (PDDocument doc = new PDDocument(); PdfFonts fonts = PdfFonts.open(doc, font)) {
            doc.getDocumentInformation().setTitle(record.heading());
            doc.getDocumentInformation().setCreator("osr");
            List<Line> lines = new ArrayList<>();
            lines.addAll(wrap(fonts, record.heading(), 16, 0, true));
            lines.add(null);
            for (ReviewRecord.Field f : record.fields()) {
                lines.addAll(wrap(fonts, "【" + f.label() + "】", BODY, 0, false));
                for (String l : f.lines()) {
                    lines.addAll(wrap(fonts, l, BODY, INDENT, false));
                }
                lines.add(null);
            }
            for (ReviewRecord.Signature s : record.signatures()) {
                lines.addAll(wrap(fonts, "【" + s.role() + "】", BODY, 0, false));
                for (String stage : s.stages()) {
                    lines.addAll(wrap(fonts, stage, BODY, INDENT, false));
                }
                lines.addAll(wrap(fonts, record.signatureLine() + "    " + record.dateLine(), BODY, INDENT, false));
                lines.add(null);
            }
            lines.addAll(wrap(fonts, record.closing(), 9, 0, false));
            draw(doc, lines);
            doc.save(out);
        }
    }

    private static void draw(PDDocument doc, List<Line> lines) throws IOException {
        float top = PDRectangle.A4.getHeight() - MARGIN;
        float y = top;
        PDPageContentStream cs = null;
        try {
            for (Line line : lines) {
                float leading = line == null ? BODY * 0.8f : line.size() * 1.6f;
                if (cs == null || y - leading < MARGIN) {
                    if (cs != null) {
                        cs.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    y = top;
                    if (line == null) {
                        continue;
                    }
                }
                y -= leading;
                if (line == null) {
                    continue;
                }
                float x = MARGIN + (line.centred() ? (WIDTH - line.width()) / 2 : line.indent());
                cs.beginText();
                cs.newLineAtOffset(x, y);
                for (Segment s : line.segments()) {
                    cs.setFont(s.font(), line.size());
                    cs.showText(s.text());
                }
                cs.endText();
            }
        } finally {
            if (cs != null) {
                cs.close();
            }
        }
    }

    /** Breaks text at the width (Chinese has no word boundaries, so by character) and splits it by font. */
    private static List<Line> wrap(PdfFonts fonts, String text, float size, float indent, boolean centred)
            throws IOException {
        List<Line> out = new ArrayList<>();
        float max = WIDTH - indent;
        List<Segment> current = new ArrayList<>();
        float width = 0;
        String flat = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        for (int i = 0; i < flat.length(); ) {
            String ch = new String(Character.toChars(flat.codePointAt(i)));
            i += ch.length();
            PDFont f = fonts.fontFor(ch);
            if (f == null) {
                ch = "?";
                f = fonts.fontFor(ch);
            }
            float w = f.getStringWidth(ch) / 1000 * size;
            if (width + w > max && !current.isEmpty()) {
                out.add(new Line(size, indent, centred, current, width));
                current = new ArrayList<>();
                width = 0;
            }
            Segment last = current.isEmpty() ? null : current.get(current.size() - 1);
            if (last != null && last.font() == f) {
                current.set(current.size() - 1, new Segment(f, last.text() + ch));
            } else {
                current.add(new Segment(f, ch));
            }
            width += w;
        }
        out.add(new Line(size, indent, centred, current, width));
        return out;
    }
}
