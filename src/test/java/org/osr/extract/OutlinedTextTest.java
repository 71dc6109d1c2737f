package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.OutlinedPdf;
import org.osr.testkit.OutlinedPdf.Line;
import org.osr.testkit.Slow;

/**
 * Text converted to outlines reads as a blank page to every extractor. A page that paints character-sized outlines
 * and has no text layer is named (no-text-layer), never passed as read; drawings that are not text shapes are not.
 */
class OutlinedTextTest {
    private static final List<Line> NOTICE = List.of(Line.text("某某区人民政府关于做好防汛工作的通知", 16),
            Line.text("各街道办事处，区政府各部门：现将有关事项通知如下。", 16),
            Line.text("请各单位结合实际认真贯彻落实，确保安全度汛。", 16));

    @TempDir
    Path tmp;

    @Test
    void aPageWhoseMarkingAndTitleAreOutlinesIsNotReadAsBlank() throws Exception {
        Document doc = extract("outlined.pdf", OutlinedPdf.pages(List.of(List.of(Line.outlined("000318", 16),
                Line.outlined("机密★5年", 16), Line.outlined("关于做好防汛工作的通知", 22)))));

        assertThat(doc.coverage().problems()).extracting(Problem::code).contains(Problem.NO_TEXT_LAYER);
    }

    @Test
    void anOutlinedAnnexPageBehindATypedNoticeIsNamedByItsPage() throws Exception {
        Document doc = extract("annex.pdf", OutlinedPdf.pages(List.of(NOTICE,
                List.of(Line.outlined("附件", 16), Line.outlined("机密★5年", 16)))));

        assertThat(doc.coverage().problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Problem.NO_TEXT_LAYER);
            assertThat(p.message()).startsWith("page(s) 2 ").contains("outlines");
        });
    }

    @Test
    @Slow
    void withOcrAnOutlinedPageIsReadByTesseract() throws Exception {
        org.assertj.core.api.Assumptions.assumeThat(org.osr.ocr.Tesseract.problem()).as("tesseract with chi_sim")
                .isEmpty();
        Path file = tmp.resolve("annex.pdf");
        Files.write(file, OutlinedPdf.pages(List.of(NOTICE, List.of(Line.outlined("附件", 22),
                Line.outlined("机密★5年", 22), Line.outlined("防汛物资储备清单", 22)))));
        Document doc = new TikaExtractor(TikaExtractor.DEFAULT_CHAR_LIMIT, org.osr.ocr.OcrMode.AUTO)
                .extract(file, "annex.pdf");

        assertThat(doc.coverage().problems()).isEmpty();
        Part ocr = doc.parts().stream().filter(p -> p.kind() == PartKind.OCR).findFirst().orElseThrow();
        String[] pages = ocr.text().split("\f", -1);
        assertThat(pages[0]).isBlank();
        assertThat(pages[1].replace(" ", "")).contains("附件").containsPattern("机密.?5年");
    }

    @Test
    void aPageOfBarsAndFramesAfterATypedNoticeIsNotTakenForText() throws Exception {
        byte[] bars = OutlinedPdf.barsOnly();
        Document barsAlone = extract("bars.pdf", bars);
        // A PDF with no text at all is a scan or a drawing either way: the whole-file check names it.
        assertThat(barsAlone.coverage().problems()).extracting(Problem::message)
                .noneMatch(d -> d.contains("outlines"));

        Document doc = extract("chart.pdf", OutlinedPdf.pages(List.of(NOTICE, List.of())));
        assertThat(doc.coverage().problems()).isEmpty();
        assertThat(doc.coverage().complete()).isTrue();
    }

    @Test
    void anOutlinedRedHeadAboveTypedTextIsLeftToTheTextLayer() throws Exception {
        // Red heads (××市人民政府文件) are often outlines in a template; the page's own text is read. Outlined text on a
        // page that has a text layer is the documented limit of this check, not a reason to stop every such notice.
        List<Line> page = new java.util.ArrayList<>();
        page.add(Line.outlined("某某区人民政府文件", 36));
        page.addAll(NOTICE);
        Document doc = extract("redhead.pdf", OutlinedPdf.pages(List.of(page)));

        assertThat(doc.coverage().problems()).isEmpty();
    }

    private Document extract(String name, byte[] bytes) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, bytes);
        return new TikaExtractor().extract(file, name);
    }
}
