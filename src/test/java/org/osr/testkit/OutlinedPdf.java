package org.osr.testkit;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * PDF pages whose lines are drawn as filled glyph outlines, as "convert text to outlines" leaves them: no font, no
 * text layer, only paths. Lines may also be set as ordinary text, to build pages that mix both.
 */
public final class OutlinedPdf {
    private static final String CJK = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
    private static final String LATIN = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /** One line on the page: drawn as outlines, or set as real text. */
    public record Line(String text, float size, boolean outlined) {
        public static Line outlined(String text, float size) {
            return new Line(text, size, true);
        }

        public static Line text(String text, float size) {
            return new Line(text, size, false);
        }
    }

    private OutlinedPdf() {
    }

    /** One A4 page per list of lines, top to bottom from 100 pt below the top edge. */
    public static byte[] pages(List<List<Line>> pages) throws IOException {
        Font cjk = load(CJK);
        Font latin = load(LATIN);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font textFont = PDType0Font.load(doc, new File(CJK));
            for (List<Line> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = PDRectangle.A4.getHeight() - 100;
                    for (Line line : lines) {
                        if (line.outlined()) {
                            drawOutlines(cs, line, cjk, latin, 80, y);
                        } else {
                            cs.beginText();
                            cs.setFont(textFont, line.size());
                            cs.newLineAtOffset(80, y);
                            cs.showText(line.text());
                            cs.endText();
                        }
                        y -= line.size() * 1.8f;
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A page that only paints a few filled bars and a frame: drawings, but nothing shaped like text. */
    public static byte[] barsOnly() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setNonStrokingColor(0.8f, 0.1f, 0.1f);
                for (int i = 0; i < 6; i++) {
                    cs.moveTo(80, 700 - i * 60);
                    cs.lineTo(80 + 60 * (i + 1), 700 - i * 60);
                    cs.lineTo(80 + 60 * (i + 1), 660 - i * 60);
                    cs.lineTo(80, 660 - i * 60);
                    cs.closePath();
                    cs.fill();
                }
                cs.addRect(60, 250, 470, 500);
                cs.stroke();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void drawOutlines(PDPageContentStream cs, Line line, Font cjk, Font latin, float x, float y)
            throws IOException {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        float pen = x;
        for (int cp : line.text().codePoints().toArray()) {
            Font font = (cjk.canDisplay(cp) ? cjk : latin).deriveFont(line.size());
            GlyphVector glyphs = font.createGlyphVector(frc, Character.toString(cp));
            // AWT's y axis points down, PDF's up: flip around the baseline.
            Shape outline = glyphs.getOutline();
            AffineTransform toPage = new AffineTransform(1, 0, 0, -1, pen, y);
            PathIterator it = outline.getPathIterator(toPage);
            float[] c = new float[6];
            float lastX = 0;
            float lastY = 0;
            while (!it.isDone()) {
                switch (it.currentSegment(c)) {
                    case PathIterator.SEG_MOVETO -> cs.moveTo(lastX = c[0], lastY = c[1]);
                    case PathIterator.SEG_LINETO -> cs.lineTo(lastX = c[0], lastY = c[1]);
                    case PathIterator.SEG_QUADTO -> {
                        // PDF has only cubic curves: raise the quadratic's degree.
                        cs.curveTo(lastX + 2f / 3 * (c[0] - lastX), lastY + 2f / 3 * (c[1] - lastY),
                                c[2] + 2f / 3 * (c[0] - c[2]), c[3] + 2f / 3 * (c[1] - c[3]), c[2], c[3]);
                        lastX = c[2];
                        lastY = c[3];
                    }
                    case PathIterator.SEG_CUBICTO -> cs.curveTo(c[0], c[1], c[2], c[3], lastX = c[4], lastY = c[5]);
                    case PathIterator.SEG_CLOSE -> cs.closePath();
                    default -> throw new IllegalStateException();
                }
                it.next();
            }
            cs.fillEvenOdd();
            pen += (float) glyphs.getGlyphMetrics(0).getAdvance();
        }
    }

    private static Font load(String path) throws IOException {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new File(path));
        } catch (FontFormatException e) {
            throw new IOException(e);
        }
    }
}
