package org.osr.testkit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * A4 pages of horizontal body lines, with a note set the way real files set margin text: turned 90° or 270° along
 * the left edge (a binding-margin marking, {@code 装订线}), or vertical CJK, each character upright below the one
 * before it.
 */
public final class RotatedPdf {
    private static final String CJK_FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
    private static final float SIZE = 16;
    private static final float LEADING = 28.9f;
    private static final float MARGIN_X = 40;

    /** How the margin note is set. */
    public enum Setting {
        /** Turned 90° counter-clockwise: reads bottom to top. */
        ROTATED_90,
        /** Turned 90° clockwise: reads top to bottom. */
        ROTATED_270,
        /** Upright characters stacked top to bottom. */
        VERTICAL
    }

    /** The left-margin note on page {@code notePage} (1-based) of one page per inner list. */
    public record Note(String text, Setting setting, int notePage) {
    }

    private RotatedPdf() {
    }

    public static byte[] pages(List<List<String>> pages, Note note) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            Fonts font = new Fonts(PDType0Font.load(doc, new File(CJK_FONT)),
                    PDType0Font.load(doc, new File(PdfBuilder.FALLBACK_FONT)));
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                float height = page.getMediaBox().getHeight();
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setLeading(LEADING);
                    cs.newLineAtOffset(80, height - 105);
                    for (String line : pages.get(p)) {
                        font.show(cs, line);
                        cs.newLine();
                    }
                    cs.endText();
                    if (note != null && note.notePage() == p + 1) {
                        drawNote(cs, font, note, height);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Droid Sans Fallback has no digits or ★: those are drawn in DejaVu Sans. */
    private record Fonts(PDType0Font cjk, PDType0Font latin) {
        PDType0Font of(String ch) throws IOException {
            try {
                cjk.encode(ch);
                return cjk;
            } catch (IllegalArgumentException | IllegalStateException e) {
                return latin;
            }
        }

        void show(PDPageContentStream cs, String text) throws IOException {
            for (int i = 0; i < text.length(); ) {
                String ch = new String(Character.toChars(text.codePointAt(i)));
                i += ch.length();
                cs.setFont(of(ch), SIZE);
                cs.showText(ch);
            }
        }

        float width(String text) throws IOException {
            float w = 0;
            for (int i = 0; i < text.length(); ) {
                String ch = new String(Character.toChars(text.codePointAt(i)));
                i += ch.length();
                w += of(ch).getStringWidth(ch) / 1000 * SIZE;
            }
            return w;
        }
    }

    private static void drawNote(PDPageContentStream cs, Fonts font, Note note, float height) throws IOException {
        float length = font.width(note.text());
        float middle = height / 2;
        cs.beginText();
        switch (note.setting()) {
            case ROTATED_90 -> {
                cs.setTextMatrix(Matrix.getRotateInstance(Math.PI / 2, MARGIN_X, middle - length / 2));
                font.show(cs, note.text());
            }
            case ROTATED_270 -> {
                cs.setTextMatrix(Matrix.getRotateInstance(-Math.PI / 2, MARGIN_X - SIZE, middle + length / 2));
                font.show(cs, note.text());
            }
            case VERTICAL -> {
                float y = middle + length / 2;
                for (int i = 0; i < note.text().length(); ) {
                    String ch = new String(Character.toChars(note.text().codePointAt(i)));
                    i += ch.length();
                    cs.setTextMatrix(Matrix.getTranslateInstance(MARGIN_X - SIZE / 2, y));
                    font.show(cs, ch);
                    y -= SIZE * 1.1f;
                }
            }
        }
        cs.endText();
    }
}
