package org.osr.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an office adapts the bundled rules: terms files, extends, disable, overrides. */
class PackMechanicsTest {
    @TempDir
    Path dir;

    private final PackLoader loader = new PackLoader();

    private RulePack write(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return loader.load(file);
    }

    private static List<String> ruleIds(List<RulePack> packs) {
        return packs.stream().flatMap(p -> p.rules().stream()).map(Rule::id).toList();
    }

    @Test
    void termsFileBesideThePackIsNormalizedAndCommentsAreSkipped() throws Exception {
        Files.writeString(dir.resolve("terms.txt"), "# our list\n\n機密項目甲\n  ＰＲＯＪＥＣＴ ＸＹＺ  \n# end\n");
        RulePack pack = write("office.yaml", """
                pack: office
                version: "1"
                title: office
                rules:
                  - id: office.terms
                    category: sensitive-term
                    action: refer
                    message: term
                    terms-file: terms.txt
                """);
        assertThat(((Matcher.Terms) pack.rules().get(0).matcher()).terms()).containsExactly("机密项目甲", "project xyz");
    }

    @Test
    void missingOrHugeTermsFileIsAPackErrorAtTheTermsFileLine() throws Exception {
        String yaml = """
                pack: office
                version: "1"
                title: office
                rules:
                  - id: office.terms
                    category: sensitive-term
                    action: refer
                    message: term
                    terms-file: %s
                """;
        assertThatThrownBy(() -> write("a.yaml", yaml.formatted("absent.txt")))
                .isInstanceOf(RulePackException.class).hasMessageContaining("a.yaml:9:").hasMessageContaining("absent.txt");
        try (RandomAccessFile huge = new RandomAccessFile(dir.resolve("huge.txt").toFile(), "rw")) {
            huge.setLength(TermsFile.MAX_BYTES + 1);   // sparse: costs no disk
        }
        assertThatThrownBy(() -> write("b.yaml", yaml.formatted("huge.txt")))
                .isInstanceOf(RulePackException.class).hasMessageContaining("b.yaml:9:")
                .hasMessageContaining("at most " + TermsFile.MAX_BYTES + " bytes");
    }

    @Test
    void userPackExtendsDisablesAndOverridesBundledRules() throws Exception {
        List<RulePack> bundled = PackSources.bundled(loader);
        RulePack office = write("office.yaml", """
                pack: office-markings
                version: "1"
                title: office
                extends: cn-classification-markings
                disable: [cn-marking.bare-level]
                overrides:
                  cn-marking.level-field: {action: refer}
                rules:
                  - id: office.extra
                    category: internal-marking
                    action: refer
                    message: extra
                    terms: [内部资料]
                """);
        List<RulePack> packs = PackSources.assemble(bundled, List.of(office), false);

        assertThat(packs).extracting(RulePack::id).doesNotContain("cn-classification-markings").contains("office-markings");
        assertThat(ruleIds(packs)).contains("cn-marking.level-star-period", "office.extra")
                .doesNotContain("cn-marking.bare-level");
        Rule field = packs.stream().flatMap(p -> p.rules().stream())
                .filter(r -> r.id().equals("cn-marking.level-field")).findFirst().orElseThrow();
        assertThat(field.action()).isEqualTo(Action.REFER);
        assertThat(field.pack()).isEqualTo("office-markings");
        RulePack assembled = packs.stream().filter(p -> p.id().equals("office-markings")).findFirst().orElseThrow();
        assertThat(assembled.basis()).as("basis inherited from the extended pack").contains("保守国家秘密法");
    }

    @Test
    void disablingAnUnknownRuleOrExtendingAnUnknownPackNamesTheLine() throws Exception {
        RulePack typo = write("typo.yaml", """
                pack: typo
                version: "1"
                title: typo
                disable: [cn-marking.no-such-rule]
                """);
        assertThatThrownBy(() -> PackSources.assemble(PackSources.bundled(loader), List.of(typo), false))
                .isInstanceOf(RulePackException.class).hasMessageContaining("typo.yaml:4:")
                .hasMessageContaining("cn-marking.no-such-rule");
        RulePack orphan = write("orphan.yaml", """
                pack: orphan
                version: "1"
                title: orphan
                extends: no-such-pack
                """);
        assertThatThrownBy(() -> PackSources.assemble(PackSources.bundled(loader), List.of(orphan), false))
                .isInstanceOf(RulePackException.class).hasMessageContaining("orphan.yaml:4:")
                .hasMessageContaining("no-such-pack");
    }

    @Test
    void noBundledDropsBundledPacksButAPackMayStillExtendOne() throws Exception {
        RulePack office = write("office.yaml", """
                pack: office
                version: "1"
                title: office
                extends: cn-classification-markings
                """);
        List<RulePack> packs = PackSources.assemble(PackSources.bundled(loader), List.of(office), true);
        assertThat(packs).extracting(RulePack::id).containsExactly("office");
        assertThat(ruleIds(packs)).contains("cn-marking.level-star-period");
    }

    @Test
    void lintWarnsAboutRulesWithoutExamplesAndIsQuietOnTheBundledPacks() throws Exception {
        RulePack bare = write("bare.yaml", """
                pack: bare
                version: "1"
                title: bare
                rules:
                  - id: bare.rule
                    category: internal-marking
                    action: refer
                    message: bare
                    regex: '内部.{0,4}资料'
                    where: {own-line: true}
                """);
        assertThat(org.osr.match.RuleLinter.lint(List.of(bare))).extracting(w -> w.message())
                .anyMatch(m -> m.contains("no 'match' examples"))
                .anyMatch(m -> m.contains("no 'no-match' examples"))
                .anyMatch(m -> m.contains("without 'requires'"));
        assertThat(org.osr.match.RuleLinter.lint(PackSources.bundled(loader))).isEmpty();
    }
}
