package org.osr.extract;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A PDF opened once with PDFBox, for every check that looks into it after Tika has read it (page tree, scanned pages,
 * page images, symbol-font glyphs), instead of each check parsing the file again: the document Tika loaded, when it
 * lent it ({@link SharedPdfParser}), otherwise the file loaded on first use.
 */
final class PdfFile implements AutoCloseable {
    private final Path path;
    private PDDocument document;
    private Exception failure;
    /** Tika's document, when it lent it: {@link #document} is a view of it that Tika's close leaves open. */
    private PDDocument lent;
    /** The file loaded again, when Tika lent its document and a check needs the objects as the file has them. */
    private PdfFile untouched;
    private java.util.List<UnreadImage> images;

    PdfFile(Path path) {
        this.path = path;
    }

    /** @throws IOException when PDFBox alone cannot open the file (every later call says so again) */
    PDDocument document() throws IOException {
        if (failure != null) {
            throw new IOException("PDFBox cannot open the file: " + failure.getMessage(), failure);
        }
        if (document == null) {
            try {
                document = Loader.loadPDF(path.toFile());
            } catch (IOException | RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return document;
    }

    /**
     * The document as loaded from the file, before anything walked its pages: reading pages makes PDFBox mend what it
     * finds (a page-tree entry pointing at a missing object), which {@link PdfPageTree} has to see as the file has it.
     */
    PDDocument untouched() throws IOException {
        if (lent == null) {
            return document();
        }
        if (untouched == null) {
            untouched = new PdfFile(path);
        }
        return untouched.document();
    }

    /**
     * Takes the document Tika loaded for this file and returns the view of it Tika should read: the same objects and
     * the same font cache, but closing it does nothing; this PdfFile closes the document when it is closed.
     */
    PDDocument lend(PDDocument tikas) {
        if (document != null || failure != null) {
            return tikas;
        }
        lent = tikas;
        document = new PDDocument(tikas.getDocument(), null, tikas.getCurrentAccessPermission()) {
            @Override
            public void close() {
                // the PdfFile's to close, once osr's checks are done with it
            }
        };
        return document;
    }

    /** Whether the document is the one Tika loaded and lent. */
    boolean borrowed() {
        return lent != null;
    }

    /** The images drawn on the pages ({@link PdfImages#census}), walked once. */
    java.util.List<UnreadImage> images() {
        if (images == null) {
            images = PdfImages.census(this);
        }
        return images;
    }

    @Override
    public void close() {
        if (untouched != null) {
            untouched.close();
        }
        PDDocument owned = lent != null ? lent : document;
        if (owned != null) {
            try {
                owned.close();
            } catch (IOException e) {
                // read-only; nothing to lose
            }
        }
    }
}
