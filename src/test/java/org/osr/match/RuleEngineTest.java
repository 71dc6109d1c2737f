package org.osr.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.rules.PackLoader;
import org.osr.rules.RulePack;
import org.osr.rules.RulePackException;

class RuleEngineTest {
    private static final PackLoader LOADER = new PackLoader();

    /** An engine with one rule {@code t.rule}; {@code body} holds the rule's matcher and conditions, 4-space indented. */
    private static RuleEngine engine(String... body) {
        StringBuilder yaml = new StringBuilder("""
                pack: test
                version: "1"
                title: test
                rules:
                  - id: t.rule
                    category: test
                    action: withhold
                    message: test
                """);
        for (String line : body) {
            yaml.append("    ").append(line).append('\n');
        }
        try {
            RulePack pack = LOADER.load("test.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
            return RuleEngine.of(pack);
        } catch (RulePackException e) {
            throw new AssertionError("test pack does not load: " + e.getMessage(), e);
        }
    }

    private static List<Hit> body(RuleEngine engine, String text) {
        return engine.match(Part.of(PartKind.BODY, text));
    }

    @Test
    void hitOffsetsQuoteTheOriginalTextNotTheNormalizedForm() {
        RuleEngine engine = engine("terms: [机密★10年]");
        String text = "通知\n機　密★１０年\n";

        List<Hit> hits = body(engine, text);

        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.originalMatch()).isEqualTo("機　密★１０年");
            assertThat(h.normalizedMatch()).isEqualTo("机密★10年");
            assertThat(h.start()).isEqualTo(text.indexOf('機'));
            assertThat(h.end()).isEqualTo(text.indexOf('年') + 1);
            assertThat(h.line()).isEqualTo(2);
            assertThat(h.page()).as("an unpaged part has no page numbers").isNull();
        });
    }

    @Test
    void regexNamedGroupNarrowsTheReportedSpanInOriginalText() {
        RuleEngine engine = engine("regex: '(?P<match>机密★\\d+年)(?:[^★]|$)'");
        String text = "前言 機密★１０年 正文";

        assertThat(body(engine, text)).singleElement()
                .satisfies(h -> assertThat(h.originalMatch()).isEqualTo("機密★１０年"));
    }

    @Test
    void bareLevelInFirstLinesOfSecondPageIsFoundWithPageAndLine() {
        RuleEngine engine = engine("terms: [机密]", "where:", "  first-lines: 4");
        Part part = new Part(PartKind.BODY, "a\nb\f000318\n机密\n特急", true, null, null);

        assertThat(engine.match(part)).singleElement().satisfies(h -> {
            assertThat(h.page()).isEqualTo(2);
            assertThat(h.line()).isEqualTo(2);
            assertThat(h.originalMatch()).isEqualTo("机密");
            assertThat(h.explanation()).contains("first 4 lines");
        });
    }

    @Test
    void bareLevelBelowTheFirstLinesOfItsPageIsNotAFinding() {
        RuleEngine engine = engine("terms: [机密]", "where:", "  first-lines: 4");
        Part part = new Part(PartKind.BODY, "a\nb\f一\n二\n三\n四\n五\n机密\n特急", true, null, null);

        assertThat(engine.match(part)).isEmpty();
    }

    @Test
    void blankLinesDoNotCountTowardsFirstLines() {
        RuleEngine engine = engine("terms: [机密]", "where:", "  first-lines: 2");
        Part part = new Part(PartKind.BODY, "000318\n\n\n\n机密\n特急", true, null, null);

        assertThat(engine.match(part)).singleElement().satisfies(h -> {
            assertThat(h.page()).isEqualTo(1);
            assertThat(h.line()).as("physical line within the page").isEqualTo(5);
        });
    }

    @Test
    void ownLineRuleFiresOnALabelButNotInsideProse() {
        RuleEngine engine = engine("terms: [机密]", "where:", "  own-line: true");

        assertThat(body(engine, "标题\n机密\n正文")).hasSize(1);
        assertThat(body(engine, "标题\n  【机密】 \n正文")).as("bracket decoration is allowed").hasSize(1);
        assertThat(body(engine, "国家秘密的密级分为绝密、机密、秘密三级。")).isEmpty();
    }

    @Test
    void headerOnlyRuleDoesNotFireOnBody() {
        RuleEngine engine = engine("terms: [机密]", "where:", "  parts: [header]");

        assertThat(engine.match(Part.of(PartKind.HEADER, "机密"))).singleElement()
                .satisfies(h -> assertThat(h.explanation()).contains("header"));
        assertThat(engine.match(Part.of(PartKind.BODY, "机密"))).isEmpty();
        assertThat(engine.match(Part.of(PartKind.FOOTER, "机密"))).isEmpty();
    }

    @Test
    void whereListMeansAnyOfAndTheExplanationNamesThePart() {
        RuleEngine engine = engine("terms: [机密]", "where:",
                "  - parts: [header]",
                "  - parts: [body]",
                "    own-line: true");

        assertThat(engine.match(Part.of(PartKind.HEADER, "本页机密内容"))).singleElement()
                .satisfies(h -> assertThat(h.explanation()).contains("header"));
        assertThat(engine.match(Part.of(PartKind.BODY, "机密"))).singleElement()
                .satisfies(h -> assertThat(h.explanation()).contains("body").contains("own"));
        assertThat(engine.match(Part.of(PartKind.BODY, "本页机密内容"))).as("neither alternative holds").isEmpty();
        assertThat(engine.match(Part.of(PartKind.COMMENT, "机密"))).isEmpty();
    }

    @Test
    void unlessNearSuppressesAHitWhenAProseWordIsClose() {
        RuleEngine engine = engine("terms: [秘密★]", "unless-near:", "  terms: [商业]", "  within: 3");

        assertThat(body(engine, "保护商业秘密★重要提示")).isEmpty();
        assertThat(body(engine, "秘密★商业")).as("after the hit counts too").isEmpty();
    }

    @Test
    void unlessNearDoesNotSuppressWhenTheProseWordIsFartherOrOnAnotherLine() {
        RuleEngine engine = engine("terms: [秘密★]", "unless-near:", "  terms: [商业]", "  within: 3");

        assertThat(body(engine, "商业甲乙丙丁秘密★1年")).hasSize(1);
        assertThat(body(engine, "商业\n秘密★1年")).hasSize(1);
        assertThat(body(engine, "秘密★1年\n商业")).hasSize(1);
    }

    @Test
    void latinTermsRespectWordBoundaries() {
        RuleEngine engine = engine("terms: [cui]");

        assertThat(body(engine, "the circuit breaker")).isEmpty();
        assertThat(body(engine, "biscuit")).isEmpty();
        assertThat(body(engine, "CUI//SP-EXPT")).singleElement()
                .satisfies(h -> assertThat(h.originalMatch()).isEqualTo("CUI"));
        assertThat(body(engine, "标记：ＣＵＩ")).hasSize(1);
    }

    @Test
    void chineseTermsNeedNoWordBoundaries() {
        RuleEngine engine = engine("terms: [机密]");

        assertThat(body(engine, "这是机密文件")).hasSize(1);
    }

    @Test
    void regexWithRequiresDoesNotRunWhenNoneOfItsLiteralsOccur() {
        RuleEngine unguarded = engine("regex: '机密★\\d+年'");
        RuleEngine guarded = engine("regex: '机密★\\d+年'", "requires: [绝密]");
        String text = "机密★5年";

        assertThat(body(unguarded, text)).as("the regex itself matches").hasSize(1);
        assertThat(body(guarded, text)).as("but its required literal is absent").isEmpty();
    }

    @Test
    void regexWithRequiresRunsWhenOneOfItsLiteralsOccurs() {
        RuleEngine guarded = engine("regex: '机密★\\d+年'", "requires: [绝密, 秘密★]");

        assertThat(body(guarded, "绝密文件目录\n机密★5年")).singleElement()
                .satisfies(h -> {
                    assertThat(h.originalMatch()).isEqualTo("机密★5年");
                    assertThat(h.line()).isEqualTo(2);
                });
    }

    @Test
    void textWithoutAnyTermGivesNoHits() {
        assertThat(body(engine("terms: [机密]"), "普通通知，没有标志。")).isEmpty();
        assertThat(body(engine("terms: [机密]"), "")).isEmpty();
    }
}
