package org.osr.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.TikaExtractor;
import org.osr.judge.Judge;
import org.osr.match.RuleEngine;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.rules.RulePack;

/** The record a child process or an executor hands back: exact in JSON, masked, and without the document's text. */
class DocumentResultTest {
    @TempDir
    Path dir;

    private static DocumentReviewer reviewer;
    private static Masking masking;
    private static final Fingerprint FINGERPRINT = Fingerprint.withKey(new byte[] {1, 2, 3});

    @BeforeAll
    static void setUp() throws Exception {
        List<RulePack> packs = PackSources.bundled(new PackLoader());
        reviewer = new DocumentReviewer(new TikaExtractor(), new RuleEngine(packs), new Judge(Action.REDACT));
        masking = Masking.of(packs);
    }

    private static DocumentResult result(Path file) throws Exception {
        return DocumentResult.of(reviewer.review(file, file.toString()), masking, FINGERPRINT);
    }

    @Test
    void everySampleRoundTripsThroughJsonExactly() throws Exception {
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            samples = files.sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThan(5);
        for (Path sample : samples) {
            DocumentResult r = result(sample);
            assertThat(DocumentResult.fromJson(r.toJson())).as(sample.toString()).isEqualTo(r);
        }
    }

    @Test
    void aFailedFileRoundTripsToo() throws Exception {
        DocumentResult r = result(Path.of("samples/encrypted.pdf"));
        assertThat(r.coverage().problems()).isNotEmpty();
        assertThat(DocumentResult.fromJson(r.toJson())).isEqualTo(r);
    }

    @Test
    void approvalsRoundTripAndAreAbsentUntilTheFirst() throws Exception {
        DocumentResult r = result(Path.of("samples/notice-marked.docx"));
        assertThat(r.approvals()).isEmpty();
        assertThat(r.toJson()).doesNotContain("approvals");
        Approval review = new Approval("review", "王芳", "2026-11-30T08:00:00Z", "withhold", r.sha256(), null);
        DocumentResult signed = new DocumentResult(r.path(), r.sha256(), r.size(), r.mediaType(), r.title(),
                r.abstractText(), r.verdict(), r.exitCode(), r.durationMs(), r.coverage(), r.findings(),
                List.of(review));
        assertThat(DocumentResult.fromJson(signed.toJson())).isEqualTo(signed);
        assertThat(signed.withFindings(List.of(), r.verdict(), r.exitCode()).approvals()).containsExactly(review);
    }

    @Test
    void holdsNeitherTheTextNorAMaskedValue() throws Exception {
        String deep = "第九条 本通知自印发之日起施行，由区应急管理局负责解释。";
        Path file = Files.writeString(dir.resolve("申请-11010519491231002X.txt"), "关于核对申请人信息的通知\n"
                + "申请人身份证号：11010519491231002X\n" + "正文。".repeat(100) + "\n" + deep + "\n");
        DocumentResult r = result(file);
        String json = r.toJson();
        assertThat(r.findings()).extracting(DocumentResult.Finding::ruleId).contains("cn-pii.resident-id");
        assertThat(json).doesNotContain("11010519491231002X").doesNotContain("19491231").doesNotContain(deep)
                .contains("1101**********002X");
        assertThat(r.path()).endsWith("申请-1101**********002X.txt");
        assertThat(r.sha256()).isEqualTo(org.osr.source.Digests.sha256(Files.readAllBytes(file)));
    }
}
