package org.osr.testkit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.ProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays out lines of text on A4 pages in the GB/T 9704-2012 type area (margins 37 mm top, 28 mm left; 156 x 225 mm),
 * 16 pt, wrapping character by character. Characters the main font lacks (Droid Sans Fallback has no {@code ×})
 * are drawn with a fallback font.
 */
final class PdfBuilder {

    static final String FALLBACK_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private static final float MM = 72f / 25.4f;
    private static final float LEFT = 28 * MM;
    private static final float TOP = 37 * MM;
    private static final float TEXT_WIDTH = 156 * MM;
    private static final float TEXT_HEIGHT = 225 * MM;
    private static final float FONT_SIZE = 16;
    private static final float LEADING = 28.9f;

    /** Closing punctuation may not start a line (GB/T 15834); it hangs into the margin instead. */
    private static final String NO_LINE_START = "，。、；：？！）》」』〕】”’";

    private record Segment(PDFont font, String text) {
    }

    private final PDDocument doc = new PDDocument();
    private final PDFont font;
    private PDFont fallback;

    private PdfBuilder(String fontPath) throws IOException {
        this.font = PDType0Font.load(doc, new File(fontPath)); // embeds a subset by default
    }

    /** One page per inner list; a page whose lines do not fit continues on an extra page. */
    static byte[] build(List<List<String>> pages, String title, String fontPath, ProtectionPolicy protection,
                        Calendar date) throws IOException {
        PdfBuilder builder = new PdfBuilder(fontPath);
        try (PDDocument doc = builder.doc) {
            for (List<String> page : pages) {
                builder.addPage(page);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(SampleDocuments.AUTHOR);
            info.setCreator(SampleDocuments.AUTHOR);
            info.setCreationDate(date);
            info.setModificationDate(date);
            // Without a fixed /ID, PDFBox derives one from the clock and every run changes the file.
            COSString id = new COSString(md5(title == null ? "" : title));
            COSArray ids = new COSArray();
            ids.add(id);
            ids.add(id);
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            if (protection != null) {
                doc.protect(protection);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private void addPage(List<String> page) throws IOException {
        List<List<Segment>> lines = new ArrayList<>();
        for (String line : page) {
            lines.addAll(wrap(line));
        }
        int perPage = (int) (TEXT_HEIGHT / LEADING);
        for (int from = 0; from < Math.max(lines.size(), 1); from += perPage) {
            drawPage(lines.subList(from, Math.min(lines.size(), from + perPage)));
        }
    }

    private void drawPage(List<List<Segment>> lines) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.beginText();
            cs.setLeading(LEADING);
            cs.newLineAtOffset(LEFT, PDRectangle.A4.getHeight() - TOP - FONT_SIZE);
            for (List<Segment> line : lines) {
                for (Segment s : line) {
                    cs.setFont(s.font(), FONT_SIZE);
                    cs.showText(s.text());
                }
                cs.newLine();
            }
            cs.endText();
        }
    }

    /** Breaks a line at the type-area width (Chinese text has no word boundaries) and splits it by font. */
    private List<List<Segment>> wrap(String line) throws IOException {
        List<List<Segment>> out = new ArrayList<>();
        List<Segment> current = new ArrayList<>();
        float width = 0;
        for (int i = 0; i < line.length(); ) {
            String ch = new String(Character.toChars(line.codePointAt(i)));
            i += ch.length();
            PDFont f = fontFor(ch);
            float w = f.getStringWidth(ch) / 1000 * FONT_SIZE;
            if (width + w > TEXT_WIDTH && !current.isEmpty() && !NO_LINE_START.contains(ch)) {
                out.add(current);
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
        out.add(current);
        return out;
    }

    private PDFont fontFor(String ch) throws IOException {
        if (canEncode(font, ch)) {
            return font;
        }
        if (fallback == null) {
            fallback = PDType0Font.load(doc, new File(FALLBACK_FONT));
        }
        if (!canEncode(fallback, ch)) {
            throw new IllegalArgumentException("no font has a glyph for U+%04X".formatted(ch.codePointAt(0)));
        }
        return fallback;
    }

    private static boolean canEncode(PDFont f, String ch) throws IOException {
        try {
            f.encode(ch);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
