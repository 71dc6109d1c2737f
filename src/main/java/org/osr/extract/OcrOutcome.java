package org.osr.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What OCR read of one file, gathered while its parts are built. */
final class OcrOutcome {
    final Set<Integer> pdfPages = new java.util.TreeSet<>();
    final List<Integer> disagree = new ArrayList<>();
    int pages;
    int images;

    Coverage.Ocr summary() {
        return new Coverage.Ocr(pages, images, disagree);
    }

    /**
     * What OCR read of a PDF: the file itself ({@code embeddedPath} null), or a PDF inside it, whose part and
     * problems are named by its path. Only the file's own pages are listed (read, disagreeing): an embedded PDF's
     * page numbers are not the file's.
     */
    void add(PdfOcr.Result result, String embeddedPath, List<Part> parts, List<Problem> problems) {
        Part part = result.part();
        if (part != null) {
            parts.add(embeddedPath == null ? part
                    : part.embeddedIn(embeddedPath));
        }
        result.problems().forEach(p -> problems.add(embeddedPath == null ? p
                : new Problem(p.code(), "embedded file " + embeddedPath + ": " + p.message())));
        pages += result.summary().pages();
        if (embeddedPath == null) {
            pdfPages.addAll(result.readPages());
            disagree.addAll(result.summary().disagree());
        }
    }
}
