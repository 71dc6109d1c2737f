package org.osr.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.Coverage;
import org.osr.extract.TikaExtractor;
import org.osr.judge.Judge;
import org.osr.judge.Verdict;
import org.osr.match.RuleEngine;
import org.osr.review.DocumentResult;
import org.osr.review.DocumentReviewer;
import org.osr.review.Fingerprint;
import org.osr.review.Masking;
import org.osr.rules.Action;
import org.osr.rules.Lang;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CI formats as GitHub code scanning (SARIF), GitLab and Jenkins (JUnit XML) and GitLab's merge request widget
 * (Code Quality) read them: every SARIF log validates against the SARIF 2.1.0 schema when {@code ../shared} holds it.
 */
class CiReportsTest {
    private static final Path SARIF_SCHEMA = Path.of("../shared/schemas/sarif-schema-2.1.0.json");
    /** A resident ID number with a valid check digit: it must never appear in any report. */
    private static final String ID_NUMBER = "11010519491231002X";

    private static ReviewedSamples samples;
    private static Schema sarifSchema;

    @BeforeAll
    static void setUp() throws Exception {
        samples = ReviewedSamples.review();
        if (Files.isRegularFile(SARIF_SCHEMA)) {
            // This copy keeps the log's schema under definitions/Root and puts no constraint at the top, so as it
            // stands it accepts anything; the log is validated against Root, and the schema must reject a bad log.
            ObjectNode schema = (ObjectNode) JsonReport.MAPPER.readTree(Files.readString(SARIF_SCHEMA));
            if (schema.path("definitions").has("Root")) {
                schema.setAll((ObjectNode) schema.path("definitions").path("Root"));
            }
            sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
            assertThat(sarifSchema.validate("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": "
                    + "{\"name\": \"osr\"}}, \"results\": [{\"message\": {\"text\": \"m\"}, \"level\": "
                    + "\"severe\"}]}]}", InputFormat.JSON)).isNotEmpty();
        }
    }

    /** Validates against the schema where it is at hand, then the fields GitHub reads, always. */
    private static JsonNode sarif(String log) {
        if (sarifSchema != null) {
            assertThat(sarifSchema.validate(log, InputFormat.JSON)).isEmpty();
        }
        JsonNode root = JsonReport.MAPPER.readTree(log);
        assertThat(root.path("version").asString()).isEqualTo("2.1.0");
        JsonNode run = root.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("name").asString()).isEqualTo("osr");
        assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).isTrue();
        for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
            assertThat(rule.path("id").asString()).isNotEmpty();
            assertThat(rule.path("shortDescription").path("text").asString()).isNotEmpty();
            assertThat(rule.path("fullDescription").path("text").asString()).isNotEmpty();
            assertThat(rule.path("help").path("text").asString()).isNotEmpty();
            assertThat(rule.path("help").path("markdown").asString()).isNotEmpty();
            assertThat(Double.parseDouble(rule.path("properties").path("security-severity").asString()))
                    .isBetween(0.1, 10.0);
            assertThat(rule.path("properties").path("tags").size()).isGreaterThanOrEqualTo(2);
        }
        for (JsonNode result : run.path("results")) {
            assertThat(result.path("ruleId").asString()).isNotEmpty();
            assertThat(result.path("level").asString()).isIn("error", "warning", "note");
            assertThat(result.path("message").path("text").asString()).isNotEmpty();
            assertThat(result.path("partialFingerprints").path("primaryLocationLineHash").asString()).isNotEmpty();
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            assertThat(physical.path("artifactLocation").path("uri").asString()).doesNotStartWith("./")
                    .doesNotStartWith("/").doesNotContain(" ").doesNotContain("\\");
            assertThat(physical.path("region").path("startLine").asInt()).isPositive();
        }
        return run;
    }

    private static JsonNode resultFor(JsonNode run, String uri, String ruleId) {
        for (JsonNode r : run.path("results")) {
            if (r.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asString()
                    .equals(uri) && r.path("ruleId").asString().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no " + ruleId + " result for " + uri);
    }

    @Test
    void sarifOfTheSamplesShowsEachFindingAndTheUnreadableFileInCodeScanning() throws Exception {
        for (Lang lang : Lang.values()) {
            JsonNode run = sarif(samples.render("sarif", lang, Action.REDACT, samples.results()));
            int findings = samples.results().stream().mapToInt(r -> r.findings().size()).sum();
            assertThat(run.path("results").size()).isEqualTo(findings + 1);

            DocumentResult marked = samples.results().stream().filter(r -> r.path().equals("samples/notice-marked.pdf"))
                    .findFirst().orElseThrow();
            DocumentResult.Finding f = marked.findings().get(0);
            JsonNode result = resultFor(run, "samples/notice-marked.pdf", f.ruleId());
            assertThat(result.path("level").asString()).isEqualTo("error");
            assertThat(result.path("partialFingerprints").path("primaryLocationLineHash").asString())
                    .isEqualTo(f.fingerprint());
            assertThat(result.path("locations").get(0).path("physicalLocation").path("region").path("startLine")
                    .asInt()).isEqualTo(1);
            assertThat(result.path("properties").path("page").asInt()).isEqualTo(f.location().page());
            assertThat(result.path("properties").path("line").asInt()).isEqualTo(f.location().line());
            assertThat(result.path("message").path("text").asString()).contains(String.valueOf(f.location().line()));

            JsonNode encrypted = resultFor(run, "samples/encrypted.pdf", CiIssue.UNREVIEWABLE);
            assertThat(encrypted.path("level").asString()).isEqualTo("error");
            assertThat(encrypted.path("message").path("text").asString()).isNotBlank();

            JsonNode rule = run.path("tool").path("driver").path("rules").get(result.path("ruleIndex").asInt());
            assertThat(rule.path("id").asString()).isEqualTo(f.ruleId());
            assertThat(rule.path("properties").path("security-severity").asString()).isEqualTo("9.0");
            assertThat(rule.path("properties").path("tags").toString()).contains(f.category(), "withhold");
            assertThat(rule.path("help").path("text").asString())
                    .contains(samples.messagesOf().basis(f.pack()));
            assertThat(run.path("properties").has("resultsCapped")).isFalse();
        }
    }

    @Test
    void aTextFileGetsARelativeEncodedUriItsOwnLinesAndNoReportLeaksAnIdNumber(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("my notes.txt");
        Files.writeString(file, "会议纪要\n\n经办人身份证号：" + ID_NUMBER + "\n机密★10年\n", StandardCharsets.UTF_8);
        DocumentReviewer reviewer = new DocumentReviewer(new TikaExtractor(), new RuleEngine(samples.packs()),
                new Judge(Action.REDACT));
        DocumentResult r = DocumentResult.of(reviewer.review(file, "./docs/my notes.txt"), Masking.of(samples.packs()),
                Fingerprint.withKey(new byte[] {1}));
        // Extraction drops the blank line: the finding's lines (2, 3) are the extracted text's; the file's are 3, 4,
        // and those are what a CI system annotates.
        assertThat(r.findings()).extracting(f -> f.location().line()).contains(2, 3);
        assertThat(r.findings()).extracting(f -> f.location().fileLine()).contains(3, 4);

        JsonNode run = sarif(samples.render("sarif", Lang.EN, Action.REDACT, List.of(r)));
        for (JsonNode result : run.path("results")) {
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            assertThat(physical.path("artifactLocation").path("uri").asString()).isEqualTo("docs/my%20notes.txt");
            assertThat(physical.path("region").path("startLine").asInt())
                    .isEqualTo(result.path("properties").path("line").asInt() + 1);
            assertThat(result.path("message").path("text").asString())
                    .contains("line " + result.path("properties").path("line").asInt());
        }
        for (String format : List.of("sarif", "junit", "code-quality", "json")) {
            assertThat(samples.render(format, Lang.ZH, Action.REDACT, List.of(r)))
                    .as(format).doesNotContain(ID_NUMBER).doesNotContain("19491231");
        }
        JsonNode quality = JsonReport.MAPPER.readTree(samples.render("code-quality", Lang.EN, Action.REDACT,
                List.of(r)));
        assertThat(quality.get(0).path("location").path("path").asString()).isEqualTo("docs/my notes.txt");
        assertThat(quality.get(0).path("description").asString()).containsPattern("line [23]");
    }

    @Test
    void moreResultsThanGitHubTakesAreCappedMostSeriousFirstWithANote() throws Exception {
        DocumentResult.Finding note = samples.results().stream().flatMap(r -> r.findings().stream())
                .filter(f -> f.action().equals("note")).findFirst().orElseThrow();
        List<DocumentResult.Finding> many = IntStream.range(0, 5_200).mapToObj(i -> new DocumentResult.Finding(
                note.ruleId(), note.pack(), note.category(), note.action(), note.match(), note.context(),
                new DocumentResult.Location("body", null, i + 1, i * 40, 4, null, null), "fp" + i, null)).toList();
        List<DocumentResult> results = new ArrayList<>(List.of(synthetic("big/notes.txt", Verdict.PUBLISHABLE, many,
                List.of())));
        results.addAll(samples.results());

        JsonNode run = sarif(samples.render("sarif", Lang.EN, Action.REDACT, results));
        assertThat(run.path("results").size()).isEqualTo(SarifReport.MAX_RESULTS);
        assertThat(run.path("properties").path("resultsCapped").asBoolean()).isTrue();
        assertThat(run.path("properties").path("results").asInt()).isGreaterThan(5_200);
        assertThat(run.path("properties").path("note").asString()).contains("5000", "--format json");
        assertThat(run.path("invocations").get(0).path("toolExecutionNotifications").get(0).path("message")
                .path("text").asString()).contains("most serious");
        resultFor(run, "samples/encrypted.pdf", CiIssue.UNREVIEWABLE);
        resultFor(run, "samples/notice-marked.pdf", "cn-marking.level-star-period");
    }

    @Test
    void junitHasOneCasePerDocumentAFailurePerFindingAtTheThresholdAndAnErrorPerUnreadableFile() throws Exception {
        List<DocumentResult> results = new ArrayList<>(samples.results());
        results.add(synthetic("odd <name> & \"quote\"\u0001.txt", Verdict.UNREVIEWABLE, List.of(),
                List.of(new DocumentResult.ProblemResult("corrupt", "bad <xref> & \u0007stuff"))));
        int withholdFindings = (int) results.stream().flatMap(r -> r.findings().stream())
                .filter(f -> f.action().equals("withhold")).count();
        int atRedact = (int) results.stream().flatMap(r -> r.findings().stream())
                .filter(f -> !f.action().equals("note")).count();

        for (Action failOn : List.of(Action.REDACT, Action.WITHHOLD)) {
            String xml = samples.render("junit", Lang.EN, failOn, results);
            org.w3c.dom.Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)));
            Element suites = doc.getDocumentElement();
            assertThat(suites.getTagName()).isEqualTo("testsuites");
            Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
            NodeList cases = suite.getElementsByTagName("testcase");
            assertThat(cases.getLength()).isEqualTo(results.size());
            assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(results.size()));
            int expectedFailures = failOn == Action.WITHHOLD ? withholdFindings : atRedact;
            assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(expectedFailures));
            assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(expectedFailures);
            assertThat(suite.getAttribute("errors")).isEqualTo("2");
            assertThat(suites.getAttribute("failures")).isEqualTo(suite.getAttribute("failures"));

            Map<String, Element> byName = new java.util.HashMap<>();
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                assertThat(c.getAttribute("classname")).isNotEmpty();
                byName.put(c.getAttribute("name"), c);
            }
            Element encrypted = byName.get("samples/encrypted.pdf");
            assertThat(encrypted.getElementsByTagName("error").getLength()).isEqualTo(1);
            Element marked = byName.get("samples/notice-marked.docx");
            Element failure = (Element) marked.getElementsByTagName("failure").item(0);
            assertThat(failure.getAttribute("type")).isEqualTo("cn-marking.level-star-period");
            assertThat(failure.getAttribute("message")).isNotBlank();
            assertThat(byName.get("samples/notice-clean.docx").getElementsByTagName("failure").getLength()).isZero();
            assertThat(byName.get("samples/notice-clean.docx").getElementsByTagName("system-out").item(0)
                    .getTextContent()).contains("cn-disclosure.public-note");
            Element odd = byName.get("odd <name> & \"quote\"\uFFFD.txt");
            assertThat(((Element) odd.getElementsByTagName("error").item(0)).getAttribute("message"))
                    .contains("bad <xref> &");
        }
    }

    @Test
    void codeQualityIsAnArrayOfIssuesGitLabShowsInTheMergeRequest() throws Exception {
        JsonNode issues = JsonReport.MAPPER.readTree(samples.render("code-quality", Lang.EN, Action.REDACT,
                samples.results()));
        assertThat(issues.isArray()).isTrue();
        int findings = samples.results().stream().mapToInt(r -> r.findings().size()).sum();
        assertThat(issues.size()).isEqualTo(findings + 1);
        for (JsonNode issue : issues) {
            assertThat(issue.path("description").asString()).isNotBlank();
            assertThat(issue.path("check_name").asString()).isNotBlank();
            assertThat(issue.path("fingerprint").asString()).isNotBlank();
            assertThat(issue.path("severity").asString()).isIn("info", "minor", "major", "critical", "blocker");
            assertThat(issue.path("location").path("path").asString()).startsWith("samples/");
            assertThat(issue.path("location").path("lines").path("begin").asInt()).isPositive();
        }
        assertThat(issues.findValuesAsString("fingerprint")).doesNotHaveDuplicates();
        Map<String, String> severityByCheck = new java.util.HashMap<>();
        issues.forEach(i -> severityByCheck.put(i.path("check_name").asString(), i.path("severity").asString()));
        assertThat(severityByCheck).containsEntry("cn-marking.level-star-period", "blocker")
                .containsEntry("cn-disclosure.public-note", "info").containsEntry(CiIssue.UNREVIEWABLE, "blocker");
        assertThat(CodeQualityReport.severity("redact")).isEqualTo("minor");
        assertThat(CodeQualityReport.severity("refer")).isEqualTo("major");
    }

    @Test
    void pathsAreRelativeToTheRepositoryRootWithForwardSlashesAndUrisArePercentEncoded() {
        Path root = Path.of("").toAbsolutePath();
        assertThat(CiIssue.relativePath(root.resolve("site/a b.pdf").toString(), Path.of(""))).isEqualTo("site/a b.pdf");
        assertThat(CiIssue.relativePath("./site/./x.docx", Path.of(""))).isEqualTo("site/x.docx");
        assertThat(CiIssue.relativePath("site\\x.docx", Path.of(""))).isEqualTo("site/x.docx");
        assertThat(CiIssue.relativePath("/elsewhere/x.pdf", Path.of("/work/repo"))).isEqualTo("/elsewhere/x.pdf");
        assertThat(SarifReport.uri("site/my notes #1.pdf")).isEqualTo("site/my%20notes%20%231.pdf");
        assertThat(SarifReport.uri("公告/通知.pdf")).isEqualTo("%E5%85%AC%E5%91%8A/%E9%80%9A%E7%9F%A5.pdf");
        assertThat(SarifReport.uri("/elsewhere/x.pdf")).isEqualTo("file:///elsewhere/x.pdf");
    }

    private static DocumentResult synthetic(String path, Verdict verdict, List<DocumentResult.Finding> findings,
                                            List<DocumentResult.ProblemResult> problems) {
        return new DocumentResult(path, null, 10, "text/plain", null, null, verdict, verdict.exitCode(), 0,
                new DocumentResult.CoverageResult(problems.isEmpty(), Map.of("body", 1), null, 10, problems,
                        new Coverage.Images(0, List.of()), null),
                findings);
    }
}
