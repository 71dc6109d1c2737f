package org.osr.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osr.clean.PersonalData.ID;
import static org.osr.clean.PersonalData.MOBILE;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.osr.testkit.DraftPdf.cjk;
import static org.osr.testkit.DraftPdf.latin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.DraftPdf;
import org.osr.testkit.SampleDocuments;

/** {@code osr clean} on PDFs: the copy is opened with PDFBox, its objects and its page text read back. */
class PdfCleanTest {
    private static final String TITLE = "关于公示年度补助名单的通知";

    @TempDir
    Path dir;

    @BeforeEach
    void cjkFont() {
        assumeTrue(Files.isRegularFile(Path.of(SampleDocuments.DEFAULT_FONT)), "CJK font missing");
    }

    @Test
    void metadataAnnotationsAttachmentsScriptsAndFormsGoAndTheTextStays() throws IOException {
        Path pdf = new DraftPdf().line(cjk(TITLE)).line(cjk("请各单位于五月底前报送。"))
                .annotation("审核意见：身份证号 " + ID + " 需删除").extras()
                .write(dir.resolve("notice.pdf"));
        Path copy = dir.resolve("public.pdf");

        CleanRun run = CleanRun.clean(pdf, copy);

        assertThat(run.code()).as("%s", run).isZero();
        try (PDDocument doc = Loader.loadPDF(copy.toFile())) {
            assertThat(doc.getDocumentInformation().getTitle()).isNull();
            assertThat(doc.getDocumentInformation().getAuthor()).isNull();
            assertThat(doc.getDocumentCatalog().getMetadata()).isNull();
            assertThat(doc.getDocumentCatalog().getNames() == null
                    || doc.getDocumentCatalog().getNames().getEmbeddedFiles() == null).isTrue();
            assertThat(doc.getDocumentCatalog().getNames() == null
                    || doc.getDocumentCatalog().getNames().getJavaScript() == null).isTrue();
            assertThat(doc.getDocumentCatalog().getOpenAction()).isNull();
            assertThat(doc.getDocumentCatalog().getAcroForm()).isNull();
            assertThat(doc.getPage(0).getAnnotations()).isEmpty();
            assertThat(new PDFTextStripper().getText(doc)).contains(TITLE, "请各单位于五月底前报送。");
        }
        assertThat(new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1))
                .doesNotContain("JavaScript", "EmbeddedFile", "reviewer");
        assertThat(run.removed(Removal.PROPERTIES)).isEqualTo(2);
        assertThat(run.removed(Removal.XMP)).isEqualTo(1);
        assertThat(run.removed(Removal.ANNOTATIONS)).isEqualTo(2);
        assertThat(run.removed(Removal.ATTACHMENTS)).isEqualTo(1);
        assertThat(run.removed(Removal.JAVASCRIPT)).isEqualTo(2);
        assertThat(run.removed(Removal.FORM_FIELDS)).isEqualTo(1);
        assertThat(run.removed(Removal.MASKED_VALUES)).isZero();
    }

    @Test
    void anIdNumberInASimpleFontIsTakenOutOfTheContentStreamAndTheRestOfTheLineDoesNotMove() throws IOException {
        Path pdf = new DraftPdf().line(cjk(TITLE)).line(cjk("申请人身份证号："), latin(ID), cjk("，特此公示。"))
                .write(dir.resolve("id.pdf"));
        Path copy = dir.resolve("public.pdf");

        CleanRun run = CleanRun.clean(pdf, copy);

        assertThat(run.code()).as("%s", run).isZero();
        String text = text(copy);
        assertThat(text).contains(TITLE).doesNotContain(ID, "0519491231");
        assertThat(compact(text)).contains("申请人身份证号：1101002X，特此公示。");
        assertThat(contentBytes(copy)).doesNotContain("0519491231");
        assertThat(everyStreamInTheFile(pdf)).contains("0519491231");
        assertThat(everyStreamInTheFile(copy)).as("no stream in the copy holds the value, not even an unused one")
                .doesNotContain("0519491231");
        assertThat(xOf(copy, "，")).isCloseTo(xOf(pdf, "，"), org.assertj.core.data.Offset.offset(0.01f));
        assertThat(run.removed(Removal.MASKED_VALUES)).isEqualTo(1);
    }

    @Test
    void aValueSplitOverTwoOperatorsAndOneInAnEmbeddedType0FontAreBothRemoved() throws IOException {
        Path pdf = new DraftPdf().line(cjk(TITLE))
                .line(cjk("身份证号："), latin("110105194"), latin("91231002X"))
                .line(cjk("联系电话："), DraftPdf.embeddedLatin(MOBILE))
                .write(dir.resolve("split.pdf"));
        Path copy = dir.resolve("public.pdf");

        CleanRun run = CleanRun.clean(pdf, copy);

        assertThat(run.code()).as("%s", run).isZero();
        String text = compact(text(copy));
        assertThat(text).doesNotContain(ID, MOBILE).contains("身份证号：1101002X",
                "联系电话：" + org.osr.review.Masker.mask(MOBILE).replace("*", ""));
    }

    @Test
    void anEarlierRevisionOfTheFileIsNotCarriedOver() throws IOException {
        byte[] first = new DraftPdf().line(cjk(TITLE)).line(cjk("身份证号："), latin(ID)).build();
        Path pdf = dir.resolve("revised.pdf");
        try (PDDocument doc = Loader.loadPDF(first);
             java.io.OutputStream out = Files.newOutputStream(pdf)) {
            org.apache.pdfbox.pdmodel.PDPage page = doc.getPage(0);
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page,
                    org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode.OVERWRITE, true)) {
                cs.beginText();
                cs.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(80, 760);
                cs.showText("Notice 2026-17");
                cs.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
        }
        assertThat(new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1)).contains("%%EOF");
        assertThat(text(pdf)).contains("Notice 2026-17").doesNotContain(ID);
        assertThat(everyStreamInTheFile(pdf)).as("the first revision is still in the file").contains("0519491231");
        Path copy = dir.resolve("public.pdf");

        CleanRun run = CleanRun.clean(pdf, copy);

        assertThat(run.code()).as("%s", run).isZero();
        assertThat(everyStreamInTheFile(copy)).contains("Notice 2026-17").doesNotContain("0519491231");
    }

    @Test
    void personalDataDrawnInsideAFormObjectIsRefusedWithItsOwnExitCodeAndNothingIsWritten() throws IOException {
        Path pdf = new DraftPdf().line(cjk(TITLE)).lineInForm(cjk("经办人身份证号："), latin(ID))
                .write(dir.resolve("stamped.pdf"));
        Path copy = dir.resolve("public.pdf");

        CleanRun run = CleanRun.clean(pdf, copy);

        run.assertRefused(4, pdf, copy);
        assertThat(run.err()).contains("redact it in the source document").doesNotContain(ID);
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String contentBytes(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile()); InputStream in = doc.getPage(0).getContents()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Every FlateDecode stream in the file's bytes, revisions that no longer count included, inflated. */
    private static String everyStreamInTheFile(Path pdf) throws IOException {
        byte[] bytes = Files.readAllBytes(pdf);
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        StringBuilder all = new StringBuilder();
        for (int at = raw.indexOf("stream"); at >= 0; at = raw.indexOf("stream", at + 6)) {
            int start = at + 6;
            if (raw.startsWith("\r\n", start)) {
                start += 2;
            } else if (raw.startsWith("\n", start)) {
                start += 1;
            } else {
                continue;   // "endstream"
            }
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            inflater.setInput(bytes, start, bytes.length - start);
            byte[] buffer = new byte[1 << 16];
            try {
                int n;
                while ((n = inflater.inflate(buffer)) > 0) {
                    all.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (java.util.zip.DataFormatException e) {
                // not a Flate stream
            } finally {
                inflater.end();
            }
        }
        return all.toString();
    }

    /** Where PDFBox places the first glyph spelling {@code character}. */
    private static float xOf(Path pdf, String character) throws IOException {
        List<Float> xs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                if (text.getUnicode().equals(character)) {
                    xs.add(text.getXDirAdj());
                }
            }
        };
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            stripper.getText(doc);
        }
        assertThat(xs).as("positions of %s", character).isNotEmpty();
        return xs.get(0);
    }

}
