package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.SampleSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line as a user and a CI job see it: verdicts, exit codes, report formats, errors. */
class ScanCommandTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    static Run osr(String... args) {
        return osrWithStdin(new byte[0], args);
    }

    static Run osrWithStdin(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Map<String, String> verdicts(JsonNode report) {
        Map<String, String> verdicts = new HashMap<>();
        report.get("documents").forEach(d -> verdicts.put(d.get("path").asString(), d.get("verdict").asString()));
        return verdicts;
    }

    @Test
    void samplesGetTheVerdictsTheReadmePromises() {
        Run run = osr("scan", "samples/");
        JsonNode report = run.json();
        Map<String, String> expected = new HashMap<>();
        SampleSet.verdicts().forEach((file, verdict) -> expected.put("samples/" + file, verdict));
        assertThat(verdicts(report)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(report.get("exitCode").asInt()).isEqualTo(3);
        assertThat(report.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode summary = report.get("summary");
        assertThat(summary.get("documents").asInt()).isEqualTo(expected.size());
        for (String verdict : List.of("publishable", "withhold", "unreviewable")) {
            assertThat(summary.get(verdict).asInt()).as(verdict)
                    .isEqualTo(Collections.frequency(expected.values(), verdict));
        }
        assertThat(report.get("rulePacks").get(0).get("id").asString()).isEqualTo("cn-classification-markings");
        assertThat(report.get("rulePacks").get(0).get("sha256").asString()).hasSize(64);
    }

    @Test
    void markedPdfFindingNamesPartPageLineAndQuotesTheOriginal() {
        Run run = osr("scan", "--lang", "zh", "samples/notice-marked.pdf");
        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode doc = run.json().get("documents").get(0);
        assertThat(doc.get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(doc.get("coverage").get("pages").asInt()).isEqualTo(2);
        assertThat(doc.get("coverage").get("complete").asBoolean()).isTrue();
        JsonNode finding = doc.get("findings").get(0);
        assertThat(finding.get("ruleId").asString()).isEqualTo("cn-marking.level-star-period");
        assertThat(finding.get("category").asString()).isEqualTo("classification-marking");
        assertThat(finding.get("action").asString()).isEqualTo("withhold");
        assertThat(finding.get("match").asString()).isEqualTo("机密★5年");
        assertThat(finding.get("context").asString()).contains("⟦机密★5年⟧");
        assertThat(finding.get("message").asString()).contains("国家秘密标志");
        JsonNode location = finding.get("location");
        assertThat(location.get("part").asString()).isEqualTo("body");
        assertThat(location.get("page").asInt()).isEqualTo(1);
        assertThat(location.get("line").asInt()).isEqualTo(2);
        assertThat(location.get("length").asInt()).isEqualTo(5);
        assertThat(finding.get("fingerprint").asString()).hasSize(64);
        assertThat(doc.get("review").get("opinion").asString()).startsWith("不予公开：");
    }

    @Test
    void hiddenLayersAreReportedUnderTheirOwnPart() {
        JsonNode header = osr("scan", "samples/header-marked.docx").json().get("documents").get(0);
        assertThat(header.get("findings").get(0).get("location").get("part").asString()).isEqualTo("header");
        assertThat(header.get("findings").get(0).get("location").get("page").isNull()).isTrue();
        assertThat(header.get("coverage").get("parts").get("header").asInt()).isEqualTo(1);
        JsonNode deleted = osr("scan", "samples/tracked-deletion.docx").json().get("documents").get(0);
        assertThat(deleted.get("findings").get(0).get("location").get("part").asString()).isEqualTo("deleted");
        assertThat(deleted.get("findings").get(0).get("match").asString()).isEqualTo("秘密★1年");
    }

    @Test
    void cleanNoticeThatNamesTheLevelsInProseIsPublishable() {
        Run run = osr("scan", "samples/notice-clean.docx", "samples/notice-clean.pdf", "samples/notice-clean.html");
        assertThat(run.exitCode()).isZero();
        // only notes (the （此件公开发布） disclosure note) may be recorded; they never change the verdict
        run.json().get("documents").forEach(d -> d.get("findings").forEach(
                f -> assertThat(f.get("action").asString()).isEqualTo("note")));
    }

    @Test
    void encryptedFileIsUnreviewableNeverPublishable() {
        Run run = osr("scan", "samples/encrypted.pdf");
        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode doc = run.json().get("documents").get(0);
        assertThat(doc.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(doc.get("coverage").get("complete").asBoolean()).isFalse();
        assertThat(doc.get("coverage").get("problems").get(0).get("code").asString()).isEqualTo("encrypted");
    }

    @Test
    void failOnWithholdLetsReferAndRedactPassButNotWithhold() throws IOException {
        Path pack = tmp.resolve("refer.yaml");
        Files.writeString(pack, """
                pack: office-terms
                version: "1"
                title: {zh: 本单位敏感词, en: Office terms}
                rules:
                  - id: office.project-x
                    category: sensitive-term
                    action: refer
                    message: {zh: 出现本单位敏感词, en: An office term occurs}
                    terms: [防汛]
                """);
        Run refer = osr("scan", "--rules", pack.toString(), "samples/notice-clean.docx");
        assertThat(refer.exitCode()).isEqualTo(1);
        assertThat(verdicts(refer.json())).containsValue("refer");
        Run lowered = osr("scan", "--rules", pack.toString(), "--fail-on", "withhold", "samples/notice-clean.docx");
        assertThat(lowered.json().get("rulePacks").size()).as("bundled packs stay in use").isGreaterThan(1);
        assertThat(lowered.exitCode()).isZero();
        assertThat(verdicts(lowered.json())).containsValue("refer");
        Run marked = osr("scan", "--rules", pack.toString(), "--with-bundled", "--fail-on", "withhold",
                "samples/notice-marked.docx");
        assertThat(marked.exitCode()).isEqualTo(2);
    }

    @Test
    void rulesAddToTheBundledPacksAndNoBundledDropsThem() throws IOException {
        Path pack = tmp.resolve("only.yaml");
        Files.writeString(pack, """
                pack: nothing-relevant
                version: "1"
                title: Nothing relevant
                rules:
                  - id: nothing.xyzzy
                    category: sensitive-term
                    action: refer
                    message: xyzzy
                    terms: [xyzzy]
                """);
        assertThat(osr("scan", "--rules", pack.toString(), "--no-bundled", "samples/notice-marked.docx").exitCode())
                .isZero();
        assertThat(osr("scan", "--rules", pack.toString(), "samples/notice-marked.docx").exitCode()).isEqualTo(2);
        assertThat(osr("scan", "--no-bundled", "samples/notice-marked.docx").exitCode()).isEqualTo(64);
    }

    @Test
    void missingPathExits65ButTheOtherFilesAreStillReported() {
        Run run = osr("scan", "samples/notice-marked.docx", "no/such/file.docx");
        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains("no/such/file.docx").contains("no such file");
        assertThat(verdicts(run.json())).containsEntry("samples/notice-marked.docx", "withhold");
    }

    @Test
    void invalidRulePackExits78NamingFileLineAndColumn() throws IOException {
        Path pack = tmp.resolve("bad.yaml");
        Files.writeString(pack, """
                pack: bad
                version: "1"
                title: Bad
                rules:
                  - id: bad.regex
                    category: classification-marking
                    action: withhold
                    message: broken
                    regex: '(unclosed'
                """);
        Run run = osr("scan", "--rules", pack.toString(), "samples/notice-clean.docx");
        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains(pack + ":9:").contains("regex");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void usageErrorsExit64() {
        assertThat(osr("scan").exitCode()).isEqualTo(64);
        assertThat(osr("scan", "--format", "pdf", "samples/").exitCode()).isEqualTo(64);
        assertThat(osr("scan", "--lang", "fr", "samples/notice-clean.docx").exitCode()).isEqualTo(64);
        assertThat(osr("frobnicate").exitCode()).isEqualTo(64);
    }

    @Test
    void jsonlStreamsOneDocumentPerLineThenASummary() {
        Run run = osr("scan", "--format", "jsonl", "samples/");
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSize(10);
        for (int i = 0; i < 9; i++) {
            assertThat(JSON.readTree(lines[i]).has("verdict")).isTrue();
            assertThat(JSON.readTree(lines[i]).has("path")).isTrue();
        }
        JsonNode closing = JSON.readTree(lines[9]);
        assertThat(closing.get("summary").get("documents").asInt()).isEqualTo(9);
        assertThat(closing.get("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void textReportIsReadableInEnglishAndChinese() {
        Run en = osr("scan", "--format", "text", "--lang", "en", "samples/notice-marked.pdf");
        assertThat(en.out()).contains("WITHHOLD").contains("body page 1 line 2").contains("⟦机密★5年⟧")
                .contains("state-secret marking");
        Run zh = osr("scan", "--format", "text", "--lang", "zh", "samples/header-marked.docx");
        assertThat(zh.out()).contains("不予公开").contains("页眉").contains("⟦机密★10年⟧");
    }

    @Test
    void outputFileOptionWritesTheReportThere() throws IOException {
        Path report = tmp.resolve("opinion.json");
        Run run = osr("scan", "-o", report.toString(), "samples/notice-clean.html");
        assertThat(run.out()).isEmpty();
        assertThat(JSON.readTree(Files.readString(report)).get("verdict").asString()).isEqualTo("publishable");
    }

    @Test
    void stdinIsScannedWhenPathIsDash() throws IOException {
        byte[] html = Files.readAllBytes(Path.of("samples/notice-marked.html"));
        Run run = osrWithStdin(html, "scan", "-");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(verdicts(run.json())).containsEntry("-", "withhold");
    }

    @Test
    void personalDataIsMaskedEverywhereInTheReport() throws IOException {
        String id = "11010519491231002X";
        Path pack = tmp.resolve("pii.yaml");
        Files.writeString(pack, """
                pack: pii-test
                version: "1"
                title: PII test
                rules:
                  - id: pii.id-number
                    category: personal-information
                    action: redact
                    message: {zh: 身份证号码, en: Resident ID number}
                    regex: '\\d{17}[\\dx]'
                    mask: true
                """);
        Path doc = tmp.resolve("list.html");
        Files.writeString(doc, "<html><head><meta charset=\"utf-8\"><title>名单 " + id + "</title></head><body>"
                + "<p>申请人张三，身份证号：" + id + "，联系地址略。</p></body></html>");
        for (String format : List.of("json", "jsonl", "text")) {
            Run run = osr("scan", "--rules", pack.toString(), "--format", format, doc.toString());
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).as(format).doesNotContain(id).doesNotContain(id.toLowerCase())
                    .contains("1101**********002X");
        }
        JsonNode finding = osr("scan", "--rules", pack.toString(), doc.toString()).json()
                .get("documents").get(0).get("findings").get(0);
        assertThat(finding.get("match").asString()).isEqualTo("1101**********002X");
        assertThat(finding.get("context").asString()).contains("⟦1101**********002X⟧");
    }

    @Test
    void reportIsDeterministicApartFromTimesAndDurations() {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(osr("scan", "samples/").out()
                    .replaceAll("\"startedAt\" : \"[^\"]*\"", "")
                    .replaceAll("\"durationMs\" : \\d+", ""));
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1));
    }

    @Test
    void rulesTestRunsEveryBundledExampleAndPasses() {
        Run run = osr("rules", "test");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("rules: \\d+ passed, 0 failed");
    }

    @Test
    void rulesTestFailsOnAFailingExampleAndNamesIt() throws IOException {
        Path pack = tmp.resolve("wrong.yaml");
        Files.writeString(pack, """
                pack: wrong
                version: "1"
                title: Wrong
                rules:
                  - id: wrong.example
                    category: internal-marking
                    action: refer
                    message: internal
                    terms: [内部资料]
                    examples:
                      match: [内部资料]
                      no-match: [此为内部资料]
                """);
        Run run = osr("rules", "test", "--no-bundled", "--rules", pack.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(pack + ":12:").contains("wrong.example").contains("此为内部资料");
        assertThat(run.out()).contains("1 passed, 1 failed");
    }

    @Test
    void rulesListAndShowExplainTheRules() {
        Run list = osr("rules", "list", "--lang", "en");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("cn-classification-markings").contains("cn-marking.bare-level");
        Run show = osr("rules", "show", "cn-marking.bare-level", "--lang", "zh");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("withhold").contains("first 4 lines").contains("header");
        assertThat(osr("rules", "show", "no.such.rule").exitCode()).isEqualTo(64);
    }
}
