package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.osr.cli.ScanCommandTest.Run;
import org.osr.testkit.Programs;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The files a content repository copies to use osr as its gate — the pre-commit hook and the GitHub, GitLab and
 * Jenkins examples under docs/ci — parse, and carry the keys the CI reads, wired to the report files osr writes.
 */
class DropInFilesTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> READ = List.of("notice.docx", "site/附件/通知.DOCX", "old.doc", "report.pdf",
            "公文.ofd", "index.html", "page.htm", "table.xlsx", "old.xls", "slides.pptx", "minutes.odt", "memo.rtf",
            "notes.txt", "README.md", "mail.eml", "bundle.zip", "wps-file.wps");
    private static final List<String> NOT_READ = List.of("logo.png", "photo.jpg", "app.js", "style.css", "docx.js",
            "report.pdf.bak", "Makefile", "font.woff2", "html", "archive.tar.gz.part");

    private static JsonNode yaml(String file) throws IOException {
        return YAML.readTree(Files.readString(Path.of(file), StandardCharsets.UTF_8));
    }

    private static JsonNode preCommitHook() throws IOException {
        JsonNode hooks = yaml(".pre-commit-hooks.yaml");
        assertThat(hooks.isArray()).isTrue();
        assertThat(hooks.size()).isEqualTo(1);
        return hooks.get(0);
    }

    @Test
    void thePreCommitHookRunsOsrOnceOnTheCommittedDocuments() throws IOException {
        JsonNode hook = preCommitHook();
        assertThat(hook.get("id").asString()).isEqualTo("osr");
        assertThat(hook.get("language").asString()).isEqualTo("system");
        assertThat(hook.get("require_serial").asBoolean()).isTrue();
        assertThat(hook.get("pass_filenames").asBoolean()).isTrue();
        assertThat(hook.has("types")).as("identify has no docx/ofd tag; files selects by name").isFalse();
        assertThat(hook.get("entry").asString()).startsWith("osr scan ");
    }

    @Test
    void theHookSelectsTheFormatsOsrReadsAndNothingElse() throws IOException {
        Pattern files = Pattern.compile(preCommitHook().get("files").asString());
        List<String> samples;
        try (Stream<Path> s = Files.list(Path.of("samples"))) {
            samples = s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".png")).toList();
        }
        assertThat(samples).isNotEmpty().allMatch(n -> files.matcher(n).find(), "matched by files");
        assertThat(READ).allMatch(n -> files.matcher(n).find(), "matched by files");
        assertThat(NOT_READ).noneMatch(n -> files.matcher(n).find());
    }

    /** pre-commit matches with Python's re.search; the regex must select the same names there. */
    @Test
    void pythonSelectsTheSameNames() throws Exception {
        assumeTrue(Programs.onPath("python3"), "python3 is not installed");
        String regex = preCommitHook().get("files").asString();
        List<String> names = new ArrayList<>(READ);
        names.addAll(NOT_READ);
        List<String> command = new ArrayList<>(List.of("python3", "-c",
                "import re, sys\nfor n in sys.argv[2:]: print(n, bool(re.search(sys.argv[1], n)))", regex));
        command.addAll(names);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> expected = names.stream().map(n -> n + " " + (READ.contains(n) ? "True" : "False")).toList();
        assertThat(out.lines().toList()).isEqualTo(expected);
    }

    /** pre-commit appends the staged file names to the entry; a marked one fails the commit with a readable report. */
    @Test
    void theHooksEntryGatesTheFilesItIsGiven() throws IOException {
        List<String> entry = List.of(preCommitHook().get("entry").asString().split(" +"));
        List<String> args = new ArrayList<>(entry.subList(1, entry.size()));
        args.addAll(List.of("samples/notice-clean.docx", "samples/notice-marked.pdf"));
        Run run = ScanCommandTest.osr(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).contains("samples/notice-marked.pdf", "cn-marking.level-star-period",
                "samples/notice-clean.docx");
    }

    @Test
    void githubActionsRunsOsrOnTheChangedFilesAndUploadsItsSarif() throws IOException {
        JsonNode workflow = yaml("docs/ci/github-actions.yml");
        assertThat(workflow.get("on").has("pull_request")).isTrue();
        assertThat(workflow.get("permissions").get("security-events").asString()).isEqualTo("write");
        JsonNode steps = workflow.get("jobs").get("osr").get("steps");
        JsonNode checkout = step(steps, "uses", "actions/checkout@");
        assertThat(checkout.get("with").get("fetch-depth").asInt()).isZero();
        assertThat(step(steps, "uses", "actions/setup-java@").get("with").get("java-version").asString())
                .isEqualTo("17");
        String scan = step(steps, "run", "osr\" scan").get("run").asString();
        assertThat(scan).contains("--changed-since \"origin/${{ github.base_ref }}\"", "--format sarif -o osr.sarif");
        JsonNode upload = step(steps, "uses", "github/codeql-action/upload-sarif@v3");
        assertThat(upload.get("if").asString()).isEqualTo("always()");
        assertThat(upload.get("with").get("sarif_file").asString()).isEqualTo("osr.sarif");
    }

    @Test
    void gitlabCiKeepsCodeQualityAndJunitReportsOfMergeRequests() throws IOException {
        JsonNode job = yaml("docs/ci/gitlab-ci.yml").get("osr");
        assertThat(job.get("rules").get(0).get("if").asString()).contains("merge_request_event");
        JsonNode artifacts = job.get("artifacts");
        assertThat(artifacts.get("when").asString()).isEqualTo("always");
        assertThat(artifacts.get("reports").get("codequality").asString()).isEqualTo("osr-code-quality.json");
        assertThat(artifacts.get("reports").get("junit").asString()).isEqualTo("osr-junit.xml");
        String script = String.join("\n", job.get("script").valueStream().map(JsonNode::asString).toList());
        assertThat(script).contains("--format code-quality -o osr-code-quality.json",
                "--format junit -o osr-junit.xml", "--changed-since \"$BASE\"");
    }

    @Test
    void jenkinsRecordsTheSarifWithWarningsNgAndTheJunitReport() throws IOException {
        String pipeline = Files.readString(Path.of("docs/ci/Jenkinsfile"), StandardCharsets.UTF_8);
        assertThat(pipeline).contains("pipeline {", "recordIssues(tools: [sarif(pattern: 'osr.sarif'",
                "testResults: 'osr-junit.xml'", "--format sarif -o osr.sarif", "--format junit -o osr-junit.xml",
                "always {");
        assertThat(pipeline.chars().filter(c -> c == '{').count())
                .isEqualTo(pipeline.chars().filter(c -> c == '}').count());
    }

    private static JsonNode step(JsonNode steps, String key, String contains) {
        return steps.valueStream().filter(s -> s.has(key) && s.get(key).asString().contains(contains)).findFirst()
                .orElseThrow(() -> new AssertionError("no step whose " + key + " contains " + contains));
    }
}
