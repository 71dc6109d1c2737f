package org.osr.extract;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

/**
 * The images drawn on each PDF page, with where they land: the content streams are walked (forms and inline images
 * included) without rendering and without loading fonts. A scan stored as bands or tiles is many images on one page;
 * {@link ImagePolicy} adds them up per page.
 */
final class PdfImages {
    /** Pages walked per file; a longer document's later pages are not censused (the census says so). */
    static final int MAX_PAGES = 2000;
    /** Images smaller than this on the page (points²) are rules, bullets and dots, not worth a line. */
    private static final double MIN_AREA_PT2 = 4;

    private PdfImages() {
    }

    static List<UnreadImage> census(PdfFile pdf) {
        List<UnreadImage> images = new ArrayList<>();
        try {
            PDDocument doc = pdf.document();
            int n = Math.min(doc.getNumberOfPages(), MAX_PAGES);
            for (int i = 0; i < n; i++) {
                PDPage page = doc.getPage(i);
                if (!plainContent(page.getCOSObject().getDictionaryObject(COSName.CONTENTS)) || drawsNoImage(page)) {
                    continue;
                }
                try {
                    new PageImages(page, i + 1, images).processPage(page);
                } catch (IOException | RuntimeException e) {
                    // A page PDFBox cannot walk is the damaged-page problem's business, not the census's.
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();   // Tika read it; if PDFBox alone cannot, the text coverage stands
        }
        return images;
    }

    /**
     * A page that names no XObject in its resources and has no {@code BI} in its content can draw no image: walking
     * it (tokenising every operand of its text) would find none. Unsure (a form, content that cannot be decoded):
     * false, and the page is walked.
     */
    static boolean drawsNoImage(PDPage page) {
        try {
            PDResources resources = page.getResources();
            COSDictionary xobjects = resources == null ? null
                    : resources.getCOSObject().getCOSDictionary(COSName.XOBJECT);
            if (xobjects != null && xobjects.size() > 0) {
                return false;
            }
            int previous = -1;
            for (COSBase item : contentStreams(page.getCOSObject().getDictionaryObject(COSName.CONTENTS))) {
                if (!(item instanceof COSStream stream)) {
                    return false;
                }
                byte[] content;
                try (java.io.InputStream in = stream.createInputStream()) {
                    content = in.readAllBytes();
                }
                // Streams joined as they come: a BI split across two of them is found too.
                if (previous == 'B' && content.length > 0 && content[0] == 'I') {
                    return false;
                }
                for (int i = 0; i + 1 < content.length; i++) {
                    if (content[i] == 'B' && content[i + 1] == 'I') {
                        return false;
                    }
                }
                if (content.length > 0) {
                    previous = content[content.length - 1];
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<COSBase> contentStreams(COSBase contents) {
        List<COSBase> streams = new ArrayList<>();
        if (contents instanceof COSArray array) {
            for (COSBase item : array) {
                streams.add(item instanceof COSObject o ? o.getObject() : item);
            }
        } else if (contents != null) {
            streams.add(contents);
        }
        return streams;
    }

    /**
     * Content streams are compressed with Flate, LZW or ASCII filters. A hostile file that declares an image filter
     * (JBIG2, JPX, DCT, CCITT) on one makes PDFBox decode a picture as page content, which can take minutes.
     */
    static boolean plainContent(COSBase contents) {
        if (contents instanceof COSArray array) {
            for (COSBase item : array) {
                COSBase streamItem = item instanceof COSObject o ? o.getObject() : item;
                if (!plainContent(streamItem)) {
                    return false;
                }
            }
            return true;
        }
        if (contents instanceof COSStream stream) {
            COSBase filters = stream.getFilters();
            List<COSBase> names = new ArrayList<>();
            if (filters instanceof COSArray a) {
                a.forEach(names::add);
            } else if (filters != null) {
                names.add(filters);
            }
            return names.stream().allMatch(f -> f instanceof COSName n && PLAIN_FILTERS.contains(n.getName()));
        }
        return contents == null;
    }

    private static final java.util.Set<String> PLAIN_FILTERS = java.util.Set.of("FlateDecode", "Fl", "LZWDecode",
            "LZW", "ASCIIHexDecode", "AHx", "ASCII85Decode", "A85", "RunLengthDecode", "RL");

    private static final class PageImages extends PageGeometry {
        private final int number;
        private final List<UnreadImage> out;
        private final PDRectangle box;

        PageImages(PDPage page, int number, List<UnreadImage> out) {
            super(page);
            this.number = number;
            this.out = out;
            this.box = page.getCropBox();
        }

        @Override
        public void drawImage(PDImage image) {
            Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (float[] corner : new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
                Point2D.Float p = ctm.transformPoint(corner[0], corner[1]);
                minX = Math.min(minX, p.x);
                maxX = Math.max(maxX, p.x);
                minY = Math.min(minY, p.y);
                maxY = Math.max(maxY, p.y);
            }
            double left = Math.max(minX, box.getLowerLeftX()), right = Math.min(maxX, box.getUpperRightX());
            double bottom = Math.max(minY, box.getLowerLeftY()), top = Math.min(maxY, box.getUpperRightY());
            double w = box.getWidth(), h = box.getHeight();
            if (right <= left || top <= bottom || w <= 0 || h <= 0 || (right - left) * (top - bottom) < MIN_AREA_PT2) {
                return;   // off the page or a speck
            }
            double share = (right - left) * (top - bottom) / (w * h);
            // Fractions measured from the page's top-left corner, as a reader sees it.
            double fromTop = (box.getUpperRightY() - top) / h, toBottom = (box.getUpperRightY() - bottom) / h;
            double fromLeft = (left - box.getLowerLeftX()) / w, toRight = (right - box.getLowerLeftX()) / w;
            out.add(new UnreadImage("page " + number, number, image.getWidth(), image.getHeight(), share,
                    ImagePolicy.position(fromTop, toBottom, fromLeft, toRight)));
        }
    }
}
