package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every path given or found is accounted for — reviewed, an input error, or skipped and listed — and the report's
 * verdict never says {@code publishable} when the exit code says something was not read. Reports are written where
 * they are asked to go, or not at all with exit 74.
 */
class InputAccountingTest {
    @TempDir
    Path tmp;

    private static final Path MARKED = Path.of("samples/notice-marked.docx").toAbsolutePath();
    private static final Path CLEAN = Path.of("samples/notice-clean.html").toAbsolutePath();

    static ScanCommandTest.Run osr(String... args) {
        return ScanCommandTest.osr(args);
    }

    private static Map<String, String> verdicts(JsonNode report) {
        Map<String, String> verdicts = new HashMap<>();
        report.get("documents").forEach(d -> verdicts.put(d.get("path").asString(), d.get("verdict").asString()));
        return verdicts;
    }

    private static List<String> errorCodes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.get("inputs").get("errors").forEach(e -> codes.add(e.get("path").asString() + " " + e.get("code")
                .asString()));
        return codes;
    }

    @Test
    void aFolderGivenAsASymbolicLinkIsReviewed() throws IOException {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Files.copy(MARKED, real.resolve("notice.docx"));
        Path content = Files.createSymbolicLink(tmp.resolve("content"), real);

        ScanCommandTest.Run run = osr("scan", content.toString());
        assertThat(verdicts(run.json())).containsEntry(content + "/notice.docx", "withhold");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void linksToFilesAndFoldersInsideAFolderAreFollowedAndLinksLeavingItAreNamed() throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.copy(MARKED, outside.resolve("marked.docx"));
        Path site = Files.createDirectory(tmp.resolve("site"));
        Files.copy(CLEAN, site.resolve("index.html"));
        Files.createSymbolicLink(site.resolve("attachment.docx"), outside.resolve("marked.docx"));
        Files.createSymbolicLink(site.resolve("shared"), outside);
        Files.createSymbolicLink(site.resolve("copy.html"), site.resolve("index.html"));

        ScanCommandTest.Run run = osr("scan", site.toString());
        JsonNode report = run.json();
        assertThat(verdicts(report)).containsOnly(
                Map.entry(site + "/index.html", "publishable"),
                Map.entry(site + "/copy.html", "publishable"),
                Map.entry(site + "/attachment.docx", "withhold"),
                Map.entry(site + "/shared/marked.docx", "withhold"));
        List<String> leaving = new ArrayList<>();
        report.get("inputs").get("linksLeavingTree").forEach(l -> leaving.add(l.get("path").asString() + " -> "
                + l.get("target").asString()));
        assertThat(leaving).containsExactlyInAnyOrder(
                site + "/attachment.docx -> " + outside.toRealPath().resolve("marked.docx"),
                site + "/shared/marked.docx -> " + outside.toRealPath().resolve("marked.docx"));
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void loopsBrokenLinksAndSpecialFilesAreInputErrorsNeverSilentlySkipped() throws Exception {
        Path site = Files.createDirectory(tmp.resolve("site"));
        Files.copy(CLEAN, site.resolve("index.html"));
        Files.createSymbolicLink(site.resolve("loop"), site);
        Files.createSymbolicLink(site.resolve("gone.pdf"), site.resolve("deleted.pdf"));
        mkfifo(site.resolve("queue.pdf"));

        ScanCommandTest.Run run = osr("scan", site.toString());
        JsonNode report = run.json();
        assertThat(errorCodes(report)).containsExactlyInAnyOrder(
                site + "/loop/ link-loop", site + "/gone.pdf broken-link", site + "/queue.pdf special-file");
        assertThat(verdicts(report)).containsOnly(Map.entry(site + "/index.html", "publishable"));
        assertThat(report.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(report.get("exitCode").asInt()).isEqualTo(65);
        assertThat(report.get("summary").get("inputErrors").asInt()).isEqualTo(3);
        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains("cannot read " + site + "/queue.pdf: not a regular file (FIFO/pipe)");
    }

    @Test
    void aPipeNamedOnTheCommandLineIsReadLikeStandardInput() throws Exception {
        Path fifo = tmp.resolve("incoming");
        mkfifo(fifo);
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, Files.readAllBytes(MARKED));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        ScanCommandTest.Run run = osr("scan", fifo.toString());
        writer.join(10_000);
        assertThat(verdicts(run.json())).containsExactly(Map.entry(fifo.toString(), "withhold"));
    }

    @Test
    void hiddenEntriesAreListedAsSkippedAndReviewedWithHidden() throws IOException {
        Path site = Files.createDirectory(tmp.resolve("site"));
        Files.copy(CLEAN, site.resolve("index.html"));
        Files.copy(MARKED, site.resolve(".draft.docx"));
        Files.createDirectories(site.resolve(".git/objects"));
        Files.copy(MARKED, site.resolve(".git/objects/blob.docx"));

        JsonNode plain = osr("scan", site.toString()).json();
        List<String> skipped = new ArrayList<>();
        plain.get("inputs").get("skipped").forEach(s -> skipped.add(s.get("path").asString() + " "
                + s.get("reason").asString()));
        assertThat(skipped).containsExactlyInAnyOrder(site + "/.draft.docx hidden", site + "/.git/ vcs");
        assertThat(plain.get("summary").get("skipped").asInt()).isEqualTo(2);

        ScanCommandTest.Run all = osr("scan", "--hidden", site.toString());
        assertThat(verdicts(all.json())).containsOnlyKeys(site + "/index.html", site + "/.draft.docx");
        assertThat(all.exitCode()).isEqualTo(2);
    }

    @Test
    void aMissingInputMakesTheReportUnreviewableInEveryFormat() {
        String missing = tmp.resolve("missing.pdf").toString();
        ScanCommandTest.Run json = osr("scan", CLEAN.toString(), missing);
        assertThat(json.exitCode()).isEqualTo(65);
        assertThat(json.json().get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(json.json().get("exitCode").asInt()).isEqualTo(65);
        assertThat(errorCodes(json.json())).containsExactly(missing + " not-found");

        ScanCommandTest.Run jsonl = osr("scan", "--format", "jsonl", CLEAN.toString(), missing);
        String[] lines = jsonl.out().strip().split("\n");
        JsonNode closing = ScanCommandTest.JSON.readTree(lines[lines.length - 1]);
        assertThat(closing.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(closing.get("exitCode").asInt()).isEqualTo(65);

        ScanCommandTest.Run text = osr("scan", "--format", "text", "--lang", "en", CLEAN.toString(), missing);
        assertThat(text.out()).contains(missing + "  CANNOT READ  not-found").contains("Overall: unreviewable");
    }

    @Test
    void theReportIsNeverWrittenOverAnInput() throws IOException {
        Path page = Files.copy(CLEAN, tmp.resolve("page.html"));
        byte[] before = Files.readAllBytes(page);
        ScanCommandTest.Run run = osr("scan", page.toString(), "-o", page.toString());
        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("refusing to write the report over it");
        assertThat(Files.readAllBytes(page)).isEqualTo(before);

        Path alias = Files.createSymbolicLink(tmp.resolve("alias.html"), page);
        assertThat(osr("scan", page.toString(), "-o", alias.toString()).exitCode()).isEqualTo(64);
        assertThat(Files.readAllBytes(page)).isEqualTo(before);
        assertThat(tmp).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aReportInsideTheFolderBeingReviewedIsLeftOutNotReviewed() throws IOException {
        Path site = Files.createDirectory(tmp.resolve("site"));
        Files.copy(CLEAN, site.resolve("index.html"));
        Path report = site.resolve("osr-report.json");
        osr("scan", site.toString(), "-o", report.toString());
        ScanCommandTest.Run again = osr("scan", site.toString(), "-o", report.toString());
        assertThat(again.exitCode()).isZero();
        JsonNode json = ScanCommandTest.JSON.readTree(Files.readString(report));
        assertThat(verdicts(json)).containsOnlyKeys(site + "/index.html");
        assertThat(json.get("inputs").get("skipped").get(0).get("reason").asString()).isEqualTo("report");
    }

    @Test
    void aFullDiskIsExit74WithOneLineNeverTheVerdictsCode() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (FileOutputStream full = new FileOutputStream("/dev/full")) {
            PrintStream out = new PrintStream(full, true, StandardCharsets.UTF_8);
            int code = Main.run(new String[] {"scan", CLEAN.toString()}, new Io(new ByteArrayInputStream(new byte[0]),
                    full, out, new PrintStream(err, true, StandardCharsets.UTF_8), false));
            assertThat(code).isEqualTo(74);
        }
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("osr: cannot write the report to standard output: No space left on device");
    }

    @Test
    void aMissingOrUnwritableReportFolderIsExit74BeforeAnythingIsReviewed() throws IOException {
        ScanCommandTest.Run missing = osr("scan", CLEAN.toString(), "-o", tmp.resolve("no/such/report.json").toString());
        assertThat(missing.exitCode()).isEqualTo(74);
        assertThat(missing.err()).contains("does not exist").doesNotContain("Exception");

        ScanCommandTest.Run folder = osr("scan", CLEAN.toString(), "-o", tmp.toString());
        assertThat(folder.exitCode()).isEqualTo(74);
        assertThat(folder.err()).contains("is a folder");

        Path readOnly = Files.createDirectory(tmp.resolve("ro"));
        readOnly.toFile().setWritable(false, false);
        if (!Files.isWritable(readOnly)) {   // root writes anywhere
            ScanCommandTest.Run denied = osr("scan", CLEAN.toString(), "-o", readOnly.resolve("r.json").toString());
            assertThat(denied.exitCode()).isEqualTo(74);
            assertThat(denied.err()).contains("ermission denied");
        }
    }

    @Test
    void aReportFileIsReplacedWholeAndNoTemporaryFileIsLeft() throws IOException {
        Path report = tmp.resolve("r.json");
        Files.writeString(report, "old report");
        ScanCommandTest.Run run = osr("scan", CLEAN.toString(), "-o", report.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(ScanCommandTest.JSON.readTree(Files.readString(report)).get("verdict").asString())
                .isEqualTo("publishable");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("r.json");
        }
        // A run that stops before its report is complete leaves the old one.
        Files.writeString(report, "old report");
        assertThat(osr("scan", CLEAN.toString(), "--rules", tmp.resolve("no-pack.yaml").toString(), "-o",
                report.toString()).exitCode()).isNotZero();
        assertThat(Files.readString(report)).isEqualTo("old report");
    }

    static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as("mkfifo").isTrue();
    }
}
