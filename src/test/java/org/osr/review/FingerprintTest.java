package org.osr.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.TikaExtractor;
import org.osr.judge.Judge;
import org.osr.match.Hit;
import org.osr.match.RuleEngine;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;

/** A finding keeps its fingerprint through the changes a document goes through, and never gives away a masked value. */
class FingerprintTest {
    private static final String ID_A = "11010519491231002X";
    private static final String ID_B = "320106198001010011";

    @TempDir
    Path dir;

    private static DocumentReviewer reviewer;
    private static final Fingerprint FINGERPRINT = Fingerprint.withKey("test key".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void setUp() throws Exception {
        reviewer = new DocumentReviewer(new TikaExtractor(), new RuleEngine(PackSources.bundled(new PackLoader())),
                new Judge(Action.REDACT));
    }

    private static List<String> fingerprints(Path file, String rule) throws Exception {
        Opinion o = reviewer.review(file, file.getFileName().toString());
        return o.findings().stream().filter(h -> h.rule().id().equals(rule)).map(FINGERPRINT::of).toList();
    }

    private Path text(String name, String body) throws Exception {
        return Files.writeString(dir.resolve(name), body);
    }

    @Test
    void survivesLinesAddedAbove() throws Exception {
        String notice = "关于做好防汛工作的通知\n各区县人民政府：\n现将有关事项通知如下，申请人身份证号：" + ID_A + "，请核对。\n";
        List<String> before = fingerprints(text("a.txt", notice), "cn-pii.resident-id");
        List<String> after = fingerprints(text("b.txt", "补充说明一\n补充说明二\n\n" + notice), "cn-pii.resident-id");
        assertThat(before).hasSize(1).isEqualTo(after);
    }

    @Test
    void survivesSavingTheSameContentAsPdfInsteadOfDocx() throws Exception {
        String rule = "cn-marking.level-star-period";
        List<String> docx = fingerprints(Path.of("samples/notice-marked.docx"), rule);
        List<String> pdf = fingerprints(Path.of("samples/notice-marked.pdf"), rule);
        assertThat(docx).isNotEmpty().isEqualTo(pdf);
    }

    @Test
    void survivesMovingAndRenamingTheFile() throws Exception {
        Path moved = Files.createDirectories(dir.resolve("archive/2026"))
                .resolve("renamed.docx");
        Files.copy(Path.of("samples/notice-marked.docx"), moved);
        String rule = "cn-marking.level-star-period";
        assertThat(fingerprints(moved, rule)).isNotEmpty()
                .isEqualTo(fingerprints(Path.of("samples/notice-marked.docx"), rule));
    }

    @Test
    void twoDifferentIdNumbersInOneDocumentHaveDifferentFingerprints() throws Exception {
        Path file = text("two.txt", "申请人身份证号：" + ID_A + "\n申请人身份证号：" + ID_B + "\n");
        List<String> fps = fingerprints(file, "cn-pii.resident-id");
        assertThat(fps).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aMaskedValueEntersOnlyThroughTheKeyedHash() throws Exception {
        Path file = text("one.txt", "申请人身份证号：" + ID_A + "，联系电话 13812345678\n");
        Opinion o = reviewer.review(file, "one.txt");
        List<Hit> masked = o.findings().stream().filter(h -> h.rule().mask()).toList();
        assertThat(masked).isNotEmpty();
        for (Hit h : masked) {
            String input = FINGERPRINT.input(h);
            assertThat(input).doesNotContain(ID_A).doesNotContain("11010519491231").doesNotContain("13812345678")
                    .doesNotContain("1231002");
            assertThat(input.replaceAll("[^0-9]", "")).as("no digits of the value or its neighbours")
                    .doesNotContain("19491231");
            // Without the key, the same value gives another fingerprint: guesses cannot be tested.
            assertThat(Fingerprint.withKey("another key".getBytes(StandardCharsets.UTF_8)).of(h))
                    .isNotEqualTo(FINGERPRINT.of(h));
        }
    }

    @Test
    void theContextSignatureIgnoresLineBreaksAndDigits() {
        assertThat(Fingerprint.signature("年度\n第 12 号\n", true)).isEqualTo("年度第##号");
        assertThat(Fingerprint.signature(" 特急 ××区人民政府文件", false)).isEqualTo("特急××区人民政");
    }
}
