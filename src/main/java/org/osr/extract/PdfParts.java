package org.osr.extract;

import java.util.List;
import org.apache.tika.metadata.Metadata;

/**
 * PDF files: Tika's text with symbol-font glyphs mapped ({@link PdfSymbolGlyphs}), turned text joined ({@link
 * PdfTurnedText}) and placed lines as blocks ({@link PdfLines}); with OCR on, the pages {@link PdfOcr} reads.
 */
final class PdfParts implements FormatReader {

    /** PDF and formats that are PDF inside (Adobe Illustrator files are detected as application/illustrator). */
    static boolean isPdf(String mediaType, Metadata md) {
        return mediaType.equals("application/pdf") || md.get("pdf:PDFVersion") != null;
    }

    @Override
    public boolean reads(Input file) {
        return isPdf(file.mediaType(), file.metadata());
    }

    @Override
    public boolean read(Input file, List<Part> parts, List<Problem> problems) {
        PdfFile pdf = file.pdf();
        String mapped = PdfSymbolGlyphs.map(pdf, file.tikaBody().text());
        String body = PdfTurnedText.join(pdf, mapped);
        file.addBody(body, PdfLines.blocks(pdf, body, PdfLines.pagesToPlace(mapped, body)), parts);
        if (file.ocr().on()) {
            file.ocrOutcome().add(PdfOcr.read(pdf, file.metadata(), body, file.ocr(), file.imageOcr()), null, parts,
                    problems);
        }
        return true;
    }
}
