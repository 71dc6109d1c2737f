package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osr.cli.ScanCommandTest.osr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.ScanCommandTest.Run;
import org.osr.testkit.DocxSpec;
import org.osr.testkit.SampleDocuments;
import tools.jackson.databind.JsonNode;

/**
 * Adopting osr on a site with history: a baseline keeps yesterday's findings quiet through the edits a site makes
 * (text inserted above, the document re-saved, the file renamed) while anything new still counts.
 */
class BaselineTest {
    private static final String ID_A = "11010519491231002X";
    private static final String ID_B = "320106198001010011";
    private static final String RULE = "cn-pii.resident-id";
    private static final List<String> NOTICE = List.of("关于做好防汛工作的通知", "各区县人民政府：",
            "现将有关事项通知如下，申请人身份证号：" + ID_A + "，请核对。", "特此通知。");

    @TempDir
    Path tmp;

    private Path docx(String name, DocxSpec spec) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        SampleDocuments.writeFile(file, SampleDocuments.docx(spec));
        return file;
    }

    private static List<JsonNode> findings(Run run, String rule) {
        List<JsonNode> found = new ArrayList<>();
        run.json().get("documents").get(0).get("findings").forEach(f -> {
            if (f.get("ruleId").asString().equals(rule)) {
                found.add(f);
            }
        });
        return found;
    }

    @Test
    void aBaselinedFindingStaysBaselinedThroughEditsWhileANewIdNumberIsNew() throws IOException {
        Path original = docx("site/notice.docx", DocxSpec.of("关于做好防汛工作的通知", NOTICE));
        Path baseline = tmp.resolve("osr-baseline.json");
        Run recorded = osr("scan", "--no-waivers", "--write-baseline", baseline.toString(), original.toString());
        assertThat(recorded.exitCode()).isEqualTo(1);
        assertThat(findings(recorded, RULE)).hasSize(1);
        JsonNode written = ScanCommandTest.JSON.readTree(Files.readString(baseline));
        assertThat(written.get("findings").get(0).get("rule").asString()).isEqualTo(RULE);
        assertThat(written.get("findings").get(0).get("path").asString()).isEqualTo(original.toString());
        assertThat(Files.readString(baseline)).doesNotContain(ID_A).doesNotContain(ID_A.substring(6, 14));

        Run same = osr("scan", "--no-waivers", "--baseline", baseline.toString(), original.toString());
        assertThat(same.exitCode()).isZero();
        assertThat(same.json().get("documents").get(0).get("findings")).isEmpty();
        assertThat(same.json().get("summary").get("gate").get("baselined").asInt()).isEqualTo(1);

        List<String> linesAbove = new ArrayList<>(List.of("补充说明一：", "补充说明二：", ""));
        linesAbove.addAll(NOTICE);
        Path edited = docx("site/notice.docx", DocxSpec.of("关于做好防汛工作的通知", linesAbove));
        assertBaselined(baseline, edited);

        byte[] before = Files.readAllBytes(edited);
        Path resaved = docx("site/notice.docx", DocxSpec.of("关于做好防汛工作的通知", linesAbove)
                .withCustomProperty("revision", "2"));
        assertThat(Files.readAllBytes(resaved)).isNotEqualTo(before);
        assertBaselined(baseline, resaved);

        Path renamed = Files.move(resaved, Files.createDirectories(tmp.resolve("archive"))
                .resolve("2026-flood-notice.docx"));
        assertBaselined(baseline, renamed);

        List<String> second = new ArrayList<>(linesAbove);
        second.add("另一申请人身份证号：" + ID_B + "。");
        Path withNew = docx("archive/2026-flood-notice.docx", DocxSpec.of("关于做好防汛工作的通知", second));
        Run run = osr("scan", "--no-waivers", "--baseline", baseline.toString(), withNew.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        List<JsonNode> fresh = findings(run, RULE);
        assertThat(fresh).hasSize(1);
        assertThat(fresh.get(0).get("match").asString()).isEqualTo("3201**********0011");
        assertThat(run.json().get("summary").get("gate").get("baselined").asInt()).isEqualTo(1);
    }

    private static void assertBaselined(Path baseline, Path file) {
        Run run = osr("scan", "--no-waivers", "--baseline", baseline.toString(), file.toString());
        assertThat(run.json().get("documents").get(0).get("findings")).as(file.toString()).isEmpty();
        assertThat(run.json().get("summary").get("gate").get("baselined").asInt()).isEqualTo(1);
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aFileThatIsNotABaselineIsRefused() throws IOException {
        Path notBaseline = Files.writeString(tmp.resolve("b.json"), "{\"osrBaseline\": 1,\n \"findings\": [}\n");
        Path doc = Files.writeString(tmp.resolve("a.txt"), "通知\n");
        Run run = osr("scan", "--baseline", notBaseline.toString(), doc.toString());
        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("osr: invalid baseline: " + notBaseline + ":2:");
        assertThat(run.out()).isEmpty();
    }
}
