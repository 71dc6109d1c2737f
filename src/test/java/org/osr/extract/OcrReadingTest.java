package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.review.DocumentReviewer;
import org.osr.judge.Judge;
import org.osr.review.Opinion;
import org.osr.judge.Verdict;
import org.osr.match.Hit;
import org.osr.match.RuleEngine;
import org.osr.ocr.OcrMode;
import org.osr.ocr.Tesseract;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.testkit.PicturePackages;
import org.osr.testkit.RedInkScan;
import org.osr.testkit.ScannedPage;
import org.osr.testkit.Slow;

/**
 * With OCR on, a marking that exists only as a picture is found wherever the picture is: an image file with a red
 * stamp over black text, a scan under typed lines in a PDF, a picture pasted into a DOCX or attached to a mail, a
 * "searchable" scan whose invisible text says something else. Each has a clean twin that passes.
 */
@Slow
class OcrReadingTest {
    private static RuleEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(Tesseract.problem().isEmpty(), () -> Tesseract.problem().orElse(""));
        engine = new RuleEngine(PackSources.bundled(new PackLoader()));
    }

    private static Opinion review(Path file, OcrMode mode) throws IOException {
        return new DocumentReviewer(new TikaExtractor(TikaExtractor.DEFAULT_CHAR_LIMIT, mode), engine,
                new Judge(Action.REDACT)).review(file, file.getFileName().toString());
    }

    private static Hit withheldByOcr(Opinion opinion) {
        assertThat(opinion.verdict()).as("%s", opinion.document().coverage()).isEqualTo(Verdict.WITHHOLD);
        return opinion.findings().stream().filter(h -> h.part().kind() == PartKind.OCR).findFirst()
                .orElseThrow(() -> new AssertionError("no finding in an ocr part: " + opinion.findings()));
    }

    private static void publishableAndComplete(Opinion opinion) {
        assertThat(opinion.document().coverage().problems()).isEmpty();
        assertThat(opinion.findings()).isEmpty();
        assertThat(opinion.verdict()).isEqualTo(Verdict.PUBLISHABLE);
    }

    private static String ocrText(Opinion opinion) {
        return opinion.document().parts().stream().filter(p -> p.kind() == PartKind.OCR).map(Part::text)
                .reduce("", String::concat);
    }

    @Test
    void redMarkingStampedOverBlackTextIsReadOnItsOwnAndTheBlackTextStaysLegible() throws Exception {
        Opinion marked = review(RedInkScan.png(dir.resolve("stamped.png"), "机密★5年"), OcrMode.AUTO);
        withheldByOcr(marked);
        assertThat(ocrText(marked)).contains("人民政府").contains("各街道办事处");

        Opinion clean = review(RedInkScan.png(dir.resolve("red-head.png"), "防汛专刊"), OcrMode.AUTO);
        publishableAndComplete(clean);
        assertThat(clean.document().coverage().ocr().pages()).isEqualTo(1);
    }

    @Test
    void pdfPageWithTypedLinesOverAScanHoldingARedMarkingIsReadInAutoMode() throws Exception {
        List<String> typed = List.of("附件：来文扫描件", "请各单位按照要求做好相关工作。");
        Path marked = RedInkScan.pdfUnderTypedLines(dir.resolve("annex.pdf"), RedInkScan.render("机密★5年"), typed);
        Opinion opinion = review(marked, OcrMode.AUTO);

        Hit hit = withheldByOcr(opinion);
        assertThat(opinion.document().parts()).filteredOn(p -> p.kind() == PartKind.OCR).singleElement()
                .satisfies(p -> assertThat(p.paged()).isTrue());
        assertThat(hit.page()).isEqualTo(1);
        assertThat(opinion.document().coverage().images().unread()).isZero();
        assertThat(opinion.document().coverage().ocr().pages()).isEqualTo(1);

        Path clean = RedInkScan.pdfUnderTypedLines(dir.resolve("annex-clean.pdf"), RedInkScan.render(""), typed);
        publishableAndComplete(review(clean, OcrMode.AUTO));
    }

    @Test
    void docxWithTheMarkedNoticePastedInAsAPictureIsWithheldFromItsOcrPart() throws Exception {
        byte[] marked = RedInkScan.png(ScannedPage.render());
        Opinion opinion = review(PicturePackages.docx(dir.resolve("notice.docx"), marked, 2400, 1000), OcrMode.AUTO);

        Hit hit = withheldByOcr(opinion);
        assertThat(hit.part().embeddedPath()).isEqualTo("notice.docx!/word/media/image1.png");
        assertThat(opinion.document().coverage().images().unread()).isZero();
        assertThat(opinion.document().coverage().ocr().images()).isEqualTo(1);

        byte[] clean = RedInkScan.png(RedInkScan.render(""));
        Opinion twin = review(PicturePackages.docx(dir.resolve("clean.docx"), clean, 2000, 1200), OcrMode.AUTO);
        publishableAndComplete(twin);
        assertThat(ocrText(twin)).contains("人民政府");
    }

    @Test
    void mailWithAPictureOfTheMarkedNoticeAttachedIsWithheld() throws Exception {
        Path eml = PicturePackages.eml(dir.resolve("mail.eml"), RedInkScan.png(ScannedPage.render()), "scan.png");
        Hit hit = withheldByOcr(review(eml, OcrMode.AUTO));
        assertThat(hit.part().embeddedPath()).isEqualTo("mail.eml!/scan.png");
    }

    @Test
    void htmlPageWithTheMarkedNoticeAsADataUriImageIsWithheld() throws Exception {
        Path html = dir.resolve("inline.html");
        Files.writeString(html, "<html><head><title>通知</title></head><body><p>请查收。</p><img src=\"data:image/png;base64,"
                + java.util.Base64.getEncoder().encodeToString(RedInkScan.png(ScannedPage.render())) + "\"></body></html>");
        Opinion opinion = review(html, OcrMode.AUTO);
        Hit hit = withheldByOcr(opinion);
        assertThat(hit.part().embeddedPath()).startsWith("inline.html!/");
        assertThat(opinion.document().coverage().images().unread()).isZero();
    }

    @Test
    void searchableScanWhoseInvisibleTextSaysSomethingElseDisagreesAndIsWithheld() throws Exception {
        String other = "本单位定于下周五举行秋季运动会\n请各部门提前做好报名和后勤准备工作\n运动会期间注意安全";
        Path pdf = RedInkScan.searchablePdf(dir.resolve("searchable.pdf"), ScannedPage.render(), other);

        Opinion forced = review(pdf, OcrMode.FORCE);
        withheldByOcr(forced);
        assertThat(forced.document().coverage().ocr().disagree()).containsExactly(1);

        // Without force the page is read too: its image covers a page share the image policy would flag.
        Opinion auto = review(pdf, OcrMode.AUTO);
        withheldByOcr(auto);
        assertThat(auto.document().coverage().ocr().disagree()).isEmpty();

        BufferedImage notice = RedInkScan.render("");
        Path honest = RedInkScan.searchablePdf(dir.resolve("honest.pdf"), notice, RedInkScan.NOTICE_TEXT);
        Opinion twin = review(honest, OcrMode.FORCE);
        publishableAndComplete(twin);
        assertThat(twin.document().coverage().ocr().disagree()).isEmpty();
        assertThat(twin.document().coverage().ocr().pages()).isEqualTo(1);
    }

    @Test
    void scannedPdfInsideAZipIsReadPageByPage() throws Exception {
        Path scan = ScannedPage.pdf(dir.resolve("scan.pdf"));
        Path zip = dir.resolve("scans.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("inbox/scan.pdf"));
            out.write(Files.readAllBytes(scan));
        }
        Opinion opinion = review(zip, OcrMode.AUTO);
        Hit hit = withheldByOcr(opinion);
        assertThat(hit.part().embeddedPath()).isEqualTo("scans.zip!/inbox/scan.pdf");
        assertThat(hit.page()).isEqualTo(1);
    }

    @Test
    void aTextPageWithASmallLogoIsNotOcrdAndItsLogoStaysUnreadButHarmless() throws Exception {
        Path pdf = dir.resolve("logo.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            BufferedImage logo = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream cs =
                         new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 11);
                cs.newLineAtOffset(60, 700);
                cs.showText("Notice on flood prevention work: keep duty rosters staffed before the rainy season.");
                cs.endText();
                cs.drawImage(org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, logo),
                        500, 40, 57, 57);
            }
            doc.save(pdf.toFile());
        }
        Opinion opinion = review(pdf, OcrMode.AUTO);
        publishableAndComplete(opinion);
        assertThat(opinion.document().coverage().ocr().pages()).isZero();
        assertThat(opinion.document().coverage().images().unread()).isEqualTo(1);
    }

    @Test
    void anImageOcrCannotDecodeStaysUnreadAndIsNamed() throws Exception {
        byte[] png = RedInkScan.png(ScannedPage.render());
        Path zip = dir.resolve("bundle.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("扫描件见附件。".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("scan.png"));
            out.write(Arrays.copyOf(png, 200));   // the header and the start of the pixels: the rest is lost
        }
        Opinion opinion = review(zip, OcrMode.AUTO);
        assertThat(opinion.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(opinion.document().coverage().problems()).extracting(Problem::code).contains(Problem.UNREAD_IMAGE);
        assertThat(opinion.document().coverage().images().flagged()).singleElement().asString()
                .contains("scan.png").contains("OCR failed");
    }
}
