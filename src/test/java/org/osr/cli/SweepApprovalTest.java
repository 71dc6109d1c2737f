package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osr.cli.ApproveCommandTest.MARKED;
import static org.osr.cli.ApproveCommandTest.approve;
import static org.osr.cli.ScanCommandTest.osr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.ScanCommandTest.Run;
import org.osr.testkit.Slow;


/** Sign-off on a sweep: stages approved on its results.jsonl fill the ledger's 审核人 and 审批人 columns. */
@Slow
class SweepApprovalTest {
    @TempDir
    Path tmp;

    @Test
    void theLedgerShowsTheStagesOfTheContentTheyApplyToAndKeepsThemAcrossTheNextSweep() throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Path marked = Files.writeString(site.resolve("notice.txt"), MARKED);
        Files.writeString(site.resolve("other.txt"), "各单位：\n现将有关事项通知如下。\n");
        Path out = tmp.resolve("sweep");
        Run sweep = osr("sweep", site.toString(), "--out", out.toString(), "-q", "--jobs", "1", "--lang", "zh");
        assertThat(sweep.exitCode()).as(sweep.err()).isEqualTo(2);

        Path results = out.resolve("results.jsonl");
        Run review = approve(results, "--document", marked.toString(), "--stage", "review", "--by", "王芳",
                "--decision", "withhold", "--lang", "zh");
        assertThat(review.exitCode()).as(review.err()).isZero();
        assertThat(review.out()).contains("the ledger and report in");
        Run fin = approve(results, "--document", marked.toString(), "--stage", "final", "--by", "李四",
                "--decision", "withhold", "--note", "不予公开", "--lang", "zh");
        assertThat(fin.exitCode()).as(fin.err()).isZero();

        List<String> ledger = Files.readAllLines(out.resolve("ledger.csv"));
        assertThat(ledger.get(0)).endsWith("审核人,审批人");
        String row = ledger.stream().filter(l -> l.contains("notice.txt")).findFirst().orElseThrow();
        assertThat(row).containsPattern(",王芳 \\S+Z 不予公开,李四 \\S+Z 不予公开（不予公开）$");
        String other = ledger.stream().filter(l -> l.contains("other.txt")).findFirst().orElseThrow();
        assertThat(other).endsWith(",,");

        // The record of a sweep's result names the sweep's packs and the stages.
        Path records = tmp.resolve("records");
        Run record = osr("record", results.toString(), "--out", records.toString());
        assertThat(record.exitCode()).as(record.err()).isZero();
        Path markedRecord;
        try (java.util.stream.Stream<Path> files = Files.list(records)) {
            List<Path> all = files.sorted().toList();
            assertThat(all).hasSize(2);
            markedRecord = all.stream().filter(p -> p.getFileName().toString().endsWith("-关于做好防汛工作的通知.docx"))
                    .findFirst().orElseThrow();
        }
        String text;
        try (var in = Files.newInputStream(markedRecord);
             var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in);
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            text = extractor.getText();
        }
        assertThat(text).contains("cn-classification-markings 2026.11 (sha256 ").doesNotContain("未记录所用规则包")
                .contains("王芳 ").contains("李四 ");

        // The next sweep into the folder carries the unchanged content's result over, approvals and all.
        Run again = osr("sweep", site.toString(), "--out", out.toString(), "-q", "--jobs", "1", "--lang", "zh");
        assertThat(again.exitCode()).as(again.err()).isEqualTo(2);
        assertThat(Files.readAllLines(out.resolve("ledger.csv")).stream().filter(l -> l.contains("notice.txt"))
                .findFirst().orElseThrow()).contains(",王芳 ").contains(",李四 ");
    }
}
