package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osr.cli.ScanCommandTest.osr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.rules.PackSources;
import org.osr.testkit.DocxSpec;
import org.osr.testkit.SampleDocuments;
import org.osr.testkit.Slow;
import tools.jackson.databind.JsonNode;

/** {@code osr retro}: the findings of a scan, from the index, without reading the files again. */
class RetroCommandTest {
    /** A pack written after indexing: Han phrases (bigrams), a one-character term, Latin and digit terms (unigrams). */
    static final String NEW_TERMS = """
            pack: office-new-terms
            version: "1"
            title: new terms
            rules:
              - id: office.new-terms
                category: sensitive-term
                action: refer
                message: a newly listed term
                terms: [防汛, 人民政府文件, 急, secret, "2026", 会议安排]
              - id: office.new-pattern
                category: sensitive-term
                action: redact
                message: a numbered notice
                regex: '政发〔\\d{4}〕\\d+号'
                requires: [政发]
            """;

    @TempDir
    Path tmp;

    @Test
    void retroFindsWhatScanFindsOnTheSamplesWithTheBundledPacksAndANewTermPack() throws IOException {
        Path docs = published();
        Path index = index(docs);
        Path pack = Files.writeString(tmp.resolve("new.yaml"), NEW_TERMS);
        List<String> packs = List.of("--rules", pack.toString());

        ScanCommandTest.Run scan = run("scan", packs, docs.toString());
        ScanCommandTest.Run retro = run("retro", packs, "--index", index.toString(), "--all");
        assertSameReview(scan, retro);
        assertThat(findings(retro.json())).as("the new pack found something").anyMatch(f -> f.contains("office.new-"));

        // Without --all: only what needs attention is listed, with the same findings; the summary counts everything.
        ScanCommandTest.Run listed = run("retro", packs, "--index", index.toString());
        assertThat(listed.exitCode()).isEqualTo(scan.exitCode());
        assertThat(listed.json().get("summary")).isEqualTo(scan.json().get("summary"));
        assertThat(findings(listed.json())).containsExactlyInAnyOrderElementsOf(findings(scan.json()));
        listed.json().get("documents").forEach(d -> assertThat(d.get("findings").size() > 0
                || !d.get("verdict").asString().equals("publishable")).isTrue());
    }

    @Slow
    @Test
    void eachBundledPackAloneAndTheNewTermPackAloneFindWhatScanFinds() throws IOException {
        Path docs = published();
        Path index = index(docs);
        List<Path> packs = new ArrayList<>();
        for (String bundled : PackSources.BUNDLED) {
            packs.add(Path.of("rules", bundled));
        }
        packs.add(Files.writeString(tmp.resolve("new.yaml"), NEW_TERMS));
        for (Path pack : packs) {
            List<String> only = List.of("--no-bundled", "--rules", pack.toString());
            assertSameReview(run("scan", only, docs.toString()), run("retro", only, "--index", index.toString(),
                    "--all"));
        }
    }

    @Test
    void aRuleAddedAfterIndexingIsFoundWithoutReadingTheFilesAgain() throws IOException {
        Path docs = Files.createDirectory(tmp.resolve("site"));
        Files.write(docs.resolve("report.pdf"), SampleDocuments.pdf(List.of(List.of("年度工作报告"),
                List.of("第二页", "项目代号 top_secret_plan 已经结项")), "报告"));
        Files.writeString(docs.resolve("page.html"), "<html><body><p>公告</p><p>项目代号青松已结项</p></body></html>");
        Path index = index(docs);
        Path pack = Files.writeString(tmp.resolve("added.yaml"), """
                pack: added-later
                version: "1"
                title: added later
                rules:
                  - id: added.codename
                    category: sensitive-term
                    action: withhold
                    message: a project code name
                    terms: [青松, secret]
                """);
        List<String> only = List.of("--no-bundled", "--rules", pack.toString());
        ScanCommandTest.Run scan = run("scan", only, docs.toString());

        try (Stream<Path> files = Files.list(docs)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(docs);
        ScanCommandTest.Run retro = run("retro", only, "--index", index.toString(), "--all");
        assertSameReview(scan, retro);
        assertThat(retro.exitCode()).isEqualTo(2);
        assertThat(places(retro.json())).containsExactlyInAnyOrder(
                docs.resolve("page.html") + " added.codename body null 2 青松",
                docs.resolve("report.pdf") + " added.codename body 2 2 secret");
    }

    @Test
    void withoutAnIndexItIsAUsageError() {
        ScanCommandTest.Run run = osr("retro", "--index", tmp.resolve("none").toString());
        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("no osr index");
    }

    /** All of ../shared/bench, when it is there: the bundled packs and the new term pack, retro against scan. */
    @Slow
    @Test
    void retroFindsWhatScanFindsOnTheSharedBench() throws IOException {
        Path bench = Path.of("../shared/bench");
        Assumptions.assumeTrue(Files.isDirectory(bench), "no ../shared/bench here");
        Path index = tmp.resolve("bench-index");
        assertThat(osr("index", bench.toString(), "--index", index.toString()).exitCode()).isIn(0, 65);
        Path pack = Files.writeString(tmp.resolve("new.yaml"), NEW_TERMS);
        List<String> packs = List.of("--rules", pack.toString());
        assertSameReview(run("scan", packs, bench.toString()), run("retro", packs, "--index", index.toString(),
                "--all"));
    }

    private Path published() throws IOException {
        Path docs = Files.createDirectory(tmp.resolve("published"));
        try (Stream<Path> samples = Files.list(Path.of("samples"))) {
            for (Path s : samples.toList()) {
                if (!s.getFileName().toString().endsWith(".md")) {
                    Files.copy(s, docs.resolve(s.getFileName()));
                }
            }
        }
        Files.write(docs.resolve("minutes.docx"), SampleDocuments.docx(DocxSpec.of("会议纪要",
                List.of("关于会议安排的通知", "联系人身份证号：11010519491231002X", "本件 secret_x 急"))));
        Files.write(docs.resolve("two-pages.pdf"), SampleDocuments.pdf(List.of(List.of("防汛工作安排"),
                List.of("×政发〔2026〕7号", "机密★5年内")), "防汛"));
        return docs;
    }

    private Path index(Path docs) {
        Path index = tmp.resolve("index-" + docs.getFileName());
        ScanCommandTest.Run run = osr("index", docs.toString(), "--index", index.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return index;
    }

    private static ScanCommandTest.Run run(String command, List<String> packs, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "-q"));
        all.addAll(packs);
        all.addAll(List.of(args));
        return osr(all.toArray(String[]::new));
    }

    /** Same documents, verdicts, coverage, titles, abstracts and findings (rule, part, page, line, offset, fingerprint). */
    static void assertSameReview(ScanCommandTest.Run scan, ScanCommandTest.Run retro) {
        assertThat(retro.exitCode()).as(retro.err()).isEqualTo(scan.exitCode());
        JsonNode s = scan.json();
        JsonNode r = retro.json();
        assertThat(r.get("summary")).isEqualTo(s.get("summary"));
        assertThat(byPath(r)).isEqualTo(byPath(s));
        assertThat(findings(r)).containsExactlyInAnyOrderElementsOf(findings(s));
    }

    private static Map<String, String> byPath(JsonNode report) {
        Map<String, String> docs = new TreeMap<>();
        report.get("documents").forEach(d -> docs.put(d.get("path").asString(), String.join(" | ",
                d.get("verdict").asString(), String.valueOf(d.get("exitCode").asInt()), d.get("sha256").toString(),
                d.get("title").toString(), d.get("abstract").toString(), d.get("coverage").toString(),
                String.valueOf(d.get("findings").size()))));
        return docs;
    }

    private static List<String> places(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("documents").forEach(d -> d.get("findings").forEach(f -> out.add(String.join(" ",
                d.get("path").asString(), f.get("ruleId").asString(), f.get("location").get("part").asString(),
                f.get("location").get("page").toString(), f.get("location").get("line").toString(),
                f.get("match").asString()))));
        return out;
    }

    private static List<String> findings(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("documents").forEach(d -> d.get("findings").forEach(f -> {
            JsonNode at = f.get("location");
            out.add(String.join(" ", d.get("path").asString(), f.get("ruleId").asString(), at.get("part").asString(),
                    at.get("page").toString(), at.get("line").toString(), at.get("offset").toString(),
                    at.get("length").toString()) + (f.get("fingerprint") == null ? ""
                    : " " + f.get("fingerprint").asString() + " " + f.get("match").asString() + " "
                            + f.get("context").asString() + " " + at.get("embeddedPath") + " " + at.get("source")));
        }));
        return out;
    }
}
