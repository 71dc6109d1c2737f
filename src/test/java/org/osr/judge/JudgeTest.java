package org.osr.judge;

import org.osr.review.Opinion;
import org.osr.review.DocumentReviewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osr.extract.Coverage;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.extract.Problem;
import org.osr.extract.TikaExtractor;
import org.osr.match.Hit;
import org.osr.match.RuleEngine;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;

class JudgeTest {
    private static final RuleEngine ENGINE = engine();
    private static final Coverage COMPLETE = Coverage.of(List.of(Part.of(PartKind.BODY, "x")), null, List.of());
    private static final Coverage INCOMPLETE = Coverage.of(List.of(Part.of(PartKind.BODY, "x")), null,
            List.of(new Problem(Problem.TRUNCATED, "text beyond the limit was not read")));

    private final Judge judge = new Judge(Action.REDACT);

    private static RuleEngine engine() {
        String yaml = """
                pack: judge-test
                version: "1"
                title: judge test
                rules:
                  - id: t.withhold
                    category: test
                    action: withhold
                    message: marking
                    terms: [机密★]
                  - id: t.refer
                    category: test
                    action: refer
                    message: sensitive
                    terms: [内部资料]
                  - id: t.note
                    category: test
                    action: note
                    message: fyi
                    terms: [仅供参考]
                """;
        try {
            return RuleEngine.of(new PackLoader().load("judge.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Hit> hits(String text) {
        return ENGINE.match(Part.of(PartKind.BODY, text));
    }

    @Test
    void withholdFindingBeatsIncompleteCoverage() {
        List<Hit> findings = hits("机密★5年\n内部资料");
        assertThat(findings).extracting(h -> h.rule().id()).containsExactly("t.withhold", "t.refer");

        Verdict verdict = judge.verdict(findings, INCOMPLETE);

        assertThat(verdict).isEqualTo(Verdict.WITHHOLD);
        assertThat(judge.exitCode(verdict)).isEqualTo(2);
    }

    @Test
    void referFindingWithIncompleteCoverageIsUnreviewable() {
        Verdict verdict = judge.verdict(hits("内部资料"), INCOMPLETE);

        assertThat(verdict).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(judge.exitCode(verdict)).isEqualTo(3);
    }

    @Test
    void noFindingsButIncompleteCoverageIsNeverPublishable() {
        assertThat(judge.verdict(hits("普通通知"), INCOMPLETE)).isEqualTo(Verdict.UNREVIEWABLE);
    }

    @Test
    void noFindingsAndCompleteCoverageIsPublishable() {
        List<Hit> findings = hits("普通通知，没有任何标志。");
        assertThat(findings).isEmpty();

        Verdict verdict = judge.verdict(findings, COMPLETE);

        assertThat(verdict).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(judge.exitCode(verdict)).isZero();
    }

    @Test
    void noteFindingsAloneLeaveADocumentPublishable() {
        assertThat(judge.verdict(hits("仅供参考"), COMPLETE)).isEqualTo(Verdict.PUBLISHABLE);
    }

    @Test
    void referFindingWithCompleteCoverageIsRefer() {
        Verdict verdict = judge.verdict(hits("内部资料"), COMPLETE);

        assertThat(verdict).isEqualTo(Verdict.REFER);
        assertThat(judge.exitCode(verdict)).isEqualTo(1);
    }

    @Test
    void failOnWithholdLowersReferToZeroButKeepsWithholdAndUnreviewable() {
        Judge lenient = new Judge(Action.WITHHOLD);

        Verdict refer = lenient.verdict(hits("内部资料"), COMPLETE);
        Verdict withhold = lenient.verdict(hits("机密★5年"), COMPLETE);
        Verdict unreviewable = lenient.verdict(hits("内部资料"), INCOMPLETE);

        assertThat(refer).isEqualTo(Verdict.REFER);
        assertThat(lenient.exitCode(refer)).isZero();
        assertThat(lenient.exitCode(withhold)).isEqualTo(2);
        assertThat(unreviewable).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(lenient.exitCode(unreviewable)).isEqualTo(3);
    }

    @Test
    void markedPdfIsWithheldAndEncryptedPdfIsUnreviewableWithTheBundledPack() throws Exception {
        DocumentReviewer reviewer = new DocumentReviewer(new TikaExtractor(),
                new RuleEngine(PackSources.bundled(new PackLoader())), new Judge(Action.REDACT));

        Opinion marked = reviewer.review(Path.of("samples/notice-marked.pdf"), "notice-marked.pdf");
        Opinion encrypted = reviewer.review(Path.of("samples/encrypted.pdf"), "encrypted.pdf");
        Opinion clean = reviewer.review(Path.of("samples/notice-clean.pdf"), "notice-clean.pdf");

        assertThat(marked.verdict()).isEqualTo(Verdict.WITHHOLD);
        assertThat(marked.exitCode()).isEqualTo(2);
        assertThat(marked.findings()).anySatisfy(h -> {
            assertThat(h.originalMatch()).isEqualTo("机密★5年");
            assertThat(h.page()).isEqualTo(1);
            assertThat(h.line()).isEqualTo(2);
        });
        assertThat(encrypted.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(encrypted.exitCode()).isEqualTo(3);
        assertThat(clean.verdict()).isEqualTo(Verdict.PUBLISHABLE);
        // a note (the （此件公开发布） disclosure note) is positive evidence, never a finding that matters
        assertThat(clean.findings()).allSatisfy(h -> assertThat(h.rule().action()).isEqualTo(Action.NOTE));
    }
}
