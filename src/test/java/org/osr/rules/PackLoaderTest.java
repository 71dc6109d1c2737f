package org.osr.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osr.match.ExampleRunner;

class PackLoaderTest {
    private final PackLoader loader = new PackLoader();

    private static final String HEAD = """
            pack: test-pack
            version: "1"
            title: Test pack
            rules:
            """;

    /** A rule with the given extra lines (each already indented by four spaces). */
    private static String rule(String id, String... lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("  - id: ").append(id).append('\n');
        sb.append("    category: test\n");
        sb.append("    action: withhold\n");
        sb.append("    message: a message\n");
        for (String l : lines) {
            sb.append("    ").append(l).append('\n');
        }
        return sb.toString();
    }

    private RulePack load(String yaml) throws RulePackException {
        return loader.load("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private RulePackException failure(String yaml) {
        return catchThrowableOfType(RulePackException.class, () -> load(yaml));
    }

    /** 1-based line of the first line containing {@code needle}. */
    private static int lineOf(String yaml, String needle) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("not in test YAML: " + needle);
    }

    @Test
    void minimalValidPackLoads() throws Exception {
        RulePack pack = load(HEAD + rule("t.one", "terms: [机密]") + rule("t.two", "regex: 'a+b'"));

        assertThat(pack.id()).isEqualTo("test-pack");
        assertThat(pack.version()).isEqualTo("1");
        assertThat(pack.rules()).hasSize(2);
        assertThat(pack.rules()).extracting(Rule::id).containsExactly("t.one", "t.two");
        assertThat(pack.origin()).isEqualTo("test.yaml");
        assertThat(pack.sha256()).matches("[0-9a-f]{64}");
        assertThat(pack.rules().get(0).action()).isEqualTo(Action.WITHHOLD);
    }

    @Test
    void yamlSyntaxErrorNamesFileLineAndColumn() {
        String yaml = HEAD + rule("t.one", "terms: [机密]", "description: \"never closed") + rule("t.two", "terms: [x]");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        SourcePosition pos = e.errors().get(0).position();
        assertThat(pos.file()).isEqualTo("test.yaml");
        // The unterminated quoted scalar is reported where it starts.
        assertThat(pos.line()).isEqualTo(lineOf(yaml, "never closed"));
        assertThat(pos.column()).isBetween(5, 20);
        assertThat(e.errors().get(0).toString()).startsWith("test.yaml:" + pos.line() + ":" + pos.column() + ":");
        assertThat(e.errors().get(0).message()).startsWith("YAML:");
    }

    @Test
    void unclosedFlowSequenceIsReportedNearItsLine() {
        String yaml = HEAD + rule("t.one", "terms: [机密, 秘密") + rule("t.two", "terms: [x]");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        SourcePosition pos = e.errors().get(0).position();
        // Detected where the next rule starts, which is the earliest point a parser can know.
        assertThat(pos.line()).isBetween(lineOf(yaml, "terms: [机密, 秘密"), lineOf(yaml, "id: t.two"));
        assertThat(e.errors().get(0).toString()).startsWith("test.yaml:" + pos.line() + ":");
    }

    @Test
    void yamlSyntaxErrorOnABadIndentIsReportedAtThatLine() {
        String yaml = HEAD + rule("t.one", "terms: [机密]") + "   bad: indent: here\n";
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        SourcePosition pos = e.errors().get(0).position();
        assertThat(pos.file()).isEqualTo("test.yaml");
        assertThat(pos.line()).isEqualTo(lineOf(yaml, "bad: indent"));
        assertThat(pos.column()).isBetween(1, 20);
        assertThat(e.errors().get(0).toString()).startsWith("test.yaml:" + pos.line() + ":" + pos.column() + ":");
    }

    @Test
    void duplicateKeyIsReportedAtTheDuplicate() {
        String yaml = HEAD + rule("t.one", "terms: [机密]", "action: refer");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        assertThat(e.errors().get(0).position().line()).isEqualTo(lineOf(yaml, "action: refer"));
        assertThat(e.errors().get(0).message()).containsIgnoringCase("action");
    }

    @Test
    void unknownActionIsASchemaErrorAtItsLine() {
        String yaml = HEAD + rule("t.one", "terms: [机密]").replace("action: withhold", "action: block");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        assertThat(e.errors()).anySatisfy(err -> {
            assertThat(err.position().line()).isEqualTo(lineOf(yaml, "action: block"));
            assertThat(err.position().column()).isPositive();
        });
    }

    @Test
    void unknownRulePropertyIsASchemaError() {
        String yaml = HEAD + rule("t.one", "terms: [机密]", "severity: high");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        assertThat(e.errors()).anySatisfy(err -> assertThat(err.message()).contains("severity"));
        // The error points into the offending rule, not at the top of the file.
        assertThat(e.errors()).allSatisfy(err -> assertThat(err.position().line())
                .isBetween(lineOf(yaml, "id: t.one"), lineOf(yaml, "severity")));
    }

    @Test
    void unknownPartNameInWhereIsASchemaErrorAtItsLine() {
        String yaml = HEAD + rule("t.one", "terms: [机密]", "where:", "  parts: [body, sidebar]");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        assertThat(e.errors()).anySatisfy(err ->
                assertThat(err.position().line()).isEqualTo(lineOf(yaml, "sidebar")));
    }

    @Test
    void emptyTermListIsASchemaErrorAtItsLine() {
        String yaml = HEAD + rule("t.one", "terms: []");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        assertThat(e.errors()).anySatisfy(err ->
                assertThat(err.position().line()).isEqualTo(lineOf(yaml, "terms: []")));
    }

    @Test
    void lookAheadRegexIsRejectedAtTheRegexLine() {
        String yaml = HEAD + rule("t.one", "regex: '机密(?=x)'");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.position().line()).isEqualTo(lineOf(yaml, "regex:"));
            assertThat(err.message()).contains("regex");
        });
    }

    @Test
    void unbalancedParenthesisRegexIsRejectedAtTheRegexLine() {
        String yaml = HEAD + rule("t.one", "terms: [a]") + rule("t.two", "regex: '(机密'");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement()
                .satisfies(err -> assertThat(err.position().line()).isEqualTo(lineOf(yaml, "regex: '(机密'")));
    }

    @Test
    void termOfOnlyInvisibleCharactersIsRejectedAtItsLine() {
        String yaml = HEAD + rule("t.one", "terms:", "  - 机密", "  - \"\\u200B \\u3000\"");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.position().line()).isEqualTo(lineOf(yaml, "u200B"));
            assertThat(err.message()).contains("empty");
        });
    }

    @Test
    void duplicateRuleIdIsRejectedAtTheSecondRule() {
        String yaml = HEAD + rule("t.same", "terms: [a]") + rule("t.same", "terms: [b]");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        int second = lineOf(yaml, "terms: [b]") - 4; // the second "- id: t.same" line
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.position().line()).isEqualTo(second);
            assertThat(err.message()).contains("t.same");
        });
    }

    @Test
    void ruleWithBothTermsAndRegexIsRejectedAtThatRule() {
        String yaml = HEAD + rule("t.ok", "terms: [a]") + rule("t.both", "terms: [a]", "regex: 'b'");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.position().line()).isBetween(lineOf(yaml, "id: t.both"), lineOf(yaml, "regex: 'b'"));
            assertThat(err.message()).contains("terms").contains("regex");
        });
    }

    @Test
    void ruleWithNeitherTermsNorRegexIsRejected() {
        RulePackException e = failure(HEAD + rule("t.none"));

        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.message()).contains("exactly one"));
    }

    @Test
    void everySemanticErrorInAFileIsReported() {
        String yaml = HEAD
                + rule("t.a", "regex: '(?=x)'")
                + rule("t.b", "terms: [\"\\u200B\"]")
                + rule("t.a", "terms: [c]")
                + rule("t.d", "terms: [d]", "regex: 'd'");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        assertThat(e.errors()).hasSize(4);
        assertThat(e.errors()).extracting(err -> err.position().line()).doesNotHaveDuplicates();
        assertThat(e.getMessage().split("\n")).hasSize(4);
    }

    @Test
    void everySchemaErrorInAFileIsReported() {
        String yaml = HEAD
                + rule("t.a", "terms: [a]").replace("action: withhold", "action: block")
                + rule("t.b", "terms: []")
                + rule("t.c", "terms: [c]", "colour: red");
        RulePackException e = failure(yaml);

        assertThat(e).isNotNull();
        List<Integer> lines = e.errors().stream().map(err -> err.position().line()).toList();
        assertThat(lines).contains(lineOf(yaml, "action: block"), lineOf(yaml, "terms: []"));
        assertThat(e.errors()).anySatisfy(err -> assertThat(err.message()).contains("colour"));
    }

    @Test
    @Timeout(60) // a hang guard, not a speed claim
    void globalTagNeverConstructsAJavaObject() {
        String yaml = HEAD.replace("rules:\n", "")
                + "rules: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                + "[[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n";

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(RulePackException.class);
    }

    @Test
    void globalTagOnAFieldIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> load(HEAD + rule("t.one", "terms: !!java.net.URL [\"http://127.0.0.1/\"]")))
                .isInstanceOf(RulePackException.class).hasMessageContaining("tags")
                .hasMessageMatching("(?s)test\\.yaml:\\d+:\\d+: .*");
    }

    /**
     * Jackson's YAML parser does not resolve aliases; it returns an alias as a string holding the anchor's name, so
     * {@code terms: [&x 机密, *x]} would silently compile to the terms 机密 and "x". Packs refuse aliases instead.
     */
    @Test
    void yamlAliasNeverBecomesALiteralTerm() {
        String yaml = HEAD + rule("t.one", "terms: [&x 机密, *x]");

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("aliases").hasMessageContaining("test.yaml:");
    }

    @Test
    @Timeout(60) // a hang guard, not a speed claim
    void billionLaughsAliasBombIsRefusedBeforeItExpands() {
        StringBuilder yaml = new StringBuilder("pack: bomb\nversion: \"1\"\ntitle: bomb\n");
        yaml.append("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i <= 9; i++) {
            String p = "*a" + (i - 1);
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, p))).append("]\n");
        }
        yaml.append("rules: *a9\n");

        assertThatThrownBy(() -> load(yaml.toString())).isInstanceOf(RulePackException.class)
                .hasMessageContaining("aliases");
    }

    @Test
    void yaml12KeepsNoOffYesAndLeadingZeroAsStrings() throws Exception {
        RulePack pack = load(HEAD + rule("t.one", "terms: [no, off, yes, \"007\"]"));

        assertThat(pack.rules().get(0).matcher()).isInstanceOfSatisfying(Matcher.Terms.class,
                t -> assertThat(t.terms()).containsExactlyInAnyOrder("no", "off", "yes", "007"));
    }

    @Test
    void termsAreNormalizedLikeDocumentText() throws Exception {
        RulePack pack = load(HEAD + rule("t.one", "terms: [機密, ＣＵＩ]"));

        assertThat(pack.rules().get(0).matcher()).isInstanceOfSatisfying(Matcher.Terms.class,
                t -> assertThat(t.terms()).containsExactly("机密", "cui"));
    }

    @Test
    void bundledPackLoadsAndAllItsExamplesPass() throws Exception {
        List<RulePack> packs = PackSources.bundled(new PackLoader());
        List<ExampleRunner.Result> results = ExampleRunner.run(packs);

        assertThat(packs).extracting(RulePack::id).contains("cn-classification-markings");
        assertThat(results).hasSizeGreaterThanOrEqualTo(40);
        assertThat(results).filteredOn(r -> !r.passed())
                .extracting(r -> r.rule().id() + " " + (r.expectMatch() ? "match" : "no-match") + " "
                        + r.example().position() + " " + r.example().text())
                .isEmpty();
    }
}
