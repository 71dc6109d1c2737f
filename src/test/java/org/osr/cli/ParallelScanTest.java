package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.Damage;
import org.osr.testkit.SampleDocuments;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code scan --jobs N}: the report of many files reviewed at once is the report of them reviewed one by one. */
class ParallelScanTest {
    @TempDir
    Path tmp;

    /** The run's timings are the only thing allowed to differ. */
    private static JsonNode withoutTimings(JsonNode report) {
        ObjectNode copy = (ObjectNode) report.deepCopy();
        copy.remove("startedAt");
        copy.remove("durationMs");
        copy.get("documents").forEach(d -> ((ObjectNode) d).remove("durationMs"));
        return copy;
    }

    private static List<String> paths(JsonNode report) {
        List<String> paths = new ArrayList<>();
        report.get("documents").forEach(d -> paths.add(d.get("path").asString()));
        return paths;
    }

    @Test
    void fourJobsGiveTheSameReportInTheOrderOfTheInputs() throws Exception {
        List<String> samples;
        try (var files = Files.list(Path.of("samples"))) {
            samples = files.map(Path::toString).sorted().toList();
        }
        // 20 files of every sample kind, named so that neither name order nor size order is the input order
        List<String> args = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Path source = Path.of(samples.get(i % samples.size()));
            Path copy = tmp.resolve(String.format("%02d-%s", (i * 7) % 20, source.getFileName()));
            Files.copy(source, copy);
            args.add(copy.toString());
        }
        Collections.shuffle(args, new Random(10));
        args.add(9, tmp.resolve("missing.pdf").toString());

        ScanCommandTest.Run one = ScanCommandTest.osr(command("1", args));
        ScanCommandTest.Run four = ScanCommandTest.osr(command("4", args));

        assertThat(paths(four.json())).containsExactlyElementsOf(args.stream()
                .filter(a -> !a.endsWith("missing.pdf")).toList());
        assertThat(withoutTimings(four.json())).isEqualTo(withoutTimings(one.json()));
        assertThat(four.exitCode()).isEqualTo(one.exitCode()).isEqualTo(65);
        assertThat(four.err()).isEqualTo(one.err()).contains("missing.pdf");
    }

    private static String[] command(String jobs, List<String> files) {
        List<String> command = new ArrayList<>(List.of("scan", "-q", "--lang", "en", "--jobs", jobs));
        command.addAll(files);
        return command.toArray(String[]::new);
    }

    /** PDFBox reports the damage it worked around only in its log; each parse's log must stay with its file. */
    @Test
    void parserDamageStaysWithTheFileThatHasIt() throws Exception {
        byte[] clean = Damage.uncompressedPdf(SampleDocuments.pdf(
                List.of(List.of("××区人民政府", "关于做好防汛工作的通知"), List.of("请各单位于六月底前完成汛前检查。")),
                "关于做好防汛工作的通知"));
        byte[] damaged = Damage.pdfStreamWithoutLength(clean);
        List<String> args = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean isDamaged = i == 3 || i == 8;
            Path file = tmp.resolve((isDamaged ? "damaged-" : "clean-") + i + ".pdf");
            Files.write(file, isDamaged ? damaged : clean);
            args.add(file.toString());
        }

        JsonNode report = ScanCommandTest.osr(command("3", args)).json();

        report.get("documents").forEach(d -> {
            String path = d.get("path").asString();
            JsonNode problems = d.get("coverage").get("problems");
            if (path.contains("damaged-")) {
                assertThat(problems).as(path).hasSize(1);
                assertThat(problems.get(0).get("message").asString()).as(path)
                        .contains("worked around", "stream length");
                assertThat(d.get("verdict").asString()).isEqualTo("unreviewable");
            } else {
                assertThat(problems).as(path).isEmpty();
                assertThat(d.get("verdict").asString()).as(path).isEqualTo("publishable");
            }
        });
        assertThat(report.get("summary").get("unreviewable").asInt()).isEqualTo(2);
    }

    @Test
    void jobsBelowOneIsAUsageError() {
        ScanCommandTest.Run run = ScanCommandTest.osr("scan", "--jobs", "0", "samples/notice-clean.html");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("'--jobs'", "0 is out of range; give 1 or more");
        assertThat(run.out()).isEmpty();
    }
}
