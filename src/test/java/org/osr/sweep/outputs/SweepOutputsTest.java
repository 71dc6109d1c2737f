package org.osr.sweep.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.judge.Verdict;
import org.osr.rules.Lang;
import org.osr.rules.RulePack;

/** The summary, ledger (CSV and workbook) and report of a sweep of generated documents reviewed by the real core. */
class SweepOutputsTest {
    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    static List<RulePack> packs;
    static List<SweepFixture.Item> items;

    @BeforeAll
    static void review() throws Exception {
        packs = SweepFixture.packs();
        items = SweepFixture.build(shared, packs);
    }

    private Path sweep() throws Exception {
        return SweepFixture.writeSweep(dir.resolve("sweep"), items, i -> true, SweepFixture.run(packs, null));
    }

    @Test
    void theSummaryCountsEveryItemWithItsPayloadsVerdictAndAnUnreadableItemAsUnreviewable() throws Exception {
        Path sweep = sweep();
        SweepSummary s = SweepOutputs.write(List.of(sweep), sweep, Lang.EN, packs);

        assertThat(s.items()).isEqualTo(10);
        assertThat(s.statuses().keySet()).containsExactly("reviewed", "duplicate", "unchanged", "error", "skipped");
        assertThat(s.statuses().values()).containsExactly(7L, 1L, 0L, 1L, 1L);
        assertThat(s.payloadsReviewed()).isEqualTo(7);
        // The marked notice and its copy both count as withheld; the PDF, the internal page and the record too; the
        // encrypted PDF and the missing file are unreviewable; the skipped one is in no verdict.
        assertThat(s.verdicts()).containsEntry("withhold", 5L).containsEntry("redact", 1L).containsEntry("publishable", 1L)
                .containsEntry("unreviewable", 2L);
        assertThat(s.verdicts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(9);
        assertThat(s.categories()).containsEntry("classification-marking", 4L)
                .containsKey("personal-information").containsKey("internal-marking");
        assertThat(s.worstVerdict()).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(s.exitCode()).as("an item that could not be read is an unreadable input, as in osr scan")
                .isEqualTo(65);
        assertThat(s.packs()).extracting(SweepRun.PackRef::id).contains("cn-classification-markings");
        assertThat(s.osrVersion()).isEqualTo("0.test");
        SweepSummary read = SweepSummary.fromJson(Files.readString(sweep.resolve("summary.json")));
        assertThat(read).isEqualTo(s);
    }

    @Test
    void aPartialLastLineOfAKilledSweepIsSkippedAndCounted() throws Exception {
        Path sweep = sweep();
        Files.writeString(sweep.resolve("manifest.jsonl"), "{\"item\":\"archive/half", StandardOpenOption.APPEND);
        Files.writeString(sweep.resolve("results.jsonl"), "{\"path\":\"archive/ha", StandardOpenOption.APPEND);
        SweepSummary s = SweepOutputs.write(List.of(sweep), sweep, Lang.EN, packs);
        assertThat(s.items()).isEqualTo(10);
        assertThat(s.payloadsReviewed()).isEqualTo(7);
        assertThat(s.malformedLines()).isEqualTo(2);
        assertThat(Files.readString(sweep.resolve("report.html"))).contains("id=\"malformed\"");
    }

    @Test
    void theCsvLedgerIsUtf8WithBomQuotedAndFormulasNeutralised() throws Exception {
        Path sweep = sweep();
        SweepOutputs.write(List.of(sweep), sweep, Lang.EN, packs);
        byte[] bytes = Files.readAllBytes(sweep.resolve("ledger.csv"));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<String> lines = csv.lines().toList();
        assertThat(csv).contains("\r\n");
        assertThat(lines.get(0)).isEqualTo("No.,Name,Disclosure decision,Reason category,Carrier,Reviewed at,"
                + "Rule-pack versions,SHA-256,Note,Reviewer,Approver");
        assertThat(lines).hasSize(11);
        String hostile = lines.stream().filter(l -> l.contains("hostile.html")).findFirst().orElseThrow();
        assertThat(hostile).as("a title that starts like a formula is text, quoted since it holds quotes")
                .contains(",\"'=HYPERLINK(\"\"http://x\"\")<script>alert(1)</script>内部资料通知\",");
        assertThat(hostile).contains("internal affairs (内部事项)");
        String marked = lines.stream().filter(l -> l.contains("archive/notice-marked.docx")).findFirst().orElseThrow();
        assertThat(marked).startsWith("1,").contains(",withhold,state secret (国家秘密),")
                .contains(SweepFixture.REVIEWED_AT).endsWith(",reviewed,,");
        String record = lines.stream().filter(l -> l.contains("example.gov.cn")).findFirst().orElseThrow();
        assertThat(record).as("a record is carried by its URL and capture time").contains(SweepFixture.RECORD_URL + " (captured 2024-03-05T08:09:10Z)");
        assertThat(lines.stream().filter(l -> l.contains("missing.pdf")).findFirst().orElseThrow())
                .contains("could not be reviewed").contains("could not be read: missing");
        assertThat(csv).as("personal data stays masked").doesNotContain(SweepFixture.ID_NUMBER);
        assertThat(Ledger.lastSegment(SweepFixture.RECORD_URL, true)).as("an untitled record is named by its URL")
                .isEqualTo("通知.html");
        assertThat(Ledger.lastSegment("https://www.example.gov.cn/", true)).isEqualTo("www.example.gov.cn");
        assertThat(Ledger.lastSegment("archive\\sub\\a.doc", false)).isEqualTo("a.doc");
        assertThat(LedgerCsv.field("-1+2")).isEqualTo("'-1+2");
        assertThat(LedgerCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(LedgerCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(LedgerCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void theWorkbookLedgerHasChineseHeadersAFrozenBoldHeaderRowAndContinuesOnASecondSheet() throws Exception {
        Path sweep = sweep();
        Path out = dir.resolve("zh");
        SweepOutputs.write(List.of(sweep), out, Lang.ZH, packs, SweepOutputs.ATTENTION_CAP, 5);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(out.resolve("ledger.xlsx")))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            var first = book.getSheetAt(0);
            assertThat(first.getSheetName()).isEqualTo("台账");
            List<String> headers = new java.util.ArrayList<>();
            first.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("序号", "信息名称", "公开方式（审查结论）", "不予公开理由类别", "载体", "审查时间",
                    "规则包版本", "SHA-256", "备注", "审核人", "审批人");
            assertThat(book.getFontAt(first.getRow(0).getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(first.getPaneInformation().isFreezePane()).isTrue();
            assertThat(first.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(first.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(first.getLastRowNum()).isEqualTo(5);
            assertThat(first.getRow(1).getCell(1).getStringCellValue()).isEqualTo("××区人民政府关于做好2026年防汛工作的通知");
            assertThat(first.getRow(1).getCell(2).getStringCellValue()).isEqualTo("不予公开");
            assertThat(first.getRow(1).getCell(3).getStringCellValue()).isEqualTo("国家秘密");
            assertThat(first.getColumnWidth(4)).isEqualTo(60 * 256);
            Sheet second = book.getSheetAt(1);
            assertThat(second.getRow(0).getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(second.getLastRowNum()).isEqualTo(5);
            assertThat(second.getRow(1).getCell(0).getStringCellValue()).isEqualTo("6");
            assertThat(second.getRow(1).getCell(2).getStringCellValue()).as("the encrypted PDF").isEqualTo("无法审查");
            assertThat(second.getRow(5).getCell(2).getStringCellValue()).isEqualTo("未审查（已跳过）");
            assertThat(second.getRow(4).getCell(2).getStringCellValue()).isEqualTo("无法审查");
        }
    }

    @Test
    void theReportEscapesWhatTheDocumentsSayAndIsSelfContained() throws Exception {
        Path sweep = sweep();
        SweepOutputs.write(List.of(sweep), sweep, Lang.EN, packs);
        String html = Files.readString(sweep.resolve("report.html"));
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).as("no network: nothing is fetched").doesNotContainPattern("src=\"[a-z]+:")
                .doesNotContain("<link").doesNotContain("@import");
        assertThat(html).contains("<mark>机密★5年</mark>").contains("<svg id=\"chart\"");
        assertThat(html).as("links to the file and the URL").contains("href=\"file:/")
                .contains("href=\"" + SweepFixture.RECORD_URL + "\"");
        assertThat(html).as("the copy is listed against the payload it repeats").contains("notice-marked (1).docx");
        assertThat(html).doesNotContain(SweepFixture.ID_NUMBER);
        assertThat(html).as("why a document could not be reviewed is in the table").contains("encrypted");
    }

    @Test
    void theReportListsOnlyTheFirstPayloadsNeedingAttentionWhenCapped() throws Exception {
        Path sweep = sweep();
        SweepOutputs.write(List.of(sweep), sweep, Lang.ZH, packs, 2, LedgerXlsx.MAX_ROWS);
        String html = Files.readString(sweep.resolve("report.html"));
        assertThat(html).contains("id=\"capped\"").contains("此处只列出前 2 份");
    }

    @Test
    void mergingTwoShardsGivesTheTotalsOfOneSweep() throws Exception {
        Path single = SweepFixture.writeSweep(dir.resolve("single"), items, i -> true, SweepFixture.run(packs, null));
        // The marked notice (first) and its copy (seventh) land in different shards, so each shard reviews it.
        Path a = SweepFixture.writeSweep(dir.resolve("a"), items, i -> i < 4, SweepFixture.run(packs, "1/2"));
        Path b = SweepFixture.writeSweep(dir.resolve("b"), items, i -> i >= 4, SweepFixture.run(packs, "2/2"));
        assertThat(Files.readString(b.resolve("results.jsonl"))).contains(items.get(0).entry().sha256());

        SweepSummary one = SweepOutputs.write(List.of(single), single, Lang.EN, packs);
        SweepSummary merged = SweepMerge.merge(List.of(a, b), dir.resolve("merged"), Lang.EN, packs);

        assertThat(merged.items()).isEqualTo(one.items());
        assertThat(merged.statuses()).isEqualTo(one.statuses());
        assertThat(merged.verdicts()).isEqualTo(one.verdicts());
        assertThat(merged.categories()).isEqualTo(one.categories());
        assertThat(merged.payloadsReviewed()).isEqualTo(one.payloadsReviewed());
        assertThat(merged.worstVerdict()).isEqualTo(one.worstVerdict());
        assertThat(merged.exitCode()).isEqualTo(one.exitCode());
        assertThat(merged.shard()).isEqualTo("1/2,2/2");
        assertThat(merged.packs()).isEqualTo(one.packs());
        assertThat(ledgerRows(dir.resolve("merged"))).isEqualTo(ledgerRows(single));
        assertThat(Files.readAllLines(dir.resolve("merged/results.jsonl"))).hasSize(7);

        // Merging the merge with a shard again changes nothing: lines are deduplicated.
        SweepSummary again = SweepMerge.merge(List.of(dir.resolve("merged"), a), dir.resolve("again"), Lang.EN, packs);
        assertThat(again.statuses()).isEqualTo(one.statuses());
        assertThat(again.payloadsReviewed()).isEqualTo(one.payloadsReviewed());
    }

    /** The ledger rows without their running number, sorted: the same items whatever order the shards had. */
    private static List<String> ledgerRows(Path sweep) throws Exception {
        return Files.readAllLines(sweep.resolve("ledger.csv")).stream().skip(1)
                .map(l -> l.substring(l.indexOf(',') + 1)).sorted().toList();
    }
}
