package org.osr.extract;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.tika.metadata.Metadata;

/**
 * Finds PDF pages whose text was converted to outlines ("转曲", "create outlines"): the page has (almost) no text
 * layer, yet paints many filled shapes the size of characters. Such a page reads as blank to every text extractor, so
 * a marking set that way would pass unseen. Only pages with fewer than {@link ScannedPages#MIN_CHARS} characters are
 * walked (as for scanned pages); outlined text on a page that also has a text layer is not detected.
 */
final class PdfOutlinedText {
    /**
     * Character-shaped fills on one page from which it is taken for drawn text: {@code 机密★5年} alone is five. A bar,
     * a frame, a table grid or a QR code's modules are not character-shaped (see {@link GlyphOutlines}).
     */
    static final int MIN_GLYPHS = 5;
    /** Largest outline taken for a character, in points: a 72 pt headline character is about 72 pt tall. */
    private static final double MAX_GLYPH_PT = 80;
    /** Smallest: a 5 pt character's dot; below, specks and hairlines. */
    private static final double MIN_GLYPH_PT = 0.8;
    /** Path segments of the simplest character outline: 口 is two closed squares, 8 lines; a rectangle has 4. */
    private static final int MIN_GLYPH_SEGMENTS = 6;

    private PdfOutlinedText() {
    }

    /** 1-based numbers of the nearly textless pages that draw text as outlines. */
    static List<Integer> find(PdfFile pdf, Metadata md) {
        List<Integer> nearlyEmpty = ScannedPages.nearlyEmpty(md);
        if (nearlyEmpty.isEmpty()) {
            return List.of();
        }
        List<Integer> outlined = new ArrayList<>();
        try {
            PDDocument doc = pdf.document();
            for (int index : nearlyEmpty) {
                if (index >= Math.min(doc.getNumberOfPages(), PdfImages.MAX_PAGES)) {
                    continue;
                }
                PDPage page = doc.getPage(index);
                if (!PdfImages.plainContent(page.getCOSObject().getDictionaryObject(COSName.CONTENTS))) {
                    continue;
                }
                GlyphOutlines outlines = new GlyphOutlines(page);
                try {
                    outlines.processPage(page);
                } catch (IOException | RuntimeException e) {
                    // A page PDFBox cannot walk is the damaged-page problem's business.
                }
                if (outlines.glyphs >= MIN_GLYPHS) {
                    outlined.add(index + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();   // Tika read it; if PDFBox alone cannot, Tika's verdict on the text stands
        }
        return outlined;
    }

    /**
     * Counts the filled paths shaped like a character: as tall and wide as one, with more segments than a box. A
     * producer that fills a whole word or line as one compound path gives one wide path; its character-sized
     * subpaths (strokes, counters, about two per character) count then.
     */
    private static final class GlyphOutlines extends PageGeometry {
        private final List<Rectangle2D> subpaths = new ArrayList<>();
        private Rectangle2D open;
        private int segments;
        private int glyphs;

        GlyphOutlines(PDPage page) {
            super(page);
        }

        @Override
        public void moveTo(float x, float y) {
            super.moveTo(x, y);
            open = new Rectangle2D.Double(x, y, 0, 0);
            subpaths.add(open);
        }

        @Override
        public void lineTo(float x, float y) {
            super.lineTo(x, y);
            extend(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            super.curveTo(x1, y1, x2, y2, x3, y3);
            extend(x1, y1);
            extend(x2, y2);
            extend(x3, y3);
        }

        private void extend(float x, float y) {
            if (open != null) {
                open.add(x, y);
                segments++;
            }
        }

        @Override
        public void fillPath(int windingRule) {
            if (!subpaths.isEmpty() && segments >= MIN_GLYPH_SEGMENTS) {
                Rectangle2D whole = subpaths.get(0).getBounds2D();
                subpaths.forEach(whole::add);
                if (sized(whole)) {
                    glyphs++;
                } else {
                    glyphs += (int) subpaths.stream().filter(GlyphOutlines::sized).count() / 2;
                }
            }
            endPath();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            fillPath(windingRule);
        }

        @Override
        public void strokePath() {
            endPath();
        }

        @Override
        public void endPath() {
            subpaths.clear();
            open = null;
            segments = 0;
        }

        private static boolean sized(Rectangle2D r) {
            return r.getWidth() <= MAX_GLYPH_PT && r.getHeight() <= MAX_GLYPH_PT
                    && Math.max(r.getWidth(), r.getHeight()) >= MIN_GLYPH_PT;
        }
    }
}
