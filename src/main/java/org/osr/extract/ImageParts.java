package org.osr.extract;

import java.util.List;
import org.osr.ocr.ImageOcr;
import org.osr.ocr.OcrException;

/** Raster image files (not SVG: Tika reads its text): what Tika found, and with OCR on, every frame read. */
final class ImageParts implements FormatReader {

    @Override
    public boolean reads(Input file) {
        return ImageCensus.isRaster(file.mediaType());
    }

    @Override
    public boolean read(Input file, List<Part> parts, List<Problem> problems) {
        file.addTikaBody(parts);
        if (file.ocr().on()) {
            ocr(file, parts, problems);
        }
        return true;
    }

    /** '\f' between frames. */
    private static void ocr(Input file, List<Part> parts, List<Problem> problems) {
        try {
            String text = file.imageOcr().readFile(file.path());
            file.ocrOutcome().pages += (int) text.chars().filter(c -> c == Part.PAGE_BREAK).count() + 1;
            String tidy = TikaExtractor.tidy(text);
            if (!tidy.isBlank()) {
                parts.add(new Part(PartKind.OCR, tidy, text.indexOf(Part.PAGE_BREAK) >= 0, null, ImageOcr.source()));
            }
        } catch (OcrException e) {
            problems.add(PdfOcr.problem("the image", e));
        }
    }
}
