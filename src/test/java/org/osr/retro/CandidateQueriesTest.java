package org.osr.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.Coverage;
import org.osr.extract.Document;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.index.IndexedArchive;
import org.osr.index.PartIndex;
import org.osr.match.RuleEngine;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.rules.Rule;
import org.osr.rules.RulePack;

class CandidateQueriesTest {
    @TempDir
    Path tmp;

    @Test
    void onlyLiteralsWithTwoHanCharactersAtBothEndsUseTheBigramField() {
        assertThat(CandidateQueries.hanBigramsAtBothEnds("机密")).isTrue();
        assertThat(CandidateQueries.hanBigramsAtBothEnds("人民政府文件")).isTrue();
        assertThat(CandidateQueries.hanBigramsAtBothEnds("机密★绝密")).isTrue();
        assertThat(CandidateQueries.hanBigramsAtBothEnds("急")).isFalse();
        assertThat(CandidateQueries.hanBigramsAtBothEnds("机密★5年")).as("年 alone is a bigram with what follows")
                .isFalse();
        assertThat(CandidateQueries.hanBigramsAtBothEnds("2026")).isFalse();
        assertThat(CandidateQueries.hanBigramsAtBothEnds("secret")).isFalse();
    }

    /**
     * The property retro rests on: wherever the matcher finds a term, the term's query matches that page. Texts where
     * the bigram field's tokens differ from the matcher's words: digits inside a number, a word joined by '_' or
     * '.', a Han character paired with its neighbour, full-width and traditional forms, spaces the normalizer drops.
     */
    @Test
    void everyPageWhereTheMatcherFindsATermMatchesItsQuery() throws Exception {
        List<String> literals = List.of("11", "secret", "机密", "5年", "机密★5年", "急", "人民政府", "2026", "a级",
                "top secret", "密级", "〇〇一", "政发");
        List<String> texts = List.of("编号110105194912310021号", "top_secret_x", "a.secret.b", "绝机密的通知", "十5年内",
                "机密★5年内", "特急件", "××区人民政府文件", "2026年", "ａ级文件", "TOP  SECRET//NOFORN", "密 级：秘密",
                "機密文件", "测试〇〇一号", "×政发〔2026〕7号", "secret", "机\u200b密");
        Path pack = Files.writeString(tmp.resolve("p.yaml"), "pack: p\nversion: \"1\"\ntitle: p\nrules:\n"
                + literalRules(literals));
        List<RulePack> packs = PackSources.fromPaths(new PackLoader(), List.of(pack));
        RuleEngine engine = new RuleEngine(packs);
        Path dir = tmp.resolve("index");
        try (PartIndex index = PartIndex.open(dir)) {
            for (int i = 0; i < texts.size(); i++) {
                List<Part> parts = List.of(Part.of(PartKind.BODY, texts.get(i)));
                index.add(new Document("t" + i, "sha" + i, 1, "text/plain", null, parts,
                        Coverage.of(parts, null, List.of())));
            }
            index.commit();
        }
        int found = 0;
        try (IndexedArchive archive = IndexedArchive.open(dir)) {
            for (Rule rule : engine.rules()) {
                List<Query> queries = CandidateQueries.forRule(rule);
                assertThat(queries).isNotNull();
                RuleEngine one = new RuleEngine(List.of(packs.get(0).withRules(List.of(rule))));
                List<String> candidates = new ArrayList<>();
                for (Query q : queries) {
                    candidates.addAll(archive.pathsMatching(q));
                }
                for (int i = 0; i < texts.size(); i++) {
                    if (!one.match(Part.of(PartKind.BODY, texts.get(i))).isEmpty()) {
                        found++;
                        assertThat(candidates).as(rule.id() + " in '" + texts.get(i) + "'").contains("t" + i);
                    }
                }
            }
        }
        assertThat(found).as("the matcher found terms in the texts").isGreaterThan(15);
    }

    @Test
    void aRegexIsNarrowedByItsRequiredLiteralsAndAnIdRuleWithoutThemByDigits() throws Exception {
        Path pack = Files.writeString(tmp.resolve("p.yaml"), """
                pack: p
                version: "1"
                title: p
                rules:
                  - id: p.required
                    category: c
                    action: refer
                    message: m
                    regex: '政发〔\\d{4}〕'
                    requires: [政发]
                  - id: p.id
                    category: c
                    action: redact
                    message: m
                    regex: '\\d{17}[0-9x]'
                    validate: cn-resident-id
                  - id: p.credit
                    category: c
                    action: note
                    message: m
                    regex: '[0-9a-z]{18}'
                    validate: cn-uscc
                """);
        List<Rule> rules = new RuleEngine(PackSources.fromPaths(new PackLoader(), List.of(pack))).rules();
        assertThat(CandidateQueries.forRule(rules.get(0))).hasSize(1);
        assertThat(CandidateQueries.forRule(rules.get(1))).containsExactly(CandidateQueries.digits());
        assertThat(CandidateQueries.forRule(rules.get(2))).as("credit codes may be letters: every page").isNull();
    }

    private static String literalRules(List<String> literals) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < literals.size(); i++) {
            sb.append("  - id: p.t").append(i).append("\n    category: c\n    action: refer\n    message: m\n")
                    .append("    terms: [\"").append(literals.get(i)).append("\"]\n");
            sb.append("  - id: p.r").append(i).append("\n    category: c\n    action: refer\n    message: m\n")
                    .append("    regex: '.'\n    requires: [\"").append(literals.get(i)).append("\"]\n");
        }
        return sb.toString();
    }
}
