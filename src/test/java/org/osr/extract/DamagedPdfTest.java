package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.Damage;
import org.osr.testkit.SampleDocuments;

/**
 * A PDF that lost pages, or their content, reads as a shorter or blanker document: PDFBox repairs what it can and
 * Tika reports the rest as read. The marking is on page 2, so each damaged file would otherwise pass as clean.
 */
class DamagedPdfTest {
    private static final String MARKING = "机密★5年";
    private static final List<List<String>> PAGES = List.of(
            List.of("××区人民政府", "关于做好防汛工作的通知"),
            List.of(MARKING, "请各单位于六月底前完成汛前检查。"),
            List.of("附件：防汛值班表"));

    private final TikaExtractor extractor = new TikaExtractor();

    @TempDir
    Path tmp;

    /** Every object in plain sight, so the damaged variants can be made from it. */
    private static byte[] threePages() throws IOException {
        return Damage.uncompressedPdf(SampleDocuments.pdf(PAGES, "关于做好防汛工作的通知"));
    }

    private Document read(byte[] pdf) throws IOException {
        Path file = tmp.resolve("notice.pdf");
        Files.write(file, pdf);
        return extractor.extract(file, "notice.pdf");
    }

    private static Problem problem(Document doc, String code) {
        assertThat(doc.coverage().complete()).as("complete").isFalse();
        return doc.coverage().problems().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " problem in " + doc.coverage().problems()));
    }

    @Test
    void cleanTwinIsReadCompletelyWithTheMarkingOnPageTwo() throws Exception {
        Document doc = read(threePages());

        assertThat(doc.coverage().complete()).isTrue();
        assertThat(doc.coverage().pages()).isEqualTo(3);
        assertThat(doc.bodyText().split("\f")[1]).contains(MARKING);
    }

    @Test
    void blankPageByDesignIsNotDamage() throws Exception {
        byte[] pdf = SampleDocuments.pdf(List.of(PAGES.get(0), List.of(), PAGES.get(2)), "空白页");

        Document doc = read(Damage.uncompressedPdf(pdf));

        assertThat(doc.coverage().problems()).isEmpty();
        assertThat(doc.coverage().pages()).isEqualTo(3);
    }

    @Test
    void pageTakenOutOfThePageTreeWhileItsCountStaysIsNamed() throws Exception {
        Document doc = read(Damage.pdfWithoutPage(threePages(), 1));

        assertThat(problem(doc, Problem.CORRUPT).message()).contains("declares 3 pages but only 2 could be read");
    }

    @Test
    void pageTreeEntryPointingAtAMissingObjectIsNamed() throws Exception {
        Document doc = read(Damage.pdfPageObjectMissing(threePages(), 1));

        assertThat(problem(doc, Problem.CORRUPT).message()).startsWith("page(s) 2 are missing from the file");
    }

    @Test
    void pageWhoseContentObjectIsMissingIsNamed() throws Exception {
        Document doc = read(Damage.pdfContentObjectMissing(threePages(), 1));

        assertThat(problem(doc, Problem.CORRUPT).message()).contains("content of page(s) 2 is missing");
    }

    @Test
    void fileCutMidwayThroughPageTwoIsCutShortAndNamesThePagesLost() throws Exception {
        Document doc = read(Damage.pdfCutInsideContent(threePages(), 1));

        assertThat(problem(doc, Problem.CUT_SHORT).message()).contains("no end-of-file marker (%%EOF)");
        assertThat(problem(doc, Problem.CORRUPT).message()).contains("content of page(s) 2, 3 is missing");
        assertThat(doc.coverage().problems().get(0).code()).isEqualTo(Problem.CUT_SHORT);
    }

    @Test
    void garbageInPlaceOfPageContentIsNamed() throws Exception {
        Document doc = read(Damage.pdfGarbageContent(threePages(), 1, false));

        assertThat(problem(doc, Problem.CORRUPT).message()).contains("content of page(s) 2 is not PDF page content");
    }

    @Test
    void garbageLabelledAsFlateIsNamed() throws Exception {
        Document doc = read(Damage.pdfGarbageContent(threePages(), 1, true));

        assertThat(problem(doc, Problem.CORRUPT).message())
                .contains("content of page(s) 2 cannot be decoded (FlateDecode data is damaged)");
    }

    /** Every page is there, but whatever came after the cut (a later revision, say) is not. */
    @Test
    void fileMissingOnlyItsEndOfFileMarkerIsCutShort() throws Exception {
        byte[] pdf = threePages();
        String tail = new String(pdf, pdf.length - 7, 7, StandardCharsets.ISO_8859_1);
        assertThat(tail).contains("%%EOF");

        Document doc = read(Damage.withoutLast(pdf, 7));

        assertThat(problem(doc, Problem.CUT_SHORT).message()).contains("%%EOF");
        assertThat(doc.bodyText()).contains(MARKING);
    }
}
