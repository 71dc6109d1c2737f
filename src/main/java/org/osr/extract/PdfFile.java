package org.osr.extract;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A PDF opened once with PDFBox, on first use, for every check that looks into it after Tika has read it (page tree,
 * scanned pages, page images, symbol-font glyphs), instead of each check parsing the file again.
 */
final class PdfFile implements AutoCloseable {
    private final Path path;
    private PDDocument document;
    private Exception failure;
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

    /** The images drawn on the pages ({@link PdfImages#census}), walked once. */
    java.util.List<UnreadImage> images() {
        if (images == null) {
            images = PdfImages.census(this);
        }
        return images;
    }

    @Override
    public void close() {
        if (document != null) {
            try {
                document.close();
            } catch (IOException e) {
                // read-only; nothing to lose
            }
        }
    }
}
