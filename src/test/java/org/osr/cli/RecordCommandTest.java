package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.osr.cli.ApproveCommandTest.MARKED;
import static org.osr.cli.ApproveCommandTest.approve;
import static org.osr.cli.ApproveCommandTest.reviewed;
import static org.osr.cli.ScanCommandTest.osr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.ApproveCommandTest.Reviewed;
import org.osr.cli.ScanCommandTest.Run;
import org.osr.source.Digests;

/** {@code osr record}: the written review record, read back with POI and PDFBox. */
class RecordCommandTest {
    private static final String ID = "11010519491231002X";
    private static final String MASKED_ID = "1101**********002X";
    private static final Path CJK = Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    @TempDir
    Path tmp;

    private static List<Path> files(Path dir, String ext) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    /** The field table as label → value (a value's paragraphs joined by newlines). */
    private static Map<String, String> fields(XWPFTable table) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (XWPFTableRow row : table.getRows()) {
            fields.put(row.getCell(0).getText(), String.join("\n", row.getCell(1).getParagraphs().stream()
                    .map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText).toList()));
        }
        return fields;
    }

    /** Every XML part of the package as text: what any reader of the file could find in it. */
    private static String allXml(Path docx) throws IOException {
        StringBuilder all = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    @Test
    void theDocxRecordHasEveryFieldTheReviewProcedureAsksForWithMaskedFindingsAndTheStages() throws IOException {
        Reviewed r = reviewed(tmp, "notice.txt", MARKED);
        assertThat(approve(r.opinion(), "--stage", "review", "--by", "王芳", "--decision", "withhold", "--note",
                "含密级标志").exitCode()).isZero();
        Path out = tmp.resolve("records");
        Run run = osr("record", r.opinion().toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Path> records = files(out, ".docx");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getFileName().toString()).isEqualTo("record-001-关于做好防汛工作的通知.docx");

        try (InputStream in = Files.newInputStream(records.get(0)); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("政府信息公开保密审查记录");
            assertThat(doc.getTables()).hasSize(2);
            Map<String, String> f = fields(doc.getTables().get(0));
            assertThat(f.keySet()).containsExactly("信息名称", "文件", "摘要", "文件 SHA-256", "审查依据", "规则包及版本",
                    "读取情况", "审查结论", "处理意见", "发现事项");
            assertThat(f.get("信息名称")).isEqualTo("关于做好防汛工作的通知");
            assertThat(f.get("文件")).isEqualTo(r.document().toString());
            assertThat(f.get("摘要")).startsWith("关于做好防汛工作的通知 秘密★1年").contains(MASKED_ID);
            assertThat(f.get("文件 SHA-256")).isEqualTo(Digests.sha256(r.document()));
            assertThat(f.get("审查依据")).contains("国家秘密标志（cn-classification-markings）：《中华人民共和国保守国家秘密法》")
                    .contains("个人信息（cn-personal-information）：《中华人民共和国个人信息保护法》");
            assertThat(f.get("规则包及版本")).contains("cn-classification-markings 2026.11 (sha256 ")
                    .contains("cn-personal-information 2026.11");
            assertThat(f.get("读取情况")).isEqualTo("已完整读取");
            assertThat(f.get("审查结论")).isEqualTo("不予公开");
            assertThat(f.get("处理意见")).startsWith("不予公开：文件标有国家秘密标志").contains("（正文第2行）");
            String[] findings = f.get("发现事项").split("\n");
            assertThat(findings).hasSize(2);
            assertThat(findings[0]).startsWith("1. 【不予公开】文件标有国家秘密标志")
                    .contains("（正文第2行）").contains("规则 cn-marking.level-star-period").contains("⟦秘密★1年⟧");
            assertThat(findings[1]).startsWith("2. 【删减后公开】文件含有居民身份证号码")
                    .contains("（正文第3行）").contains("规则 cn-pii.resident-id").contains("⟦" + MASKED_ID + "⟧");

            XWPFTable signatures = doc.getTables().get(1);
            assertThat(signatures.getRows()).hasSize(4);
            assertThat(signatures.getRow(0).getCell(0).getText()).isEqualTo("职责");
            List<String> roles = new ArrayList<>();
            for (int i = 1; i < 4; i++) {
                XWPFTableRow row = signatures.getRow(i);
                roles.add(row.getCell(0).getText());
                assertThat(row.getCell(2).getText()).isEqualTo("签名：____________");
                assertThat(row.getCell(3).getText()).isEqualTo("日期：____年__月__日");
            }
            assertThat(roles).containsExactly("承办人", "审核人", "审批领导");
            assertThat(signatures.getRow(1).getCell(1).getText()).isEmpty();
            assertThat(signatures.getRow(2).getCell(1).getText()).startsWith("王芳 ").endsWith(" 不予公开（含密级标志）");
            assertThat(signatures.getRow(3).getCell(1).getText()).isEmpty();
            String closing = doc.getParagraphs().get(doc.getParagraphs().size() - 1).getText();
            assertThat(closing).contains("不做任何密码学签名").contains("notice.txt.opinion.json");
        }
        assertThat(allXml(records.get(0))).contains(MASKED_ID).doesNotContain(ID).doesNotContain("1101051949");
    }

    @Test
    void thePdfRecordIsMadeFromTheSameTemplateWithAnEmbeddedChineseFont() throws IOException {
        assumeTrue(Files.isRegularFile(CJK), "no Droid Sans Fallback");
        Reviewed r = reviewed(tmp, "notice.txt", MARKED);
        Path out = tmp.resolve("records");
        Run run = osr("record", r.opinion().toString(), "--out", out.toString(), "--pdf", "--font", CJK.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(files(out, ".docx")).hasSize(1);
        List<Path> pdfs = files(out, ".pdf");
        assertThat(pdfs).hasSize(1);
        String text;
        try (PDDocument pdf = Loader.loadPDF(pdfs.get(0).toFile())) {
            text = new PDFTextStripper().getText(pdf);
            assertThat(pdf.getPage(0).getResources().getFontNames()).isNotEmpty();
        }
        String flat = text.replaceAll("\\s+", "");
        assertThat(flat).contains("政府信息公开保密审查记录", "【信息名称】关于做好防汛工作的通知", "【摘要】",
                "【文件SHA-256】" + Digests.sha256(r.document()), "【审查依据】国家秘密标志", "《中华人民共和国个人信息保护法》",
                "【规则包及版本】cn-classification-markings2026.11", "【审查结论】不予公开", "【处理意见】不予公开：",
                "【发现事项】1.【不予公开】", "规则cn-pii.resident-id", "【承办人】签名：", "【审核人】签名：",
                "【审批领导】签名：", "日期：____年__月__日", "不做任何密码学签名", MASKED_ID);
        assertThat(flat).doesNotContain(ID);
    }

    @Test
    void withoutAChineseFontThePdfIsRefusedClearlyAndNothingIsWritten() throws IOException {
        Reviewed r = reviewed(tmp, "notice.txt", MARKED);
        Path out = tmp.resolve("records");
        Run missing = osr("record", r.opinion().toString(), "--out", out.toString(), "--pdf", "--font",
                tmp.resolve("no-such-font.ttf").toString());
        assertThat(missing.exitCode()).isEqualTo(69);
        assertThat(missing.err()).contains("no font with Chinese glyphs").contains("no-such-font.ttf (not found)")
                .contains("--font");
        Path latin = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        if (Files.isRegularFile(latin)) {
            Run noGlyphs = osr("record", r.opinion().toString(), "--out", out.toString(), "--pdf", "--font",
                    latin.toString());
            assertThat(noGlyphs.exitCode()).isEqualTo(69);
            assertThat(noGlyphs.err()).contains("DejaVuSans.ttf (no Chinese glyphs");
        }
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void everyDocumentOfJsonLinesGetsARecordAndEnglishIsOneOptionAway() throws IOException {
        Path a = Files.writeString(tmp.resolve("a.txt"), MARKED);
        Path b = Files.writeString(tmp.resolve("b.txt"), "各单位：\n现将有关事项通知如下。\n");
        Path opinion = ApproveCommandTest.jsonl(tmp, a, b);
        Path out = tmp.resolve("records");
        Run run = osr("record", opinion.toString(), "--out", out.toString(), "--lang", "en");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Path> records = files(out, ".docx");
        assertThat(records).hasSize(2);
        Map<String, Map<String, String>> byFile = new LinkedHashMap<>();
        for (Path p : records) {
            try (InputStream in = Files.newInputStream(p); XWPFDocument doc = new XWPFDocument(in)) {
                assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("Pre-publication review record");
                Map<String, String> f = fields(doc.getTables().get(0));
                byFile.put(f.get("File"), f);
            }
        }
        Map<String, String> clean = byFile.get(b.toString());
        assertThat(clean.get("Title")).isEqualTo("各单位：");
        assertThat(clean.get("Conclusion")).startsWith("Publishable");
        assertThat(clean.get("Findings")).isEqualTo("none");
        assertThat(clean.get("Basis of review")).contains("(the opinion does not name its rule packs");
        assertThat(byFile.get(a.toString()).get("Findings")).contains("[withhold] The document carries a state-secret")
                .contains("(body, line 2)");
    }

    @Test
    void aFileThatIsNoOpinionIsNamed() throws IOException {
        Path notOpinion = Files.writeString(tmp.resolve("list.json"), "[1, 2]\n");
        Run run = osr("record", notOpinion.toString(), "--out", tmp.resolve("r").toString());
        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains("list.json");
    }
}
