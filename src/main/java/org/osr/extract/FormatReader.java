package org.osr.extract;

import java.nio.file.Path;
import java.util.List;
import org.apache.tika.metadata.Metadata;
import org.osr.ocr.ImageOcr;
import org.osr.ocr.OcrMode;

/**
 * Reads the parts of one family of formats from the file itself (its embedded files are {@link EmbeddedParts}').
 * {@link TikaExtractor} asks its readers in order; the first that reads the file's type and succeeds gives its parts.
 */
interface FormatReader {

    /** Whether the file is of a type this reader reads. */
    boolean reads(Input file);

    /**
     * Adds the file's parts and what could not be read of it. False when this reader could not read the file after
     * all and the next reader that reads its type should (a legacy Word file HWPF cannot open keeps Tika's text).
     */
    boolean read(Input file, List<Part> parts, List<Problem> problems);

    /**
     * What a reader may need: the file, its media type, what Tika parsed of it, the file as PDFBox opens it (on first
     * use, so only PDF readers pay for it), and OCR's settings and tally.
     */
    record Input(Path path, String mediaType, ParsedDocument tika, PdfFile pdf, OcrMode ocr, ImageOcr imageOcr,
                 OcrOutcome ocrOutcome) {

        Metadata metadata() {
            return tika.metadata();
        }

        /** Tika's text of the file, tidied, with the blocks its XHTML showed. */
        TidyText tikaBody() {
            return TidyText.of(tika.text().body(), tika.blocks());
        }

        /** Tika's text as the file's body part, unless it is blank. */
        void addTikaBody(List<Part> parts) {
            TidyText body = tikaBody();
            addBody(body.text(), body.blocks(), parts);
        }

        /** The file's body part, unless it is blank. */
        void addBody(String body, List<Block> blocks, List<Part> parts) {
            if (!body.isBlank()) {
                parts.add(new Part(PartKind.BODY, body, tika.text().paged(), null, null, blocks));
            }
        }
    }
}
