package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osr.cli.ScanCommandTest.osr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.Document;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.extract.TikaExtractor;
import org.osr.testkit.OfdBuilder;
import org.osr.testkit.OfdBuilder.Text;
import org.osr.testkit.ScannedPage;
import tools.jackson.databind.JsonNode;
import org.osr.testkit.Slow;

/**
 * OFD (GB/T 33190-2016), the format of e-government documents, read as a document with pages, template pages,
 * annotations and document properties: a marking wherever a producer puts it withholds the file, its clean twin is
 * publishable, and a page osr cannot read (a scan, a missing or damaged page) is never called publishable.
 */
class OfdScanTest {
    private static final String[] NOTICE = {"××区人民政府关于做好防汛工作的通知", "各街道办事处，区政府各部门：",
            "现将今年防汛工作的有关事项通知如下，请认真贯彻落实。", "一、加强值班值守，确保信息畅通。",
            "二、做好物资储备，及时排查隐患。", "××区人民政府办公室", "2026年6月1日"};

    @TempDir
    Path tmp;

    private static OfdBuilder clean() {
        return OfdBuilder.create().title("关于做好防汛工作的通知").author("区政府办公室").pageOfLines(NOTICE)
                .pageOfLines("三、严格责任落实。", "（此页无正文）");
    }

    private JsonNode scan(String name, OfdBuilder ofd) throws IOException {
        Path file = ofd.write(tmp.resolve(name));
        return osr("scan", file.toString()).json().get("documents").get(0);
    }

    private static JsonNode finding(JsonNode doc, String ruleId) {
        for (JsonNode f : doc.get("findings")) {
            if (f.get("ruleId").asString().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + ruleId + " in " + doc);
    }

    @Test
    void cleanNoticeIsPublishableAndDetectedAsOfd() throws IOException {
        Path file = clean().write(tmp.resolve("notice.ofd"));
        Document doc = new TikaExtractor().extract(file, "notice.ofd");
        assertThat(doc.mediaType()).isEqualTo("application/ofd");
        assertThat(doc.title()).isEqualTo("关于做好防汛工作的通知");
        JsonNode report = scan("notice.ofd", clean());
        assertThat(report.get("verdict").asString()).isEqualTo("publishable");
        assertThat(report.get("coverage").get("pages").asInt()).isEqualTo(2);
    }

    @Test
    void aZipWithOfdXmlIsOfdWhateverItsName() throws IOException {
        Path file = clean().write(tmp.resolve("notice.zip"));
        assertThat(new TikaExtractor().extract(file, "notice.zip").mediaType()).isEqualTo("application/ofd");
    }

    @Test
    void markingTextObjectAtTheTopOfPageOneWithholds() throws IOException {
        OfdBuilder marked = clean();
        List<Text> page = new ArrayList<>();
        for (int i = 0; i < NOTICE.length; i++) {
            page.add(Text.at(25, 45 + 8 * i, NOTICE[i]));
        }
        page.add(Text.at(25, 37, "机密★5年"));   // written last, shown first
        marked = OfdBuilder.create().title("关于做好防汛工作的通知").page(page.toArray(Text[]::new));
        JsonNode doc = scan("marked.ofd", marked);
        assertThat(doc.get("verdict").asString()).isEqualTo("withhold");
        JsonNode location = finding(doc, "cn-marking.level-star-period").get("location");
        assertThat(location.get("part").asString()).isEqualTo("body");
        assertThat(location.get("page").asInt()).isEqualTo(1);
        assertThat(location.get("line").asInt()).isLessThanOrEqualTo(2);
    }

    @Test
    void textIsOrderedByPositionNotByFileOrder() throws IOException {
        // Line 2 is written before line 1, and each line's pieces right to left.
        OfdBuilder ofd = OfdBuilder.create().page(
                Text.at(60, 50, "防汛工作的通知"), Text.at(25, 50, "关于做好"),
                Text.at(55, 40.6, "人民政府"), Text.at(25, 40, "××区"),
                Text.at(25, 60, "各街道办事处："), Text.at(25, 70, "现将\n有关事项通知如下"));
        Path file = ofd.write(tmp.resolve("order.ofd"));
        Document doc = new TikaExtractor().extract(file, "order.ofd");
        Part body = doc.parts().stream().filter(p -> p.kind() == PartKind.BODY).findFirst().orElseThrow();
        assertThat(body.text())
                .isEqualTo("××区 人民政府\n关于做好 防汛工作的通知\n各街道办事处：\n现将 有关事项通知如下\n");
        assertThat(body.paged()).isTrue();
    }

    @Test
    void markingOnlyInTheTemplatePageWithholdsAsAHeader() throws IOException {
        JsonNode doc = scan("template.ofd", clean().template(Text.at(150, 20, "机密★10年")));
        assertThat(doc.get("verdict").asString()).isEqualTo("withhold");
        assertThat(finding(doc, "cn-marking.level-star-period").get("location").get("part").asString())
                .isEqualTo("header");
        assertThat(scan("template-clean.ofd", clean().template(Text.at(150, 20, "××区人民政府办公室")))
                .get("verdict").asString()).isEqualTo("publishable");
    }

    @Test
    void markingOnlyInAWatermarkAnnotationWithholds() throws IOException {
        JsonNode doc = scan("watermark.ofd", clean().watermark(1, "机密"));
        assertThat(doc.get("verdict").asString()).isEqualTo("withhold");
        JsonNode location = finding(doc, "cn-marking.bare-level").get("location");
        assertThat(location.get("part").asString()).isEqualTo("watermark");
        assertThat(scan("watermark-clean.ofd", clean().watermark(1, "样本"))
                .get("verdict").asString()).isEqualTo("publishable");
    }

    @Test
    void annotationRemarksAreComments() throws IOException {
        JsonNode doc = scan("note.ofd", clean().note(2, "Highlight", "机密"));
        assertThat(doc.get("verdict").asString()).isEqualTo("withhold");
        assertThat(doc.get("findings").get(0).get("location").get("part").asString()).isEqualTo("comment");
        assertThat(scan("note-clean.ofd", clean().note(2, "Highlight", "请核对日期"))
                .get("verdict").asString()).isEqualTo("publishable");
    }

    @Test
    void bareLevelAtTheTopOfPageTwoWithholds() throws IOException {
        OfdBuilder marked = OfdBuilder.create().pageOfLines(NOTICE)
                .pageOfLines("秘密", "三、严格责任落实。", "××区人民政府办公室");
        JsonNode doc = scan("page2.ofd", marked);
        assertThat(doc.get("verdict").asString()).isEqualTo("withhold");
        JsonNode location = finding(doc, "cn-marking.bare-level").get("location");
        assertThat(location.get("page").asInt()).isEqualTo(2);
        assertThat(location.get("line").asInt()).isEqualTo(1);
        assertThat(scan("page2-clean.ofd", OfdBuilder.create().pageOfLines(NOTICE)
                .pageOfLines("三、严格责任落实。", "××区人民政府办公室")).get("verdict").asString())
                .isEqualTo("publishable");
    }

    @Test
    void idNumberInTheAuthorIsAMaskedMetadataFinding() throws IOException {
        String id = LeakTest.id("110105", "19491231", "00");
        var run = osr("scan", clean().author("张三 " + id).write(tmp.resolve("author.ofd")).toString());
        JsonNode doc = run.json().get("documents").get(0);
        assertThat(doc.get("verdict").asString()).isEqualTo("redact");
        JsonNode f = finding(doc, "cn-pii.resident-id");
        assertThat(f.get("location").get("part").asString()).isEqualTo("metadata");
        assertThat(run.out()).doesNotContain(id);
    }

    @Test
    void customDataIsMetadata() throws IOException {
        JsonNode doc = scan("custom.ofd", clean().custom("密级", "机密"));
        assertThat(doc.get("verdict").asString()).isEqualTo("withhold");
    }

    @Test
    void aScannedPageIsUnreviewable() throws IOException {
        BufferedImage scan = ScannedPage.render();
        OfdBuilder ofd = OfdBuilder.create().page().image(1, new OfdBuilder.Image(0, 0, 210, 297, scan));
        JsonNode doc = scan("scan.ofd", ofd);
        assertThat(doc.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(doc.get("coverage").get("problems").get(0).get("code").asString()).isEqualTo("unread-image");
        assertThat(doc.get("coverage").get("images").get("flagged").get(0).asString()).contains("page-share")
                .contains("2400×1000 px");
    }

    @Test
    @Slow
    void withOcrAScannedPageIsReadAndItsMarkingWithheld() throws IOException {
        org.assertj.core.api.Assumptions.assumeThat(org.osr.ocr.Tesseract.problem()).as("tesseract with chi_sim")
                .isEmpty();
        Path file = OfdBuilder.create().page().image(1, new OfdBuilder.Image(0, 0, 210, 297, ScannedPage.render()))
                .write(tmp.resolve("scan.ofd"));
        JsonNode doc = osr("scan", "--ocr", file.toString()).json().get("documents").get(0);

        assertThat(doc.get("verdict").asString()).as(doc.toString()).isEqualTo("withhold");
        assertThat(doc.get("coverage").get("images").get("unread").asInt()).isZero();
        JsonNode location = finding(doc, "cn-marking.ocr-level-star-period").get("location");
        assertThat(location.get("part").asString()).isEqualTo("ocr");
        assertThat(location.get("embeddedPath").asString()).contains("scan.ofd!/");
    }

    @Test
    void anImageOfAMarkingAtTheTopIsUnreviewableButASmallLogoIsNot() throws IOException {
        BufferedImage banner = picture(1200, 200);
        JsonNode doc = scan("banner.ofd", clean().image(1, new OfdBuilder.Image(20, 10, 170, 30, banner)));
        assertThat(doc.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(doc.get("coverage").get("images").get("flagged").get(0).asString()).contains("edge")
                .contains("top");
        JsonNode logo = scan("logo.ofd", clean().image(1, new OfdBuilder.Image(20, 10, 15, 15, picture(100, 100))));
        assertThat(logo.get("verdict").asString()).isEqualTo("publishable");
        assertThat(logo.get("coverage").get("images").get("unread").asInt()).isEqualTo(1);
    }

    @Test
    void aMissingPageContentIsCorruptAndNamesIt() throws IOException {
        JsonNode doc = scan("missing.ofd", clean().withoutContent(2));
        assertThat(doc.get("verdict").asString()).isEqualTo("unreviewable");
        JsonNode problem = doc.get("coverage").get("problems").get(0);
        assertThat(problem.get("code").asString()).isEqualTo("corrupt");
        assertThat(problem.get("message").asString()).contains("Doc_0/Pages/Page_1/Content.xml");
    }

    @Test
    void aDamagedPageContentIsCorruptButTheRestIsStillRead() throws IOException {
        OfdBuilder ofd = OfdBuilder.create().page(Text.at(25, 37, "机密★5年"), Text.at(25, 45, NOTICE[0]))
                .pageOfLines(NOTICE).withBrokenContent(2);
        JsonNode doc = scan("broken.ofd", ofd);
        assertThat(doc.get("verdict").asString()).isEqualTo("withhold");
        assertThat(doc.get("coverage").get("problems").get(0).get("message").asString())
                .contains("Doc_0/Pages/Page_1/Content.xml").contains("damaged");
        assertThat(scan("broken-clean.ofd", clean().withBrokenContent(2)).get("verdict").asString())
                .isEqualTo("unreviewable");
    }

    @Test
    void absoluteLocationsAreFollowed() throws IOException {
        JsonNode doc = scan("absolute.ofd", clean().absoluteLocations().template(Text.at(150, 20, "机密★1年"))
                .watermark(2, "绝密").seal(2, 130, 200, 40, 40));
        assertThat(doc.get("verdict").asString()).isEqualTo("withhold");
        assertThat(doc.get("coverage").get("parts").get("watermark").asInt()).isEqualTo(1);
        assertThat(doc.get("coverage").get("images").get("unread").asInt()).isEqualTo(1);
        assertThat(doc.get("coverage").get("complete").asBoolean()).isTrue();
    }

    @Test
    void aCutShortOfdIsUnreviewable() throws IOException {
        byte[] whole = clean().bytes();
        Path cut = tmp.resolve("cut.ofd");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        JsonNode doc = osr("scan", cut.toString()).json().get("documents").get(0);
        assertThat(doc.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(doc.get("coverage").get("problems").get(0).get("code").asString()).isEqualTo("cut-short");
    }

    @Test
    void anEmptyOrNonZipOfdIsNeverPublishable() throws IOException {
        Path empty = Files.write(tmp.resolve("empty.ofd"), new byte[0]);
        Path text = Files.writeString(tmp.resolve("text.ofd"), "机密★5年 is not a zip");
        JsonNode report = osr("scan", empty.toString(), text.toString()).json();
        assertThat(report.get("documents").get(0).get("coverage").get("problems").get(0).get("code").asString())
                .isEqualTo("empty");
        assertThat(report.get("documents").get(1).get("verdict").asString()).isEqualTo("unreviewable");
    }

    @Test
    void aMissingAttachmentIsCorrupt() throws IOException {
        JsonNode doc = scan("lost.ofd", clean().attachment("附件1.pdf", null));
        assertThat(doc.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(doc.get("coverage").get("problems").get(0).get("message").asString()).contains("附件1.pdf");
    }

    @Test
    void anOfdInsideAZipIsReviewed() throws IOException {
        OfdBuilder marked = OfdBuilder.create().pageOfLines("000318", "机密★5年", NOTICE[0]);
        Path zip = tmp.resolve("bundle.zip");
        Files.write(zip, zipOf("docs/marked.ofd", marked.bytes()));
        JsonNode doc = osr("scan", zip.toString()).json().get("documents").get(0);
        assertThat(doc.get("verdict").asString()).isEqualTo("withhold");
        JsonNode location = finding(doc, "cn-marking.level-star-period").get("location");
        assertThat(location.get("embeddedPath").asString()).endsWith("docs/marked.ofd");

        // Layers drawn over the pages lead each page of an embedded OFD, where the first-lines rules look.
        Files.write(zip, zipOf("docs/watermarked.ofd", clean().watermark(2, "机密").bytes()));
        JsonNode watermarked = osr("scan", zip.toString()).json().get("documents").get(0);
        assertThat(watermarked.get("verdict").asString()).isEqualTo("withhold");
        assertThat(finding(watermarked, "cn-marking.bare-level").get("location").get("page").asInt()).isEqualTo(2);
        Files.write(zip, zipOf("docs/template.ofd", clean().template(Text.at(150, 20, "秘密")).bytes()));
        assertThat(osr("scan", zip.toString()).json().get("documents").get(0).get("verdict").asString())
                .isEqualTo("withhold");

        Files.write(zip, zipOf("docs/clean.ofd", clean().bytes()));
        assertThat(osr("scan", zip.toString()).json().get("documents").get(0).get("verdict").asString())
                .isEqualTo("publishable");
        Files.write(zip, zipOf("docs/missing.ofd", clean().withoutContent(1).bytes()));
        JsonNode missing = osr("scan", zip.toString()).json().get("documents").get(0);
        assertThat(missing.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(missing.get("coverage").get("problems").get(0).get("message").asString())
                .contains("docs/missing.ofd").contains("Page_0/Content.xml");
    }

    @Test
    void aScannedOfdInsideAZipIsNotPublishable() throws IOException {
        OfdBuilder scanned = OfdBuilder.create().page().image(1, new OfdBuilder.Image(0, 0, 210, 297,
                ScannedPage.render()));
        Path zip = tmp.resolve("scans.zip");
        Files.write(zip, zipOf("scan.ofd", scanned.bytes()));
        JsonNode doc = osr("scan", zip.toString()).json().get("documents").get(0);
        assertThat(doc.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(doc.get("coverage").get("problems").get(0).get("code").asString()).isEqualTo("unread-image");
    }

    @Test
    void sealsAreCountedAsUnreadImagesAndALargeOneAtTheTopIsFlagged() throws IOException {
        JsonNode signed = scan("signed.ofd", clean().seal(1, 130, 200, 40, 40));
        assertThat(signed.get("verdict").asString()).isEqualTo("publishable");
        assertThat(signed.get("coverage").get("images").get("unread").asInt()).isEqualTo(1);
        JsonNode top = scan("seal-top.ofd", clean().seal(1, 20, 5, 70, 60));
        assertThat(top.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(top.get("coverage").get("images").get("flagged").get(0).asString()).contains("edge")
                .contains("Signature.xml").contains("top");
    }

    @Test
    void privateUseGlyphsAreUndecodableText() throws IOException {
        JsonNode doc = scan("pua.ofd", OfdBuilder.create().pageOfLines("000318", "\uE001\uE002\uE003\uE004",
                NOTICE[0], NOTICE[1]));
        assertThat(doc.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(doc.get("coverage").get("problems").get(0).get("code").asString()).isEqualTo("undecodable-text");
    }

    @Test
    void anOfdWithoutDocRootIsCorrupt() throws IOException {
        JsonNode doc = scan("no-root.ofd", clean().withoutDocRoot());
        assertThat(doc.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(doc.get("coverage").get("problems").get(0).get("message").asString()).contains("DocRoot");
    }

    @Test
    void attachmentsAreReviewed() throws IOException {
        JsonNode doc = scan("attached.ofd", clean().attachment("附件1.txt",
                "附件：名单\n机密★5年\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(doc.get("verdict").asString()).isEqualTo("withhold");
    }

    private static BufferedImage picture(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    private static byte[] zipOf(String name, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(data);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
