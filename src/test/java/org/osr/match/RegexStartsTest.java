package org.osr.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.osr.normalize.NormalizedText;
import org.osr.normalize.Normalizer;
import org.osr.rules.Matcher;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.rules.Rule;
import org.osr.rules.RulePack;

/**
 * Searching only where a match can start finds exactly what RE2/J's plain search finds: every bundled regex and a
 * few built to test the edges (line and text starts, case folding, a pattern that runs far from each start), over
 * a thousand generated texts made of the characters those patterns care about.
 */
class RegexStartsTest {
    private static final String EDGES = """
            pack: edges
            version: "1"
            title: edges
            rules:
              - id: e.fold
                category: classification-marking
                action: withhold
                message: fold
                regex: '(?i)(?P<match>secret|k\\d)'
              - id: e.text-start
                category: classification-marking
                action: withhold
                message: text start
                regex: '\\A *(?P<match>秘密)'
              - id: e.line-start
                category: classification-marking
                action: withhold
                message: line start
                regex: '(?m)^[ (]*(?P<match>机密|[A-Z]+)$'
              - id: e.either
                category: classification-marking
                action: withhold
                message: line start or not
                regex: '(?m)(?:^|★)(?P<match>绝密)'
              - id: e.far
                category: classification-marking
                action: withhold
                message: runs far
                regex: '秘[^\\n]*?年'
            """;
    private static final String ALPHABET = "绝密机秘★☆*年月长期 1390(【\n\n\f SECRETsecretſKk/Ｓ内部资料注意保密-:";

    @Test
    void narrowedSearchFindsWhatThePlainSearchFinds() throws Exception {
        List<RulePack> packs = new ArrayList<>(PackSources.bundled(new PackLoader()));
        packs.add(new PackLoader().load("edges.yaml", EDGES.getBytes(StandardCharsets.UTF_8)));
        RuleEngine engine = new RuleEngine(packs);
        List<Rule> rules = engine.rules();
        BitSet regexRules = new BitSet();
        RegexStarts[] starts = new RegexStarts[rules.size()];
        int narrowed = 0;
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).matcher() instanceof Matcher.Regex regex) {
                regexRules.set(i);
                starts[i] = RegexStarts.of(regex.pattern());
                narrowed += starts[i] == null ? 0 : 1;
            }
        }
        assertThat(narrowed).as("regex rules whose starts are known").isGreaterThan(regexRules.cardinality() / 2);

        Random random = new Random(12);
        int found = 0;
        for (int t = 0; t < 1200; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(t < 900 ? 60 : 400);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            NormalizedText normalized = Normalizer.normalize(text.toString());
            List<Candidate> plain = new ArrayList<>();
            new RegexFinder(regexRules, new RegexStarts[rules.size()]).candidates(rules, normalized, null, plain);
            List<Candidate> fast = new ArrayList<>();
            new RegexFinder(regexRules, starts).candidates(rules, normalized, null, fast);
            assertThat(fast).as("candidates in %s", normalized.text()).isEqualTo(plain);
            found += plain.size();
        }
        assertThat(found).as("candidates compared").isGreaterThan(1000);
    }

    @Test
    void aPatternThatCanMatchTheEmptyStringAnywhereIsSearchedThePlainWay() {
        assertThat(RegexStarts.of(com.google.re2j.Pattern.compile("a*"))).isNull();
        assertThat(RegexStarts.of(com.google.re2j.Pattern.compile("\\bword"))).isNull();
        assertThat(RegexStarts.of(com.google.re2j.Pattern.compile("(?P<match>绝密|机密)"))).isNotNull();
    }
}
