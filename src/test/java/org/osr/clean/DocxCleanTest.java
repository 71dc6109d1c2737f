package org.osr.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osr.clean.PersonalData.ID;
import static org.osr.clean.PersonalData.MOBILE;
import static org.osr.clean.PersonalData.OTHER_ID;
import static org.osr.testkit.DraftDocx.deleted;
import static org.osr.testkit.DraftDocx.hidden;
import static org.osr.testkit.DraftDocx.hiddenByStyle;
import static org.osr.testkit.DraftDocx.inserted;
import static org.osr.testkit.DraftDocx.reformatted;
import static org.osr.testkit.DraftDocx.row;
import static org.osr.testkit.DraftDocx.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.review.Masker;
import org.osr.testkit.DraftDocx;
import org.osr.testkit.LayeredDocx;

/** {@code osr clean} on Word documents: the copy is opened with POI and its package read part by part. */
class DocxCleanTest {
    @TempDir
    Path dir;

    @Test
    void aDraftLosesEveryLayerAReaderDoesNotSeeAndKeepsItsVisibleText() throws Exception {
        Path draft = new DraftDocx()
                .paragraph(run("关于做好防汛工作的通知"))
                .paragraph(run("各单位："), inserted("请于五月底前"), deleted("尽快"), run("完成排查。"),
                        hidden("内部备注：此段不公开"))
                .paragraph(run("本通知"), hiddenByStyle("（草稿第三版）"), reformatted("自印发之日起施行。"))
                .comment("请各单位认真落实。", "领导批示：口径再核一下")
                .footnote("附注", "详见附件。")
                .header(run("××区人民政府办公室"), deleted("（征求意见稿）"))
                .footer(run("第 1 页"), hidden("打印人：张三"))
                .customProperty("审核人", "王五").customProperty("承办科室", "综合科")
                .oleObject().altChunk("<html><body><p>合并进来的内容</p></body></html>").thumbnail().macros()
                .write(dir.resolve("draft.docx"));
        Path copy = dir.resolve("public.docx");

        CleanRun run = CleanRun.clean(draft, copy);

        assertThat(run.code()).as("%s", run).isZero();
        assertNothingUnseenLeft(copy);
        assertThat(body(copy)).containsExactly("关于做好防汛工作的通知", "各单位：请于五月底前完成排查。",
                "本通知自印发之日起施行。", "请各单位认真落实。", "附注[footnoteRef:1] [1: 详见附件。] ", "");
        try (XWPFDocument doc = open(copy)) {
            assertThat(doc.getProperties().getCoreProperties().getTitle()).isNull();
            assertThat(doc.getProperties().getExtendedProperties().getCompany()).isNull();
            assertThat(doc.getHeaderList()).singleElement().extracting(h -> h.getText().strip())
                    .isEqualTo("××区人民政府办公室");
            assertThat(doc.getFooterList()).singleElement().extracting(f -> f.getText().strip()).isEqualTo("第 1 页");
            assertThat(doc.getFootnotes()).extracting(n -> n.getParagraphs().stream().map(XWPFParagraph::getText)
                    .reduce("", String::concat)).contains("详见附件。");
        }
        Map<String, String> parts = xmlParts(copy);
        assertThat(parts.keySet()).noneMatch(n -> n.contains("comments") || n.contains("people")
                || n.contains("embeddings") || n.contains("afchunk") || n.contains("custom.xml")
                || n.contains("thumbnail") || n.contains("media/image1") || n.contains("vbaProject"));
        parts.forEach((name, xml) -> assertThat(xml).as(name).doesNotContain("docVar", "attachedTemplate",
                "张三", "王五", "领导批示", "征求意见稿", "内部备注", "草稿第三版"));
        assertThat(run.removed(Removal.INSERTIONS_ACCEPTED)).isEqualTo(1);
        assertThat(run.removed(Removal.DELETIONS_DROPPED)).isEqualTo(2);
        assertThat(run.removed(Removal.FORMAT_REVISIONS)).isEqualTo(1);
        assertThat(run.removed(Removal.COMMENTS)).isEqualTo(1);
        assertThat(run.removed(Removal.HIDDEN_TEXT)).isEqualTo(3);
        assertThat(run.removed(Removal.CUSTOM_PROPERTIES)).isEqualTo(2);
        assertThat(run.removed(Removal.EMBEDDED_OBJECTS)).isEqualTo(2);
        assertThat(run.removed(Removal.DOCUMENT_VARIABLES)).isEqualTo(1);
        assertThat(run.removed(Removal.THUMBNAIL)).isEqualTo(1);
        assertThat(run.removed(Removal.MACROS)).isEqualTo(1);
        assertThat(run.removed(Removal.REVISION_IDS)).isPositive();
        assertThat(run.out()).contains("PUBLISHABLE");
    }

    @Test
    void personalDataIsMaskedInPlaceAcrossRunsCellsHeadersFootnotesAndTextBoxesKeepingFormatting()
            throws IOException {
        Path draft = new DraftDocx()
                .paragraph(run("申请人身份证号："), run("<w:b/>", "110105"),
                        run("<w:b/><w:color w:val=\"FF0000\"/>", "19491231"), run("002X"), run("，特此公示。"))
                .raw(row(run("经办人"), run(OTHER_ID)))
                .paragraph(LayeredDocx.textBox("联系电话：" + MOBILE))
                .link("联系经办人", "tel:" + MOBILE)
                .footnote("注", "联系电话：" + MOBILE)
                .header(run("经办人身份证 " + OTHER_ID))
                .write(dir.resolve("notice.docx"));
        Path copy = dir.resolve("public.docx");

        CleanRun run = CleanRun.clean(draft, copy);

        assertThat(run.code()).as("%s", run).isZero();
        assertNothingUnseenLeft(copy);
        String maskedId = Masker.mask(ID);
        try (XWPFDocument doc = open(copy)) {
            XWPFParagraph first = doc.getParagraphs().get(0);
            assertThat(first.getText()).isEqualTo("申请人身份证号：" + maskedId + "，特此公示。");
            List<XWPFRun> runs = first.getRuns();
            assertThat(runs).extracting(XWPFRun::text).containsExactly("申请人身份证号：", maskedId.substring(0, 6),
                    maskedId.substring(6, 14), maskedId.substring(14), "，特此公示。");
            assertThat(runs.get(1).isBold()).isTrue();
            assertThat(runs.get(2).isBold()).isTrue();
            assertThat(runs.get(2).getColor()).isEqualTo("FF0000");
            XWPFTableCell cell = doc.getTables().get(0).getRow(0).getCell(1);
            assertThat(cell.getText()).isEqualTo(Masker.mask(OTHER_ID));
            assertThat(doc.getHeaderList().get(0).getText().strip()).isEqualTo("经办人身份证 " + Masker.mask(OTHER_ID));
        }
        Map<String, String> parts = xmlParts(copy);
        parts.forEach((name, xml) -> assertThat(xml).as(name).doesNotContain(ID, OTHER_ID, MOBILE, "19491231"));
        assertThat(parts.get("word/footnotes.xml")).contains("联系电话：" + Masker.mask(MOBILE));
        assertThat(parts.get("word/document.xml")).contains("联系电话：" + Masker.mask(MOBILE));
        assertThat(run.removed(Removal.MASKED_VALUES)).isGreaterThanOrEqualTo(5);
        assertThat(run.out() + run.err()).doesNotContain(ID, OTHER_ID, MOBILE);
    }

    @Test
    void alternativeTextOfAPictureAndTwoValuesATabApartAreMaskedToo() throws IOException {
        Path draft = dir.resolve("pictured.docx");
        Files.write(draft, new LayeredDocx().text("关于公示年度补助名单的通知")
                .runs(LayeredDocx.run(OTHER_ID), "<w:r><w:tab/></w:r>", LayeredDocx.run(ID))
                .imageWithAltText("经办人身份证 " + ID).build());
        Path copy = dir.resolve("public.docx");

        CleanRun run = CleanRun.clean(draft, copy);

        assertThat(run.code()).as("%s", run).isZero();
        assertNothingUnseenLeft(copy);
        String document = xmlParts(copy).get("word/document.xml");
        assertThat(document).doesNotContain(ID, OTHER_ID).contains("descr=\"经办人身份证 " + Masker.mask(ID) + "\"");
        assertThat(body(copy)).contains(Masker.mask(OTHER_ID) + "\t" + Masker.mask(ID));
    }

    @Test
    void personalDataOnlyInACommentLeavesWithTheCommentAndTheBodyStaysAsItWas() throws IOException {
        Path draft = new DraftDocx()
                .paragraph(run("关于公布年度检查结果的通知"))
                .comment("检查结果见附件。", "经办人身份证 " + ID + "，联系电话：" + MOBILE)
                .write(dir.resolve("commented.docx"));
        Path copy = dir.resolve("public.docx");

        CleanRun run = CleanRun.clean(draft, copy);

        assertThat(run.code()).as("%s", run).isZero();
        assertNothingUnseenLeft(copy);
        assertThat(body(copy)).containsExactly("关于公布年度检查结果的通知", "检查结果见附件。");
        assertThat(run.removed(Removal.COMMENTS)).isEqualTo(1);
        assertThat(run.removed(Removal.MASKED_VALUES)).isZero();
        xmlParts(copy).forEach((name, xml) -> assertThat(xml).as(name).doesNotContain(ID, MOBILE));
    }

    @Test
    void aDocumentWithAWithholdFindingIsRefusedAndNothingIsWritten() throws IOException {
        Path draft = new DraftDocx()
                .paragraph(run("机密★5年"))
                .paragraph(run("××区人民政府关于做好防汛工作的通知"))
                .paragraph(run("联系电话：" + MOBILE))
                .write(dir.resolve("secret.docx"));
        Path copy = dir.resolve("public.docx");

        CleanRun run = CleanRun.clean(draft, copy);

        run.assertRefused(2, draft, copy);
        assertThat(run.err()).contains("withhold", "cn-marking");
    }

    @Test
    void theCopyPassesOnlyWhenItsOwnReviewIsPublishable() throws IOException {
        Path draft = new DraftDocx()
                .paragraph(run("本段落含有示例敏感词甲，请审核。"))
                .paragraph(deleted("已删除的旧段落"))
                .write(dir.resolve("refer.docx"));
        Path copy = dir.resolve("public.docx");

        CleanRun run = CleanRun.clean(draft, copy);

        assertThat(run.code()).as("%s", run).isEqualTo(1);
        assertNothingUnseenLeft(copy);
        assertThat(run.out()).contains("REFER").contains("sensitive-terms.listed");
        assertThat(run.err()).contains("not publishable");
    }

    @Test
    void aReferTermInTrackedDeletionsOnlyIsGoneWithThemAndTheCopyPasses() throws IOException {
        Path draft = new DraftDocx()
                .paragraph(run("关于做好年度工作的通知"), deleted("示例敏感词甲"))
                .raw(DraftDocx.deletedParagraph("本段含示例敏感词甲，已整段删除。"))
                .paragraph(run("特此通知。"))
                .write(dir.resolve("deleted-term.docx"));
        Path copy = dir.resolve("public.docx");

        CleanRun run = CleanRun.clean(draft, copy);

        assertThat(run.code()).as("%s", run).isZero();
        assertNothingUnseenLeft(copy);
        assertThat(body(copy)).containsExactly("关于做好年度工作的通知", "特此通知。");
        assertThat(run.removed(Removal.DELETIONS_DROPPED)).isEqualTo(2);
    }

    // ---- reading the copy -----------------------------------------------------------------------------------

    /** What no cleaned DOCX may hold, checked with POI and in every part's XML. */
    static void assertNothingUnseenLeft(Path copy) throws IOException {
        try (XWPFDocument doc = open(copy)) {
            assertThat(doc.getDocComments()).as("comments part").isNull();
            assertThat(doc.getAllEmbeddedParts()).as("embedded parts").isEmpty();
            assertThat(doc.getProperties().getCustomProperties().getUnderlyingProperties().sizeOfPropertyArray())
                    .as("custom properties").isZero();
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isNull();
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            throw new IOException(e);
        }
        xmlParts(copy).forEach((name, xml) -> assertThat(xml).as(name).doesNotContain("<w:ins ", "<w:del ",
                "<w:delText", "<w:moveFrom", "w:rsid", "<w:vanish", "commentReference", "commentRangeStart",
                "<w:object", "altChunk", "rPrChange"));
    }

    private static XWPFDocument open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XWPFDocument(in);
        }
    }

    /** The body's paragraphs and table cells, one string each, as POI reads them. */
    private static List<String> body(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (XWPFDocument doc = open(file)) {
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    out.add(p.getText());
                } else if (e instanceof XWPFTable t) {
                    t.getRows().forEach(r -> r.getTableCells().forEach(c -> out.add(c.getText())));
                }
            }
        }
        return out;
    }

    private static Map<String, String> xmlParts(Path file) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return parts;
    }
}
