package org.osr.sweep.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.rules.Lang;
import org.osr.rules.RulePack;
import org.osr.testkit.Programs;
import org.osr.testkit.Slow;

/**
 * The sweep report as an officer sees it: opened in headless Chromium from a file, its script run, the DOM read back.
 * The page takes its filter and sort from the address ({@code #filter=…&verdict=…&sort=N&desc=1}), so each state is
 * one page load.
 */
@Slow
class ReportInBrowserTest {
    @TempDir
    static Path dir;
    static Path report;
    static Path reportZh;

    @BeforeAll
    static void writeReport() throws Exception {
        assumeTrue(Programs.onPath("chromium"), "chromium is not installed (Debian package chromium)");
        List<RulePack> packs = SweepFixture.packs();
        List<SweepFixture.Item> items = SweepFixture.build(dir, packs);
        Path sweep = SweepFixture.writeSweep(dir.resolve("sweep"), items, i -> true, SweepFixture.run(packs, null));
        SweepOutputs.write(List.of(sweep), sweep, Lang.EN, packs);
        report = sweep.resolve("report.html");
        reportZh = SweepOutputs.write(List.of(sweep), dir.resolve("zh"), Lang.ZH, packs) == null ? null
                : dir.resolve("zh/report.html");
    }

    @Test
    void theTableListsTheFindingsAndTheTextFilterLeavesOnlyMatchingRows() throws Exception {
        Document all = open("");
        List<Element> rows = rows(all);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(6);
        assertThat(visible(rows)).hasSameSizeAs(rows);
        assertThat(all.select("#findings mark").eachText()).contains("机密★5年", "1101**********002X");
        assertThat(all.select("#findings td code").eachText()).contains("cn-marking.level-star-period",
                "cn-pii.resident-id", "cn-internal.internal-use-warning");
        assertThat(all.select("script")).as("the hostile title is text, not a script").hasSize(1);
        assertThat(all.select("#findings b").eachText()).contains("=HYPERLINK(\"http://x\")<script>alert(1)</script>内部资料通知");

        Document filtered = open("filter=" + URLEncoder.encode("机密★5年", StandardCharsets.UTF_8));
        List<Element> shown = visible(rows(filtered));
        assertThat(shown).hasSizeBetween(1, rows.size() - 1);
        assertThat(shown).allSatisfy(r -> assertThat(r.text()).contains("机密★5年"));
        assertThat(filtered.getElementById("shown").text()).isEqualTo(shown.size() + " / " + rows.size());
    }

    @Test
    void theVerdictListFiltersByVerdict() throws Exception {
        List<Element> shown = visible(rows(open("verdict=redact")));
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).attr("data-verdict")).isEqualTo("redact");
        assertThat(shown.get(0).text()).contains("applicants.html");
    }

    @Test
    void aClickedHeaderSortsTheRows() throws Exception {
        List<String> byVerdictDown = verdicts(open("sort=1&desc=1"));
        assertThat(byVerdictDown.get(0)).isEqualTo("unreviewable");
        assertThat(byVerdictDown.get(byVerdictDown.size() - 1)).isEqualTo("redact");
        List<String> byVerdictUp = verdicts(open("sort=1"));
        assertThat(byVerdictUp.get(0)).isEqualTo("redact");
        assertThat(byVerdictUp.get(byVerdictUp.size() - 1)).isEqualTo("unreviewable");
        assertThat(verdicts(open("click=1"))).as("one click on the verdict header").isEqualTo(byVerdictUp);
        assertThat(verdicts(open("click=1,1"))).as("a second click reverses").isEqualTo(byVerdictDown);
        Document byContext = open("sort=4");
        assertThat(byContext.getElementById("findings").attr("data-sorted")).isEqualTo("4 asc");
        assertThat(byContext.select("#findings th").get(4).hasClass("asc")).isTrue();
    }

    @Test
    void screenshotsOfTheReportInEnglishAndChinese() throws Exception {
        for (String[] page : new String[][] {{"sweep-report.png", report.toUri().toString()},
                {"sweep-report-zh.png", reportZh.toUri() + "#filter=" + URLEncoder.encode("机密", StandardCharsets.UTF_8)}}) {
            Path png = Path.of("target", page[0]).toAbsolutePath();
            Files.deleteIfExists(png);
            chromium("--screenshot=" + png, "--window-size=1400,1400", "--virtual-time-budget=2000", page[1]);
            assertThat(png).isRegularFile();
            assertThat(Files.size(png)).isGreaterThan(10_000);
            System.out.println("sweep report screenshot: " + png);
        }
        Document zh = open(reportZh, "");
        assertThat(zh.select("#findings th").eachText()).startsWith("信息", "结论");
        assertThat(zh.select("#findings .v").eachText()).contains("不予公开", "删减后公开", "无法审查");
        assertThat(zh.select("#findings td").eachText()).anyMatch(t -> t.contains("公民身份号码"));
    }

    private static List<String> verdicts(Document d) {
        return rows(d).stream().map(r -> r.attr("data-verdict")).toList();
    }

    private static List<Element> rows(Document d) {
        return d.select("#findings > tbody > tr");
    }

    private static List<Element> visible(List<Element> rows) {
        return rows.stream().filter(r -> !r.hasAttr("hidden")).toList();
    }

    private static Document open(String fragment) throws Exception {
        return open(report, fragment);
    }

    private static Document open(Path page, String fragment) throws Exception {
        String url = page.toUri() + (fragment.isEmpty() ? "" : "#" + fragment);
        return Jsoup.parse(chromium("--virtual-time-budget=2000", "--dump-dom", url));
    }

    private static String chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        Path err = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in 90 s");
        }
        assertThat(p.exitValue()).as("chromium: %s", Files.readString(err)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
