package org.osr.extract;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.osr.ocr.ImageOcr;
import org.osr.ocr.OcrMode;

/**
 * The parts of the files embedded in a file (attachments, objects in a document, a package's media), each named by
 * its path inside the file, and what could not be read of them.
 */
final class EmbeddedParts {
    static final String EMBEDDED_EXCEPTION = TikaCoreProperties.TIKA_META_EXCEPTION_PREFIX + "embedded_exception";

    private final OcrMode ocr;
    private final ImageOcr imageOcr;

    EmbeddedParts(OcrMode ocr, ImageOcr imageOcr) {
        this.ocr = ocr;
        this.imageOcr = imageOcr;
    }

    void add(Path file, String mediaType, String displayPath, List<ParsedDocument> embedded, EmbeddedGuard guard,
             List<Part> parts, List<Problem> problems, OcrOutcome ocrOutcome) {
        Map<String, String> media = null;
        for (ParsedDocument doc : embedded) {
            Metadata md = doc.metadata();
            String resource = md.get(EmbeddedGuard.PATH);
            if (resource == null) {
                resource = md.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH);
            }
            String path = fileName(displayPath) + "!" + (resource == null ? "/?" : resource);
            String failure = md.get(EMBEDDED_EXCEPTION);
            if (failure == null) {
                failure = md.get(TikaCoreProperties.EMBEDDED_EXCEPTION);
            }
            if (failure != null && failure.contains("ZeroByteFileException")) {
                failure = null;   // an empty embedded object (a blank image placeholder) holds nothing to review
            }
            if (failure != null) {
                problems.add(failure(path, failure));
            } else if (unreadType(md)) {
                problems.add(new Problem(Problem.UNSUPPORTED_FORMAT, "embedded file " + path + ": osr cannot read "
                        + "files of type " + TikaExtractor.baseType(md.get(Metadata.CONTENT_TYPE))));
            }
            int before = parts.size();
            EmbeddedGuard.DocxResult docx = guard.docx(md);
            if (docx != null && docx.failure() != null) {
                problems.add(new Problem(Problem.CORRUPT, "embedded file " + path + ": the document's XML could "
                        + "not be read: " + docx.failure()));
            }
            if (docx != null && docx.failure() == null) {
                for (Part p : docx.parts()) {
                    PartKind kind = p.kind() == PartKind.BODY ? PartKind.EMBEDDED : p.kind();
                    parts.add(new Part(kind, p.text(), p.paged(), path, p.source(), p.blocks()));
                }
            } else {
                TidyText text = TidyText.of(doc.text().body() + "\n" + doc.text().annotations(), doc.blocks());
                if (!text.text().isBlank()) {
                    parts.add(new Part(PartKind.EMBEDDED, text.text(), doc.text().paged(), path, null,
                            text.blocks()));
                }
            }
            pdfPages(guard.pdfCopy(md), md, doc, path, parts, problems, ocrOutcome);
            problems.addAll(GlyphCensus.check(parts.subList(before, parts.size()), md));
            EmbeddedGuard.ImageReading image = guard.image(md);
            if (image != null && image.read() && mediaType.contains("openxmlformats-officedocument")
                    && resource != null && resource.indexOf('/', 1) < 0) {
                // A package's own medium: named by its place in the package, not by its file name alone.
                media = media == null ? OoxmlImages.mediaPaths(file) : media;
                String inPackage = media.get(resource.substring(1));
                path = inPackage == null ? path : fileName(displayPath) + "!/" + inPackage;
            }
            image(image, path, parts, problems, ocrOutcome);
            MetadataParts.add(md, path, parts);
        }
    }

    /** What OCR read of an embedded image (null: none was read): an {@code ocr} part, or a timeout. */
    private static void image(EmbeddedGuard.ImageReading image, String path, List<Part> parts,
                              List<Problem> problems, OcrOutcome ocrOutcome) {
        if (image != null && image.read()) {
            ocrOutcome.images++;
            String text = TikaExtractor.tidy(image.text());
            if (!text.isBlank()) {
                parts.add(new Part(PartKind.OCR, text, text.indexOf(Part.PAGE_BREAK) >= 0, path, ImageOcr.source()));
            }
        } else if (image != null && image.failure().timeout()) {
            // Other failures leave the image unread: the census names it and the image policy weighs it.
            problems.add(PdfOcr.problem("embedded image " + path, image.failure()));
        }
    }

    /**
     * The scanned pages of a PDF inside the file: OCR reads the pages it would read in the file itself ({@link
     * PdfOcr}); without OCR they are {@code no-text-layer}, as they are in the file itself.
     */
    private void pdfPages(Path copy, Metadata md, ParsedDocument doc, String path, List<Part> parts,
                          List<Problem> problems, OcrOutcome ocrOutcome) {
        if (copy == null) {
            return;
        }
        try (PdfFile embedded = new PdfFile(copy)) {
            if (!ocr.on()) {
                FailClosedChecks.unreadPages(embedded, md).forEach(message -> problems.add(new Problem(
                        Problem.NO_TEXT_LAYER, "embedded file " + path + ": " + message)));
                return;
            }
            ocrOutcome.add(PdfOcr.read(embedded, md, TikaExtractor.tidy(doc.text().body()), ocr, imageOcr), path,
                    parts, problems);
        }
    }

    /** An embedded file no parser read (images are OCR's business and excluded, like at the top level). */
    private static boolean unreadType(Metadata md) {
        String type = TikaExtractor.baseType(md.get(Metadata.CONTENT_TYPE));
        if (md.get(EmbeddedGuard.DEPTH_LIMIT_REACHED) != null || type.startsWith("image/") || type.startsWith("text/")) {
            return false;
        }
        String[] parsedBy = md.getValues(TikaCoreProperties.TIKA_PARSED_BY);
        return parsedBy.length > 0 && java.util.Arrays.stream(parsedBy)
                .allMatch(p -> p.endsWith("EmptyParser") || p.endsWith("DefaultParser"));
    }

    private static Problem failure(String path, String failure) {
        if (failure.contains("EncryptedDocumentException")) {
            return new Problem(Problem.ENCRYPTED, "embedded file " + path + " is encrypted");
        }
        if (failure.contains("ZipBombException") || failure.contains("zip bomb")) {
            return new Problem(Problem.TRUNCATED, "embedded file " + path + " expands far beyond its compressed "
                    + "size (decompression bomb?); it was not read to the end");
        }
        return new Problem(Problem.CORRUPT, "embedded file " + path + " could not be parsed: "
                + TikaExtractor.firstLine(failure));
    }

    private static String fileName(String displayPath) {
        String p = displayPath.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
