package org.osr.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * The checks that name what was parsed but not read, whichever reader read the file: a damaged PDF page tree, a
 * file with no readable text, PDF pages with no text layer, a file cut short, an error the parser worked around.
 */
final class FailClosedChecks {

    private FailClosedChecks() {
    }

    /**
     * Run before any reader: PDFBox repairs a broken page tree as it walks it, and the check would no longer see the
     * damage. Reported by {@link #afterReading}.
     */
    static List<Problem> beforeReading(FormatReader.Input file) {
        return PdfParts.isPdf(file.mediaType(), file.metadata()) ? PdfPageTree.check(file.pdf(), file.metadata())
                : List.of();
    }

    static void afterReading(FormatReader.Input file, List<Problem> beforeReading, List<Part> parts,
                             List<Problem> problems) {
        boolean ocr = file.ocr().on();
        boolean pdf = PdfParts.isPdf(file.mediaType(), file.metadata());
        problems.addAll(beforeReading);
        problems.addAll(readability(file.mediaType(), file.metadata(), parts, ocr));
        if (problems.isEmpty() && !ocr && pdf) {
            unreadPages(file.pdf(), file.metadata())
                    .forEach(message -> problems.add(new Problem(Problem.NO_TEXT_LAYER, message)));
        }
    }

    /** Fail closed on what was parsed but yielded nothing a person could read. */
    private static List<Problem> readability(String mediaType, Metadata md, List<Part> parts, boolean ocr) {
        boolean anyText = parts.stream().anyMatch(p -> p.kind() != PartKind.METADATA && !p.text().isBlank());
        if (anyText) {
            return List.of();
        }
        if (mediaType.startsWith("image/")) {
            return List.of(new Problem(Problem.NO_TEXT_LAYER, ocr ? "the file is an image and OCR found no text in it"
                    : "the file is an image; its text can only be read with OCR (--ocr)"));
        }
        if (PdfParts.isPdf(mediaType, md)) {
            Integer pages = md.getInt(org.apache.tika.metadata.PagedText.N_PAGES);
            return List.of(new Problem(Problem.NO_TEXT_LAYER, "the PDF has " + (pages == null ? "no readable"
                    : String.valueOf(pages)) + " page(s) but no text " + (ocr ? "layer, and OCR found no text on them"
                    : "layer (scanned?); it can only be read with OCR (--ocr)")));
        }
        String[] parsedBy = md.getValues(TikaCoreProperties.TIKA_PARSED_BY);
        boolean onlyEmptyParser = parsedBy.length == 0 || java.util.Arrays.stream(parsedBy)
                .allMatch(p -> p.endsWith("EmptyParser") || p.endsWith("DefaultParser"));
        if (onlyEmptyParser && !mediaType.startsWith("text/")) {
            return List.of(new Problem(Problem.UNSUPPORTED_FORMAT, "osr cannot read files of type " + mediaType));
        }
        return List.of();
    }

    /**
     * Without OCR, what the nearly textless pages of a PDF hold that no parser read: a scanned image, or text
     * converted to outlines. One message per kind, naming the pages; empty when there are none.
     */
    static List<String> unreadPages(PdfFile pdf, Metadata md) {
        List<String> messages = new ArrayList<>();
        List<Integer> scanned = ScannedPages.find(pdf, md);
        if (!scanned.isEmpty()) {
            messages.add(pageList(scanned) + " show an image but have no text layer (scanned?); they can only be read "
                    + "with OCR (--ocr)");
        }
        List<Integer> outlined = new ArrayList<>(PdfOutlinedText.find(pdf, md));
        outlined.removeAll(scanned);
        if (!outlined.isEmpty()) {
            messages.add(pageList(outlined) + " draw shapes the size of characters but have no text layer (text "
                    + "converted to outlines?); they can only be read with OCR (--ocr)");
        }
        return messages;
    }

    private static String pageList(List<Integer> pages) {
        return "page(s) " + pages.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * A file that is empty or cut short is named first: what the parser said about it follows from that. An empty
     * one held nothing, so the parser's complaints about it are dropped.
     */
    static void framing(Path file, String mediaType, List<Problem> problems) {
        List<Problem> framing = FileIntegrity.check(file, mediaType);
        if (framing.stream().anyMatch(p -> p.code().equals(Problem.EMPTY))) {
            problems.clear();
        }
        problems.addAll(0, framing);
    }

    /**
     * Exceptions Tika caught and recorded in metadata instead of throwing ({@code X-TIKA:EXCEPTION:warn}, a stream it
     * could not read, a runtime failure inside a container): the parse went on with less. Those handled elsewhere
     * (embedded failures, limits) are not repeated. None occurs on the clean corpus or the benchmark set.
     */
    static List<Problem> reportedExceptions(Metadata root, List<ParsedDocument> embedded) {
        List<Metadata> all = new ArrayList<>();
        all.add(root);
        embedded.forEach(d -> all.add(d.metadata()));
        for (Metadata md : all) {
            for (String name : md.names()) {
                if (name.startsWith(TikaCoreProperties.TIKA_META_EXCEPTION_PREFIX)
                        && !name.equals(EmbeddedParts.EMBEDDED_EXCEPTION)
                        && !name.equals(TikaCoreProperties.EMBEDDED_EXCEPTION.getName())
                        && !name.contains("limit_reached") && !name.endsWith("embedded_parser")) {
                    String where = md == root ? "" : " in embedded file " + md.get(EmbeddedGuard.PATH);
                    return List.of(new Problem(Problem.CORRUPT, "the parser worked around an error" + where
                            + " and may have dropped text (" + name.substring(name.lastIndexOf(':') + 1) + ": "
                            + TikaExtractor.firstLine(String.valueOf(md.get(name))) + ")"));
                }
            }
        }
        return List.of();
    }
}
