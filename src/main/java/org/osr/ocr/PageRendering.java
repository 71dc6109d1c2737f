package org.osr.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A PDF page drawn as a picture for OCR: at 300 dpi, or less for a page so large it would pass the pixel cap. */
public final class PageRendering {
    private PageRendering() {
    }

    /** @param index 0-based page index */
    public static BufferedImage render(PDDocument doc, int index) throws IOException {
        return new PDFRenderer(doc).renderImageWithDPI(index, dpi(doc, index).floatValue(), ImageType.RGB);
    }

    /** The resolution {@link #render} draws at, for {@link ImageOcr#read(BufferedImage, Double)}. */
    public static Double dpi(PDDocument doc, int index) {
        PDRectangle box = doc.getPage(index).getCropBox();
        double inches2 = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
        return inches2 * PreparedImage.DPI * PreparedImage.DPI > PreparedImage.MAX_PIXELS
                ? Math.sqrt(PreparedImage.MAX_PIXELS / inches2) : (double) PreparedImage.DPI;
    }
}
