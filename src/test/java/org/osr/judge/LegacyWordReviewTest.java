package org.osr.judge;

import org.osr.review.Opinion;
import org.osr.review.DocumentReviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.osr.testkit.LayeredDocx.run;
import static org.osr.testkit.LayeredDocx.textBox;
import static org.osr.testkit.LayeredDocx.vmlWatermark;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.extract.Problem;
import org.osr.extract.TikaExtractor;
import org.osr.match.RuleEngine;
import org.osr.review.Masker;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.testkit.DocxSpec;
import org.osr.testkit.LayeredDocx;
import org.osr.testkit.LegacyWord;
import org.osr.testkit.SampleDocuments;
import org.osr.testkit.Slow;

/**
 * Legacy Word (.doc) files are read layer by layer like DOCX: a marking in a page header, a footer, a text box, a
 * tracked deletion, hidden text or a watermark is found in that layer, and the body's first lines are the body's own.
 * Each marked file has a clean twin that must stay publishable. The .doc files are converted from generated DOCX by
 * LibreOffice; the tests skip where it is not installed.
 */
@Slow
class LegacyWordReviewTest {
    private static final String MARKING = "机密★5年";
    private static final List<String> BODY = List.of("××区人民政府文件", "关于做好防汛工作的通知",
            "各镇人民政府：现将有关事项通知如下。");
    private static final String UNIT = "××区人民政府办公室";

    @TempDir
    static Path tmp;
    private static DocumentReviewer reviewer;
    private static Map<String, Path> docs;

    @BeforeAll
    static void convert() throws Exception {
        assumeTrue(LegacyWord.available(), "LibreOffice (soffice) is not installed");
        reviewer = new DocumentReviewer(new TikaExtractor(), new RuleEngine(PackSources.bundled(new PackLoader())),
                new Judge(Action.REDACT));
        Map<String, byte[]> docx = new LinkedHashMap<>();
        docx.put("header-marked", notice(spec().withHeader(MARKING)));
        docx.put("header-clean", notice(spec().withHeader(UNIT)));
        docx.put("footer-marked", notice(spec().withFooter(MARKING)));
        docx.put("footer-clean", notice(spec().withFooter(UNIT + " 2024年6月印发")));
        docx.put("deleted-marked", notice(spec().withTrackedDeletion(MARKING)));
        docx.put("deleted-clean", notice(spec().withTrackedDeletion("初稿")));
        docx.put("hidden-marked", notice(spec().withHiddenRun(MARKING)));
        docx.put("hidden-clean", notice(spec().withHiddenRun("（备注）")));
        docx.put("comment-mobile", notice(spec().withComment("请联系张三，手机13812345678")));
        docx.put("comment-clean", notice(spec().withComment("请核对文号")));
        docx.put("textbox-marked", layered().runs(textBox(MARKING), run(BODY.get(0))).build());
        docx.put("textbox-clean", layered().runs(textBox(UNIT), run(BODY.get(0))).build());
        docx.put("watermark-marked", layered().headerRuns(vmlWatermark("机密")).text(BODY.get(0)).build());
        docx.put("watermark-clean", layered().headerRuns(vmlWatermark("样稿")).text(BODY.get(0)).build());
        // three header lines above a level on the body's second line: counted from the top of Tika's text, the
        // level stood on line 5, past the four lines where a bare level is a marking
        docx.put("first-lines", new LayeredDocx().title(null).headerRuns(run(UNIT)).headerRuns(run("2024年第3期"))
                .headerRuns(run("工作简报")).text("000318").text("机密").text(BODY.get(1)).build());
        docx.put("second-section-header", twoSections("××区人民政府办公室", MARKING));
        docs = LegacyWord.convert(tmp, docx);
    }

    /** A notice of two sections, each with its own page header. */
    private static byte[] twoSections(String firstHeader, String secondHeader) throws java.io.IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph first = doc.createParagraph();
            first.createRun().setText(BODY.get(1));
            CTSectPr firstSection = first.getCTP().addNewPPr().addNewSectPr();
            new XWPFHeaderFooterPolicy(doc, firstSection).createHeader(XWPFHeaderFooterPolicy.DEFAULT)
                    .createParagraph().createRun().setText(firstHeader);
            doc.createParagraph().createRun().setText(BODY.get(2));
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(secondHeader);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static DocxSpec spec() {
        return DocxSpec.of("通知", BODY);
    }

    private static byte[] notice(DocxSpec spec) throws java.io.IOException {
        return SampleDocuments.docx(spec);
    }

    private static LayeredDocx layered() {
        return new LayeredDocx().text(BODY.get(1));
    }

    private static Opinion review(String name) throws Exception {
        return reviewer.review(docs.get(name), name + ".doc");
    }

    static Stream<Arguments> markingInALayerIsFoundThere() {
        return Stream.of(
                arguments("header", PartKind.HEADER, "cn-marking.level-star-period", MARKING),
                arguments("footer", PartKind.FOOTER, "cn-marking.level-star-period", MARKING),
                arguments("deleted", PartKind.DELETED, "cn-marking.level-star-period", MARKING),
                arguments("hidden", PartKind.HIDDEN, "cn-marking.level-star-period", MARKING),
                arguments("textbox", PartKind.SHAPE, "cn-marking.level-star-period", MARKING),
                arguments("watermark", PartKind.WATERMARK, "cn-marking.bare-level", "机密"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void markingInALayerIsFoundThere(String layer, PartKind kind, String rule, String quoted) throws Exception {
        Opinion o = review(layer + "-marked");
        assertThat(o.verdict()).as(DocxLayersReviewTest.describe(o)).isEqualTo(Verdict.WITHHOLD);
        assertThat(o.findings()).as(DocxLayersReviewTest.describe(o)).anySatisfy(h -> {
            assertThat(h.rule().id()).isEqualTo(rule);
            assertThat(h.part().kind()).isEqualTo(kind);
            assertThat(h.originalMatch()).isEqualTo(quoted);
        });
        // the layer's text is not also in the body
        assertThat(o.document().parts()).filteredOn(p -> p.kind() == PartKind.BODY)
                .allSatisfy(p -> assertThat(p.text()).doesNotContain(quoted));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("markingInALayerIsFoundThere")
    void cleanTwinIsPublishable(String layer) throws Exception {
        Opinion o = review(layer + "-clean");
        assertThat(o.verdict()).as(DocxLayersReviewTest.describe(o)).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(o.document().coverage().complete()).isTrue();
    }

    @Test
    void headerIsItsOwnPartAndTheBodyStartsWithTheBody() throws Exception {
        Opinion o = review("header-clean");
        assertThat(o.document().parts()).filteredOn(p -> p.kind() == PartKind.HEADER).extracting(Part::text)
                .containsExactly(UNIT + "\n");
        assertThat(o.document().parts()).filteredOn(p -> p.kind() == PartKind.BODY).extracting(Part::text)
                .containsExactly(String.join("\n", BODY) + "\n");
    }

    @Test
    void firstLinesAreCountedFromTheTopOfTheBodyNotOfTheHeader() throws Exception {
        Opinion o = review("first-lines");
        assertThat(o.verdict()).as(DocxLayersReviewTest.describe(o)).isEqualTo(Verdict.WITHHOLD);
        assertThat(o.findings()).as(DocxLayersReviewTest.describe(o)).anySatisfy(h -> {
            assertThat(h.rule().id()).isEqualTo("cn-marking.bare-level");
            assertThat(h.part().kind()).isEqualTo(PartKind.BODY);
            assertThat(h.line()).isEqualTo(2);
        });
    }

    @Test
    void headerOfALaterSectionIsRead() throws Exception {
        // Tika reads the first section's headers and footers only
        Opinion o = review("second-section-header");
        assertThat(o.verdict()).as(DocxLayersReviewTest.describe(o)).isEqualTo(Verdict.WITHHOLD);
        assertThat(o.findings()).as(DocxLayersReviewTest.describe(o)).anySatisfy(h -> {
            assertThat(h.part().kind()).isEqualTo(PartKind.HEADER);
            assertThat(h.part().source()).startsWith("section 2 ");
            assertThat(h.originalMatch()).isEqualTo(MARKING);
        });
    }

    @Test
    void mobileNumberInACommentIsAMaskedFinding() throws Exception {
        Opinion o = review("comment-mobile");
        assertThat(o.verdict()).as(DocxLayersReviewTest.describe(o)).isNotEqualTo(Verdict.PUBLISHABLE);
        assertThat(o.findings()).as(DocxLayersReviewTest.describe(o)).anySatisfy(h -> {
            assertThat(h.rule().id()).isEqualTo("cn-pii.mobile");
            assertThat(h.part().kind()).isEqualTo(PartKind.COMMENT);
            assertThat(h.rule().action()).isEqualTo(Action.REDACT);
            assertThat(Masker.mask(h.originalMatch())).doesNotContain("13812345678");
        });
        assertThat(o.document().parts()).filteredOn(p -> p.kind() == PartKind.BODY)
                .allSatisfy(p -> assertThat(p.text()).doesNotContain("138"));
    }

    @Test
    void commentWithoutPersonalDataIsPublishable() throws Exception {
        Opinion o = review("comment-clean");
        assertThat(o.verdict()).as(DocxLayersReviewTest.describe(o)).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(o.document().coverage().parts()).containsEntry(PartKind.COMMENT, 1);
    }

    @Test
    void encryptedDocIsUnreviewable() throws Exception {
        Path encrypted = tmp.resolve("encrypted.doc");
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try (InputStream in = Files.newInputStream(docs.get("header-marked"));
             HWPFDocument doc = new HWPFDocument(in);
             OutputStream out = Files.newOutputStream(encrypted)) {
            doc.write(out);   // POI encrypts what it writes while a password is set (RC4 CryptoAPI)
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        Opinion o = reviewer.review(encrypted, "encrypted.doc");
        assertThat(o.verdict()).as(DocxLayersReviewTest.describe(o)).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(o.document().coverage().problems()).extracting(Problem::code).containsExactly(Problem.ENCRYPTED);
    }

    @Test
    void docInsideAZipIsReadLayerByLayer() throws Exception {
        Path zip = tmp.resolve("attachments.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("附件/notice.doc"));
            out.write(Files.readAllBytes(docs.get("header-marked")));
            out.closeEntry();
        }
        Opinion o = reviewer.review(zip, "attachments.zip");
        assertThat(o.verdict()).as(DocxLayersReviewTest.describe(o)).isEqualTo(Verdict.WITHHOLD);
        assertThat(o.findings()).as(DocxLayersReviewTest.describe(o)).anySatisfy(h -> {
            assertThat(h.part().kind()).isEqualTo(PartKind.HEADER);
            assertThat(h.part().embeddedPath()).isEqualTo("attachments.zip!/附件/notice.doc");
            assertThat(h.originalMatch()).isEqualTo(MARKING);
        });
    }
}
