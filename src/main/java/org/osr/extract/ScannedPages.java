package org.osr.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.tika.metadata.Metadata;

/**
 * Finds PDF pages that show an image but carry (almost) no text: scanned pages. A text PDF with one scanned page (a
 * signed cover, an annex) must not pass as read. Blank pages without images are not scanned pages. Tika counts the
 * characters per page ({@code pdf:charsPerPage}); only when a page has almost none is the file opened again with
 * PDFBox to look for images, so ordinary PDFs pay nothing.
 */
final class ScannedPages {
    /**
     * Fewer characters than this beside a page-sized image means the page's content is the image (a page number, a
     * caption or a "Blank Page" stamp is not a text layer). A figure page counts too: text inside an image is unread.
     */
    static final int MIN_CHARS = 20;
    /** Smaller images are logos and seals, not page scans. */
    static final long MIN_IMAGE_PIXELS = 200_000;

    private ScannedPages() {
    }

    /** 1-based numbers of the pages that look scanned; empty when none do or the file cannot be opened again. */
    static List<Integer> find(PdfFile pdf, Metadata md) {
        List<Integer> nearlyEmpty = nearlyEmpty(md);
        if (nearlyEmpty.isEmpty()) {
            return List.of();
        }
        List<Integer> scanned = new ArrayList<>();
        try {
            PDDocument doc = pdf.document();
            for (int index : nearlyEmpty) {
                if (index < doc.getNumberOfPages()
                        && hasLargeImage(doc.getPage(index).getResources(), 0, new java.util.HashSet<>())) {
                    scanned.add(index + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();   // Tika read it; if PDFBox alone cannot, Tika's verdict on the text stands
        }
        return scanned;
    }

    /** 0-based indexes of the pages with fewer than {@link #MIN_CHARS} characters in Tika's count. */
    static List<Integer> nearlyEmpty(Metadata md) {
        String[] perPage = md.getValues("pdf:charsPerPage");
        List<Integer> nearlyEmpty = new ArrayList<>();
        for (int i = 0; i < perPage.length; i++) {
            try {
                if (Integer.parseInt(perPage[i].trim()) < MIN_CHARS) {
                    nearlyEmpty.add(i);
                }
            } catch (NumberFormatException e) {
                nearlyEmpty.add(i);
            }
        }
        return nearlyEmpty;
    }

    /** Forms may share and nest resources; each form is looked into once, or a page can cost forever. */
    private static boolean hasLargeImage(PDResources resources, int depth, java.util.Set<Object> seen)
            throws IOException {
        if (resources == null || depth > 3) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x == null || !seen.add(x.getCOSObject())) {
                continue;
            }
            if (x instanceof PDImageXObject image && (long) image.getWidth() * image.getHeight() >= MIN_IMAGE_PIXELS) {
                return true;
            }
            if (x instanceof PDFormXObject form && hasLargeImage(form.getResources(), depth + 1, seen)) {
                return true;
            }
        }
        return false;
    }
}
