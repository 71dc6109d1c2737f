package org.osr.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.metadata.Metadata;
import org.osr.ocr.ImageOcr;
import org.osr.ocr.OcrException;
import org.osr.ocr.OcrMode;
import org.osr.ocr.PageRendering;
import org.osr.ocr.TextAgreement;

/**
 * Which PDF pages OCR reads, and what it made of them. AUTO reads the pages whose text layer cannot be the whole
 * page: (almost) no text ({@link ScannedPages#MIN_CHARS}), glyphs that did not decode ({@link GlyphCensus}), or an
 * image {@link ImagePolicy} would flag (a scan under a few typed lines, a scanned red head above typed text). FORCE
 * reads every page and compares each page's OCR text with its text layer ({@link TextAgreement}).
 */
final class PdfOcr {
    /**
     * @param part      the {@code ocr} part, one page of text per PDF page ('\f' between; empty for pages not read),
     *                  or null when OCR read nothing
     * @param readPages 1-based pages OCR read
     * @param problems  pages OCR could not read
     */
    record Result(Part part, Set<Integer> readPages, List<Problem> problems, Coverage.Ocr summary) {
    }

    private PdfOcr() {
    }

    /** @param textLayer the body text, '\f' between pages */
    static Result read(PdfFile pdf, Metadata md, String textLayer, OcrMode mode, ImageOcr ocr) {
        List<Problem> problems = new ArrayList<>();
        PDDocument doc;
        try {
            doc = pdf.document();
        } catch (IOException e) {
            return new Result(null, Set.of(), List.of(new Problem(Problem.OCR_FAILED, "the pages could not be "
                    + "rendered for OCR: " + e.getMessage())), new Coverage.Ocr(0, 0, List.of()));
        }
        int pageCount = doc.getNumberOfPages();
        Set<Integer> wanted = mode == OcrMode.FORCE ? allPages(pageCount) : autoPages(pdf, md, textLayer, pageCount);
        String[] layerPages = textLayer.split(String.valueOf(Part.PAGE_BREAK), -1);
        String[] texts = new String[pageCount];
        Set<Integer> read = new TreeSet<>();
        List<Integer> disagree = new ArrayList<>();
        for (int page : wanted) {
            if (Thread.currentThread().isInterrupted()) {
                problems.add(new Problem(Problem.TIMEOUT, "OCR was stopped at the file's deadline before page " + page));
                break;
            }
            try {
                if (!PdfImages.plainContent(doc.getPage(page - 1).getCOSObject()
                        .getDictionaryObject(COSName.CONTENTS))) {
                    throw new OcrException(false, "its content stream is encoded as an image");
                }
                String text = ocr.read(PageRendering.render(doc, page - 1), PageRendering.dpi(doc, page - 1));
                texts[page - 1] = TikaExtractor.tidy(text).replace("\f", "\n");
                read.add(page);
                String layer = page <= layerPages.length ? layerPages[page - 1] : "";
                if (mode == OcrMode.FORCE && layer.strip().length() >= ScannedPages.MIN_CHARS
                        && !TextAgreement.agree(text, layer)) {
                    disagree.add(page);
                }
            } catch (OcrException e) {
                problems.add(problem("page " + page, e));
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(Problem.OCR_FAILED, "page " + page + " could not be rendered for OCR: " + e));
            }
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < pageCount; i++) {
            joined.append(i == 0 ? "" : String.valueOf(Part.PAGE_BREAK)).append(Objects.requireNonNullElse(texts[i], ""));
        }
        Part part = joined.toString().isBlank() ? null
                : new Part(PartKind.OCR, joined.toString(), true, null, ImageOcr.source());
        return new Result(part, read, problems, new Coverage.Ocr(read.size(), 0, disagree));
    }

    /** A picture OCR could not read: a timeout, or a named failure ({@code what}: "page 3", "the image"). */
    static Problem problem(String what, OcrException e) {
        return e.timeout() ? new Problem(Problem.TIMEOUT, "OCR of " + what + " did not finish: " + e.getMessage()
                + "; it is unreviewed")
                : new Problem(Problem.OCR_FAILED, what + " could not be read with OCR: " + e.getMessage());
    }

    private static Set<Integer> allPages(int pageCount) {
        Set<Integer> pages = new TreeSet<>();
        for (int i = 1; i <= pageCount; i++) {
            pages.add(i);
        }
        return pages;
    }

    private static Set<Integer> autoPages(PdfFile pdf, Metadata md, String textLayer, int pageCount) {
        Set<Integer> pages = new TreeSet<>();
        ScannedPages.nearlyEmpty(md).forEach(index -> pages.add(index + 1));
        GlyphCensus.undecodablePages(textLayer, md).forEach(pages::add);
        ImagePolicy.flags(pdf.images(), Long.MAX_VALUE).stream().map(f -> f.image().page())
                .filter(Objects::nonNull).forEach(pages::add);
        pages.removeIf(p -> p > pageCount);
        return pages;
    }
}
