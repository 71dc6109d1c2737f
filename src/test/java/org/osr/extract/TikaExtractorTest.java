package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.DocxSpec;
import org.osr.testkit.SampleDocuments;
import org.osr.testkit.SampleNotice;

class TikaExtractorTest {
    private static final Path SAMPLES = Path.of("samples");
    private final TikaExtractor extractor = new TikaExtractor();

    @TempDir
    Path tmp;

    private Document sample(String name) throws IOException {
        return extractor.extract(SAMPLES.resolve(name), "samples/" + name);
    }

    private static List<Part> parts(Document doc, PartKind kind) {
        return doc.parts().stream().filter(p -> p.kind() == kind).toList();
    }

    private static List<String> problemCodes(Document doc) {
        return doc.coverage().problems().stream().map(Problem::code).toList();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = tmp.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void markedPdfKeepsPagesAndLinesSoTheMarkingIsOnLineTwoOfPageOne() throws Exception {
        Document doc = sample("notice-marked.pdf");

        assertThat(doc.mediaType()).isEqualTo("application/pdf");
        assertThat(doc.coverage().complete()).isTrue();
        assertThat(doc.coverage().pages()).isEqualTo(2);
        assertThat(doc.path()).isEqualTo("samples/notice-marked.pdf");
        assertThat(doc.sha256()).matches("[0-9a-f]{64}");
        Part body = parts(doc, PartKind.BODY).get(0);
        assertThat(body.paged()).isTrue();
        String[] pages = body.text().split("\f");
        assertThat(pages).hasSize(2);
        String[] page1 = pages[0].split("\n");
        assertThat(page1[0].strip()).isEqualTo(SampleNotice.COPY_NUMBER);
        assertThat(page1[1].strip()).isEqualTo(SampleNotice.MARKING);
    }

    @Test
    void markingInPageHeaderIsFoundInHeaderPart() throws Exception {
        Document doc = sample("header-marked.docx");

        assertThat(doc.coverage().complete()).isTrue();
        assertThat(parts(doc, PartKind.HEADER)).anySatisfy(p ->
                assertThat(p.text()).contains(SampleNotice.HEADER_MARKING));
        assertThat(parts(doc, PartKind.BODY)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.text()).doesNotContain("★"));
    }

    @Test
    void trackedDeletionIsADeletedPartAndNotBodyText() throws Exception {
        Document doc = sample("tracked-deletion.docx");

        assertThat(parts(doc, PartKind.DELETED)).anySatisfy(p ->
                assertThat(p.text()).contains(SampleNotice.DELETED_MARKING));
        assertThat(parts(doc, PartKind.BODY)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.text()).doesNotContain(SampleNotice.DELETED_MARKING));
    }

    @Test
    void encryptedPdfIsIncompleteWithAnEncryptedProblemAndNoBody() throws Exception {
        Document doc = sample("encrypted.pdf");

        assertThat(problemCodes(doc)).contains(Problem.ENCRYPTED);
        assertThat(parts(doc, PartKind.BODY)).isEmpty();
        assertThat(doc.bodyText()).isBlank();
    }

    @Test
    void htmlBodyHoldsTheNoticeText() throws Exception {
        Document doc = sample("notice-clean.html");

        assertThat(doc.coverage().complete()).isTrue();
        assertThat(doc.mediaType()).isEqualTo("text/html");
        assertThat(parts(doc, PartKind.BODY)).anySatisfy(p -> assertThat(p.text()).contains(SampleNotice.TITLE));
        assertThat(parts(doc, PartKind.HIDDEN)).isEmpty();
    }

    @Test
    void htmlCommentIsAHiddenPart() throws Exception {
        String html = SampleDocuments.html(SampleNotice.TITLE, List.of("正文第一段。"), "机密★5年");
        assertThat(html).as("fixture").contains("<!-- 机密★5年 -->");
        Path file = write("commented.html", html.getBytes(StandardCharsets.UTF_8));

        Document doc = extractor.extract(file, "commented.html");

        assertThat(parts(doc, PartKind.HIDDEN)).anySatisfy(p -> assertThat(p.text()).contains("机密★5年"));
        assertThat(parts(doc, PartKind.BODY)).allSatisfy(p -> assertThat(p.text()).doesNotContain("机密★5年"));
    }

    @Test
    void docxTitleIsAMetadataPart() throws Exception {
        Document doc = sample("notice-clean.docx");

        assertThat(parts(doc, PartKind.METADATA)).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo(SampleNotice.TITLE);
            assertThat(p.source()).isEqualTo("dc:title");
        });
        assertThat(doc.title()).isEqualTo(SampleNotice.TITLE);
    }

    @Test
    void randomBytesNamedPdfAreAProblemNeverComplete() throws Exception {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Path file = write("x.pdf", junk);

        Document doc = extractor.extract(file, "x.pdf");

        assertThat(problemCodes(doc)).isNotEmpty()
                .allSatisfy(code -> assertThat(code).isIn(Problem.CORRUPT, Problem.UNSUPPORTED_FORMAT));
    }

    @Test
    void truncatedPdfHeaderIsCorrupt() throws Exception {
        byte[] pdf = Files.readAllBytes(SAMPLES.resolve("notice-clean.pdf"));
        Path file = write("cut.pdf", java.util.Arrays.copyOf(pdf, 200));

        Document doc = extractor.extract(file, "cut.pdf");

        assertThat(problemCodes(doc)).contains(Problem.CORRUPT);
    }

    @Test
    void emptyFileIsCompleteWithNoCharacters() throws Exception {
        Path file = write("empty.txt", new byte[0]);   // an empty PDF is a missing document: EmptyFileTest

        Document doc = extractor.extract(file, "empty.txt");

        assertThat(doc.coverage().complete()).isTrue();
        assertThat(doc.coverage().characters()).isZero();
        assertThat(doc.size()).isZero();
        assertThat(doc.coverage().problems()).isEmpty();
        assertThat(doc.mediaType()).isEqualTo("text/plain");
    }

    @Test
    void docxCommentIsACommentPart() throws Exception {
        byte[] docx = SampleDocuments.docx(DocxSpec.of("标题", List.of("第一段。", "第二段。"))
                .withComment("机密★5年，请核对"));
        Document doc = extractor.extract(write("commented.docx", docx), "commented.docx");

        assertThat(parts(doc, PartKind.COMMENT)).anySatisfy(p -> assertThat(p.text()).contains("机密★5年"));
        assertThat(parts(doc, PartKind.BODY)).allSatisfy(p -> assertThat(p.text()).doesNotContain("机密"));
    }

    @Test
    void docxHiddenRunIsAHiddenPart() throws Exception {
        byte[] docx = SampleDocuments.docx(DocxSpec.of("标题", List.of("第一段。", "第二段。"))
                .withHiddenRun("秘密★1年"));
        Document doc = extractor.extract(write("hidden.docx", docx), "hidden.docx");

        assertThat(parts(doc, PartKind.HIDDEN)).anySatisfy(p -> assertThat(p.text()).contains("秘密★1年"));
        assertThat(parts(doc, PartKind.BODY)).allSatisfy(p -> assertThat(p.text()).doesNotContain("秘密★1年"));
    }

    @Test
    void docxInsideAZipIsReadAsAnEmbeddedPartOrTheZipIsIncomplete() throws Exception {
        byte[] inner = SampleDocuments.docx(DocxSpec.of("内件", List.of("000318", "机密★5年", "正文。")));
        Path zip = tmp.resolve("bundle.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("inner.docx"));
            z.write(inner);
            z.closeEntry();
        }

        Document doc = extractor.extract(zip, "in/bundle.zip");

        if (problemCodes(doc).contains(Problem.UNSUPPORTED_FORMAT)) {
            // Only the pdf/microsoft/html Tika modules are on the classpath: a zip cannot be opened, so it must
            // fail closed instead of passing as empty.
            assertThat(doc.coverage().complete()).isFalse();
        } else {
            assertThat(parts(doc, PartKind.EMBEDDED)).anySatisfy(p -> {
                assertThat(p.text()).contains("机密★5年");
                assertThat(p.embeddedPath()).isEqualTo("bundle.zip!/inner.docx");
            });
        }
    }

    @Test
    void tinyCharacterLimitTruncatesAndIsNeverComplete() throws Exception {
        Document doc = new TikaExtractor(100).extract(SAMPLES.resolve("notice-clean.pdf"), "notice-clean.pdf");

        assertThat(problemCodes(doc)).contains(Problem.TRUNCATED);
        assertThat(doc.coverage().characters()).isLessThanOrEqualTo(100 + 200); // body budget plus metadata
    }

    @Test
    void imageOnlyPdfHasNoTextLayerAndIsNeverComplete() throws Exception {
        java.awt.image.BufferedImage scan = new java.awt.image.BufferedImage(200, 100,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scan.createGraphics();
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            pdf.addPage(page);
            var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(pdf, scan);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
                content.drawImage(image, 50, 500, 200, 100);
            }
            pdf.save(bytes);
        }
        Document doc = extractor.extract(write("scan.pdf", bytes.toByteArray()), "scan.pdf");

        assertThat(problemCodes(doc)).containsExactly(Problem.NO_TEXT_LAYER);
        assertThat(doc.coverage().problems().get(0).message()).contains("--ocr");
    }
}
