package org.osr.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDocumentsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        // CJK PDFs need a CJK font; .ci/run installs it (Debian fonts-droid-fallback), a user's machine may lack it.
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.exists(Path.of(SampleDocuments.DEFAULT_FONT)), "no CJK font installed");
        SampleSet.write(dir, SampleDocuments.DEFAULT_FONT);
    }

    @Test
    void writesTheWholeSampleSet() {
        assertThat(dir).isDirectoryContaining("glob:**/notice-clean.docx")
                .isDirectoryContaining("glob:**/notice-clean.pdf")
                .isDirectoryContaining("glob:**/notice-clean.html")
                .isDirectoryContaining("glob:**/notice-marked.docx")
                .isDirectoryContaining("glob:**/notice-marked.pdf")
                .isDirectoryContaining("glob:**/notice-marked.html")
                .isDirectoryContaining("glob:**/header-marked.docx")
                .isDirectoryContaining("glob:**/tracked-deletion.docx")
                .isDirectoryContaining("glob:**/encrypted.pdf");
    }

    @Test
    void markedDocxHasTheMarkingOnTheSecondLine() throws IOException {
        try (XWPFDocument doc = openDocx("notice-marked.docx")) {
            List<String> lines = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(lines).startsWith(SampleNotice.COPY_NUMBER, SampleNotice.MARKING, SampleNotice.URGENCY);
            assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo(SampleNotice.TITLE);
        }
    }

    @Test
    void cleanDocxOnlyNamesTheLevels() throws IOException {
        try (XWPFDocument doc = openDocx("notice-clean.docx")) {
            String body = bodyText(doc);
            assertThat(body).contains(SampleNotice.LAW_SENTENCE, "商业秘密", SampleNotice.PUBLIC_NOTE)
                    .doesNotContain("★", SampleNotice.COPY_NUMBER);
        }
    }

    @Test
    void headerCarriesTheMarkingAndTheBodyDoesNot() throws IOException {
        try (XWPFDocument doc = openDocx("header-marked.docx")) {
            assertThat(doc.getHeaderList()).hasSize(1);
            assertThat(doc.getHeaderList().get(0).getText()).contains(SampleNotice.HEADER_MARKING);
            assertThat(bodyText(doc)).doesNotContain("★");
        }
    }

    @Test
    void trackedDeletionKeepsTheMarkingInsideWDel() throws IOException {
        String xml = zipEntry(Files.readAllBytes(dir.resolve("tracked-deletion.docx")), "word/document.xml");
        assertThat(xml).containsPattern("<w:del [^>]*>\\s*<w:r>\\s*<w:delText>" + SampleNotice.DELETED_MARKING
                + "</w:delText>");
        try (XWPFDocument doc = openDocx("tracked-deletion.docx")) {
            assertThat(bodyText(doc)).doesNotContain("★");
        }
    }

    @Test
    void pdfsHaveTwoPagesAndExtractableChineseText() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("notice-marked.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(SampleNotice.TITLE);
            List<String> page1 = pageText(pdf, 1).lines().toList();
            assertThat(page1).startsWith(SampleNotice.COPY_NUMBER, SampleNotice.MARKING, SampleNotice.URGENCY);
        }
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("notice-clean.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(pageText(pdf, 1)).doesNotContain("★").contains(SampleNotice.TITLE);
            assertThat(pageText(pdf, 2)).contains(SampleNotice.PUBLIC_NOTE);
        }
    }

    @Test
    void pdfsStaySmallBecauseOnlyAFontSubsetIsEmbedded() throws IOException {
        for (String name : List.of("notice-clean.pdf", "notice-marked.pdf", "encrypted.pdf")) {
            assertThat(Files.size(dir.resolve(name))).as(name).isLessThan(100_000);
        }
    }

    @Test
    void encryptedPdfNeedsThePassword() throws IOException {
        Path file = dir.resolve("encrypted.pdf");
        assertThatThrownBy(() -> Loader.loadPDF(file.toFile())).isInstanceOf(InvalidPasswordException.class);
        try (PDDocument pdf = Loader.loadPDF(file.toFile(), SampleDocuments.USER_PASSWORD)) {
            assertThat(pdf.isEncrypted()).isTrue();
            assertThat(pageText(pdf, 1)).contains(SampleNotice.MARKING);
        }
    }

    @Test
    void htmlIsUtf8Html5() throws IOException {
        String html = Files.readString(dir.resolve("notice-marked.html"), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">",
                "<p>" + SampleNotice.MARKING + "</p>");
        assertThat(SampleDocuments.html("t", List.of("a<b"), "备注")).contains("<!-- 备注 -->", "<p>a&lt;b</p>");
    }

    @Test
    void generationIsReproducible() throws IOException {
        DocxSpec spec = DocxSpec.of("t", List.of("甲", "乙"));
        assertThat(SampleDocuments.docx(spec)).isEqualTo(SampleDocuments.docx(spec));
        List<List<String>> pages = List.of(List.of("甲"));
        assertThat(SampleDocuments.pdf(pages, "t")).isEqualTo(SampleDocuments.pdf(pages, "t"));
    }

    @Test
    void optionalDocxLayersLandWhereScannersLookForThem() throws IOException {
        DocxSpec spec = DocxSpec.of("t", List.of("正文一", "正文二"))
                .withFooter("页脚")
                .withHiddenRun("隐藏文字")
                .withComment("批注内容")
                .withCustomProperty("密级", "内部");
        byte[] bytes = SampleDocuments.docx(spec);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertThat(doc.getFooterList().get(0).getText()).contains("页脚");
            var hidden = doc.getParagraphs().get(1).getRuns().get(1);
            assertThat(hidden.text()).isEqualTo("隐藏文字");
            assertThat(hidden.isVanish()).isTrue();
            assertThat(doc.getComments()).singleElement()
                    .satisfies(c -> assertThat(c.getText()).contains("批注内容"));
            assertThat(doc.getProperties().getCustomProperties().getProperty("密级").getLpwstr()).isEqualTo("内部");
        }
        String xml = zipEntry(bytes, "word/document.xml");
        assertThat(xml).containsPattern("<w:commentRangeStart w:id=\"0\"/>\\s*<w:r>\\s*<w:t>正文一</w:t>");
    }

    private static XWPFDocument openDocx(String name) throws IOException {
        return new XWPFDocument(Files.newInputStream(dir.resolve(name)));
    }

    private static String bodyText(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
    }

    private static String pageText(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    private static String zipEntry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the ZIP");
    }
}
