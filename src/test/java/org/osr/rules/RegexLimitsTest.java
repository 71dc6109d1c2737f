package org.osr.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pack regex too large to run in reasonable time on a long text is refused when the pack loads. */
class RegexLimitsTest {
    private static final String HEAD = """
            pack: big-regex
            version: "1"
            title: big regex
            rules:
              - id: t.ok
                category: test
                action: refer
                message: fine
                regex: '(?P<match>机密★\\d{1,3}年)'
              - id: t.big
                category: test
                action: refer
                message: big
            """;

    private static RulePackException refusal(String regexLine) {
        String yaml = HEAD + "    " + regexLine + "\n";
        return catchThrowableOfType(RulePackException.class,
                () -> new PackLoader().load("big.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @Timeout(60) // a hang guard, not a speed claim
    void nestedRepetitionIsRefusedAtTheRegexWithoutBeingCompiled() {
        // RE2/J compiles this to a million instructions and one more level of nesting runs out of memory.
        RulePackException e = refusal("regex: '((a{1000}){1000}){1000}'");

        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.position()).isEqualTo(new SourcePosition("big.yaml", 14, 12));
            assertThat(err.message()).contains("repeats too much").contains("at most 1000");
        });
    }

    @Test
    void theMillionInstructionRegexIsRefused() {
        RulePackException e = refusal("regex: '(a{1000}){1000}'");

        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.position().line()).isEqualTo(14);
            assertThat(err.message()).contains("1000000");
        });
    }

    @Test
    void aLongAlternationIsRefusedByItsCompiledSize() {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 300; i++) {   // an office's list of names: what terms are for
            names.append(i == 0 ? "" : "|").append(Integer.toString(i * 7919 + 100_000, 36));
        }

        RulePackException e = refusal("regex: '(?:" + names + ")'");

        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.position()).isEqualTo(new SourcePosition("big.yaml", 14, 12));
            assertThat(err.message()).contains("regex too large").contains("instructions (at most 1000)")
                    .contains("terms");
        });
    }

    @Test
    void aBoundedRepeatOfOrdinarySizeLoads() throws Exception {
        String yaml = HEAD + "    regex: '(?:卡号|账号)[^\\n0-9]{0,30}(?P<match>\\d(?:[ -]?\\d){15,18})'\n";

        RulePack pack = new PackLoader().load("ok.yaml", yaml.getBytes(StandardCharsets.UTF_8));

        assertThat(pack.rules()).hasSize(2);
    }

    @Test
    void everyBundledRegexIsWellWithinTheLimits() throws Exception {
        for (RulePack pack : PackSources.bundled(new PackLoader())) {
            for (Rule rule : pack.rules()) {
                if (rule.matcher() instanceof Matcher.Regex regex) {
                    RegexLimits.Size size = RegexLimits.estimate(regex.source());
                    assertThat(regex.pattern().programSize()).as(rule.id()).isLessThan(RegexLimits.MAX_PROGRAM / 4);
                    assertThat(size.repeat()).as(rule.id()).isLessThan(RegexLimits.MAX_REPEAT / 10);
                }
            }
        }
    }
}
