package org.osr.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.Main;
import org.osr.review.DocumentResult;
import org.osr.sweep.outputs.SweepSummary;
import org.osr.testkit.SampleDocuments;
import org.osr.testkit.SampleNotice;

/** {@code osr sweep} in this JVM: what a sweep folder holds, and what a second sweep into it reviews again. */
class SweepCommandTest {
    @TempDir
    Path tmp;

    record Run(int exitCode, String err) {
    }

    static Run osr(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    static List<ManifestEntry> manifest(Path out) throws IOException {
        return Files.readAllLines(out.resolve("manifest.jsonl")).stream().map(ManifestEntry::fromJson).toList();
    }

    static List<DocumentResult> results(Path out) throws IOException {
        return Files.readAllLines(out.resolve("results.jsonl")).stream().map(DocumentResult::fromJson).toList();
    }

    static Map<String, String> statuses(Path out) throws IOException {
        return manifest(out).stream().collect(Collectors.toMap(ManifestEntry::item, ManifestEntry::status,
                (a, b) -> a + "+" + b, TreeMap::new));
    }

    /** A small published site: a marked notice in two formats and a copy, clean pages, a hidden file, a broken PDF. */
    Path site() throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.createDirectories(site.resolve("2024"));
        Files.write(site.resolve("2024/notice.html"), SampleDocuments.html(SampleNotice.TITLE,
                SampleNotice.markedLines(), null).getBytes(StandardCharsets.UTF_8));
        Files.write(site.resolve("2024/copy-of-notice.html"), Files.readAllBytes(site.resolve("2024/notice.html")));
        Files.write(site.resolve("2024/notice.pdf"), SampleDocuments.pdf(SampleNotice.markedPages(), "notice"));
        Files.write(site.resolve("clean.html"), SampleDocuments.html("公告", SampleNotice.cleanLines(), null)
                .getBytes(StandardCharsets.UTF_8));
        Files.write(site.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj <<".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(site.resolve(".draft.html"), "<p>机密★5年</p>");
        return site;
    }

    @Test
    void everyItemIsListedOnceAndEachPayloadReviewedOnce() throws IOException {
        Path site = site();
        Path out = tmp.resolve("out");
        Run run = osr("sweep", site.toString(), "--out", out.toString(), "-q", "--jobs", "2");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);   // the broken PDF: unreviewable is the worst
        Map<String, String> statuses = statuses(out);
        String root = site.toString();
        assertThat(statuses).containsEntry(root + "/2024/notice.pdf", "reviewed")
                .containsEntry(root + "/clean.html", "reviewed")
                .containsEntry(root + "/broken.pdf", "reviewed")
                .containsEntry(root + "/.draft.html", "skipped");
        // The two copies of the HTML notice: one reviewed, the other listed as its duplicate.
        assertThat(List.of(statuses.get(root + "/2024/notice.html"), statuses.get(root + "/2024/copy-of-notice.html")))
                .containsExactlyInAnyOrder("reviewed", "duplicate");
        assertThat(statuses).hasSize(6);

        List<DocumentResult> results = results(out);
        assertThat(results).hasSize(4);
        assertThat(results.stream().map(DocumentResult::sha256).distinct()).hasSize(4);
        Map<String, String> verdicts = manifest(out).stream().filter(e -> e.verdict() != null).collect(
                Collectors.toMap(ManifestEntry::item, e -> e.verdict().id()));
        assertThat(verdicts).containsEntry(root + "/2024/notice.html", "withhold")
                .containsEntry(root + "/2024/copy-of-notice.html", "withhold")
                .containsEntry(root + "/2024/notice.pdf", "withhold")
                .containsEntry(root + "/clean.html", "publishable")
                .containsEntry(root + "/broken.pdf", "unreviewable");
        ManifestEntry pdf = manifest(out).stream().filter(e -> e.item().endsWith("notice.pdf")).findFirst().orElseThrow();
        assertThat(pdf.categories()).containsExactly("classification-marking");
        assertThat(pdf.sha256()).hasSize(64);
        assertThat(SweepState.read(out).status()).isEqualTo(SweepState.COMPLETE);
        for (String file : List.of("summary.json", "ledger.csv", "ledger.xlsx", "report.html", "sweep.json")) {
            assertThat(out.resolve(file)).isNotEmptyFile();
        }
        SweepSummary summary = SweepSummary.read(out);
        assertThat(summary.items()).isEqualTo(6);
        assertThat(summary.verdicts()).containsEntry("withhold", 3L).containsEntry("unreviewable", 1L);
    }

    @Test
    void aLaterSweepReviewsOnlyWhatChanged() throws IOException {
        Path site = site();
        Path out = tmp.resolve("out");
        osr("sweep", site.toString(), "--out", out.toString(), "-q");

        // Touched but same bytes: confirmed unchanged by its SHA-256. Rewritten: reviewed. New: reviewed. Gone: gone.
        Files.setLastModifiedTime(site.resolve("clean.html"), FileTime.from(Instant.now()));
        Files.writeString(site.resolve("2024/notice.html"), SampleDocuments.html("公告", SampleNotice.cleanLines(),
                null));
        Files.write(site.resolve("new.html"), SampleDocuments.html(SampleNotice.TITLE, SampleNotice.markedLines(),
                null).getBytes(StandardCharsets.UTF_8));
        Files.delete(site.resolve("broken.pdf"));
        Run second = osr("sweep", site.toString(), "--out", out.toString(), "-q");

        String root = site.toString();
        Map<String, String> statuses = statuses(out);
        assertThat(statuses).containsEntry(root + "/clean.html", "unchanged")
                .containsEntry(root + "/2024/notice.pdf", "unchanged")
                .doesNotContainKey(root + "/broken.pdf");
        // notice.html now holds the clean page's bytes: a duplicate of clean.html; new.html holds the marked bytes
        // the earlier sweep reviewed under copy-of-notice.html.
        assertThat(statuses.get(root + "/2024/notice.html")).isIn("duplicate", "unchanged");
        assertThat(statuses.get(root + "/new.html")).isIn("unchanged", "duplicate");
        assertThat(statuses.values()).doesNotContain("reviewed");
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(results(out)).hasSize(3);
        assertThat(Files.exists(out.resolve("previous"))).isFalse();

        // New bytes nobody reviewed before are reviewed.
        Files.writeString(site.resolve("new.html"), "<html><body><p>内部资料 注意保存</p></body></html>");
        osr("sweep", site.toString(), "--out", out.toString(), "-q");
        assertThat(statuses(out)).containsEntry(root + "/new.html", "reviewed");
    }

    @Test
    void otherRulePacksReviewEverythingAgain() throws IOException {
        Path site = site();
        Path out = tmp.resolve("out");
        osr("sweep", site.toString(), "--out", out.toString(), "-q");
        Path pack = tmp.resolve("extra.yaml");
        Files.writeString(pack, """
                pack: office-terms
                version: "1"
                title: {zh: 本单位敏感词, en: Office terms}
                rules:
                  - id: office.flood
                    category: sensitive-term
                    action: refer
                    message: {zh: 涉及防汛部署, en: Flood deployment}
                    terms: [防汛]
                    examples: {match: [防汛工作], no-match: [抗旱工作]}
                """);
        Run run = osr("sweep", site.toString(), "--out", out.toString(), "-q", "--rules", pack.toString());
        assertThat(run.err()).doesNotContain("invalid");
        assertThat(statuses(out).values()).doesNotContain("unchanged");
    }

    @Test
    void anIdNumberInAFileNameIsMaskedInEveryOutput() throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        String id = "11010519491231002X";
        Files.writeString(site.resolve("申请人" + id + "材料.html"), "<p>申请材料已收到。</p>");
        Path out = tmp.resolve("out");
        osr("sweep", site.toString(), "--out", out.toString(), "-q");
        for (String file : List.of("manifest.jsonl", "results.jsonl", "ledger.csv", "report.html", "summary.json")) {
            assertThat(Files.readString(out.resolve(file))).as(file).doesNotContain(id).doesNotContain("19491231");
        }
        assertThat(manifest(out).get(0).item()).contains("申请人").endsWith("材料.html");
        // The masked key still identifies the file: swept again, it is unchanged.
        osr("sweep", site.toString(), "--out", out.toString(), "-q");
        assertThat(manifest(out)).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo("unchanged"));
    }

    @Test
    void theSweepFolderInsideTheTreeIsNotReviewed() throws IOException {
        Path site = site();
        Path out = site.resolve("sweep-2026");
        osr("sweep", site.toString(), "--out", out.toString(), "-q");
        osr("sweep", site.toString(), "--out", out.toString(), "-q");   // its results quote markings: never an item
        assertThat(statuses(out)).containsEntry(out + "/", "skipped").hasSize(7)
                .doesNotContainKey(out + "/results.jsonl");
    }

    @Test
    void sinceLeavesOutOlderFiles() throws IOException {
        Path site = site();
        Files.setLastModifiedTime(site.resolve("clean.html"), FileTime.from(Instant.parse("2015-01-01T00:00:00Z")));
        Path out = tmp.resolve("out");
        osr("sweep", site.toString(), "--out", out.toString(), "-q", "--since", "2016-06-01");
        assertThat(statuses(out)).doesNotContainKey(site + "/clean.html").containsKey(site + "/2024/notice.pdf");
    }

    @Test
    void shardsShareTheItemsBetweenThem() throws IOException {
        Path site = site();
        for (int i = 0; i < 12; i++) {
            Files.writeString(site.resolve("page-" + i + ".html"), "<p>第" + i + "页</p>");
        }
        Path whole = tmp.resolve("whole");
        osr("sweep", site.toString(), "--out", whole.toString(), "-q");
        List<String> shardItems = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path out = tmp.resolve("shard-" + i);
            osr("sweep", site.toString(), "--out", out.toString(), "-q", "--shard", i + "/3");
            List<String> items = manifest(out).stream().map(ManifestEntry::item).toList();
            assertThat(items).as("shard %d has some of 18 items", i).isNotEmpty().hasSizeLessThan(18);
            shardItems.addAll(items);
        }
        assertThat(shardItems).containsExactlyInAnyOrderElementsOf(manifest(whole).stream().map(ManifestEntry::item)
                .toList());

        // Merged, the three shards give the single sweep's totals.
        Path merged = tmp.resolve("merged");
        Run merge = osr("sweep", "merge", tmp.resolve("shard-1").toString(), tmp.resolve("shard-2").toString(),
                tmp.resolve("shard-3").toString(), "--out", merged.toString());
        SweepSummary one = SweepSummary.read(whole);
        SweepSummary joined = SweepSummary.read(merged);
        assertThat(merge.exitCode()).isEqualTo(one.exitCode());
        assertThat(joined.items()).isEqualTo(one.items());
        assertThat(joined.verdicts()).isEqualTo(one.verdicts());
        assertThat(joined.categories()).isEqualTo(one.categories());
        assertThat(joined.statuses()).isEqualTo(one.statuses());
        assertThat(joined.payloadsReviewed()).isEqualTo(one.payloadsReviewed());
        assertThat(joined.worstVerdict()).isEqualTo(one.worstVerdict());
    }

    @Test
    void anUnfinishedSweepOfOtherInputsIsNotMixedIn() throws IOException {
        Path site = site();
        Path out = tmp.resolve("out");
        osr("sweep", site.toString(), "--out", out.toString(), "-q");
        SweepState done = SweepState.read(out);
        new SweepState(SweepState.RUNNING, done.config(), done.startedAt(), null).write(out);
        Path other = Files.createDirectories(tmp.resolve("other"));
        Run run = osr("sweep", other.toString(), "--out", out.toString(), "-q");
        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("unfinished sweep");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(osr("sweep", tmp.toString(), "--out", tmp.resolve("o").toString(), "--shard", "3/2").exitCode())
                .isEqualTo(64);
        assertThat(osr("sweep", tmp.toString(), "--out", tmp.resolve("o").toString(), "--since", "June").exitCode())
                .isEqualTo(64);
        assertThat(osr("sweep", tmp.toString()).exitCode()).isEqualTo(64);
        assertThat(osr("sweep", tmp.toString(), "--out", tmp.resolve("o").toString(), "--worker-heap", "lots")
                .exitCode()).isEqualTo(64);
        assertThat(osr("sweep", tmp.toString(), "--out", tmp.resolve("o").toString(), "--worker-heap", "16m")
                .exitCode()).isEqualTo(64);
    }
}
