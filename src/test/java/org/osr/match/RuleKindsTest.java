package org.osr.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.rules.PackLoader;
import org.osr.rules.RulePack;

/** The composite and checked rule kinds: cluster, validate, case-sensitive. */
class RuleKindsTest {

    private static RuleEngine engine(String rulesYaml) throws Exception {
        String yaml = "pack: kinds\nversion: \"1\"\ntitle: kinds\nrules:\n" + rulesYaml;
        RulePack pack = new PackLoader().load("kinds.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        return new RuleEngine(List.of(pack));
    }

    private static List<Hit> body(RuleEngine engine, String text) {
        return engine.match(Part.of(PartKind.BODY, text));
    }

    private static final String TELEGRAM_CLUSTER = """
              - id: t.header
                category: telegram-header
                action: withhold
                message: telegram header
                cluster:
                  any-of: [发电单位, 签批, 等级, 特提, 密级, 部门号, 译传号, 总号]
                  min: 3
                  within: {lines: 8}
            """;

    @Test
    void clusterFiresOnThreeDifferentLabelsWithinTheWindow() throws Exception {
        List<Hit> hits = body(engine(TELEGRAM_CLUSTER), "密码电报\n发电单位 某省人民政府办公厅\n签批 张三\n等级 特提\n标题");
        assertThat(hits).hasSize(1);
        Hit hit = hits.get(0);
        assertThat(hit.line()).isEqualTo(2);
        assertThat(hit.originalMatch()).startsWith("发电单位").endsWith("特提");
        assertThat(hit.explanation()).contains("cluster of 4 labels").contains("within 8 lines");
    }

    @Test
    void clusterCountsDifferentLabelsNotRepetitions() throws Exception {
        assertThat(body(engine(TELEGRAM_CLUSTER), "密级 一\n密级 二\n密级 三\n密级 四")).isEmpty();
    }

    @Test
    void clusterLabelsSpreadOverMoreLinesThanTheWindowAreProse() throws Exception {
        String text = "发电单位\n" + "正文\n".repeat(10) + "签批\n" + "正文\n".repeat(10) + "总号";
        assertThat(body(engine(TELEGRAM_CLUSTER), text)).isEmpty();
    }

    @Test
    void clusterWindowInCharacters() throws Exception {
        RuleEngine e = engine("""
              - id: t.chars
                category: telegram-header
                action: withhold
                message: chars
                cluster: {any-of: [发往, 签发, 总号], min: 2, within: {chars: 10}}
            """);
        assertThat(body(e, "发往某地 签发")).hasSize(1);
        assertThat(body(e, "发往" + "一".repeat(20) + "签发")).isEmpty();
    }

    @Test
    void validatorKeepsOnlyChecksumValidMatches() throws Exception {
        RuleEngine e = engine("""
              - id: p.card
                category: personal-information
                action: redact
                message: card
                regex: '\\d{16,19}'
                validate: luhn
                mask: true
            """);
        assertThat(body(e, "卡号 4111111111111111")).hasSize(1);
        assertThat(body(e, "卡号 6222021234567890123")).isEmpty();
        Hit id = body(engine("""
              - id: p.id
                category: personal-information
                action: redact
                message: id
                regex: '\\d{17}[\\dx]'
                validate: cn-resident-id
            """), "身份证号：１１０１０５１９４９１２３１００２Ｘ").get(0);
        assertThat(id.originalMatch()).isEqualTo("１１０１０５１９４９１２３１００２Ｘ");
        assertThat(id.explanation()).contains("cn-resident-id checksum valid");
    }

    @Test
    void caseSensitiveRuleTellsABannerFromAWord() throws Exception {
        RuleEngine e = engine("""
              - id: en.banner
                category: classification-marking
                action: withhold
                message: banner
                regex: '^(TOP SECRET|SECRET)(//[A-Z ,]+)*$'
                requires: [secret]
                case-sensitive: true
            """);
        assertThat(body(e, "TOP SECRET//NOFORN\nMemo")).hasSize(1);
        assertThat(body(e, "Top Secret\nMemo")).isEmpty();
        assertThat(body(e, "ＴＯＰ ＳＥＣＲＥＴ")).as("full-width banner still a banner").hasSize(1);
    }

    @Test
    void nearRequiresALabelOnTheLineOrInTheHeaderRowAboveAndFindsEveryValue() throws Exception {
        RuleEngine e = engine("""
              - id: p.mobile
                category: personal-information
                action: redact
                message: mobile
                regex: '(?:^|[^0-9])(?P<match>1[3-9]\\d{9})(?:[^0-9]|$)'
                requires: ["13", "15"]
                near: {terms: [电话, 手机], within: 20, lines-above: 1}
                mask: true
            """);
        assertThat(body(e, "联系电话：13800138000、15900159000")).hasSize(2);
        assertThat(body(e, "姓名 | 手机\n张三 | 13800138000")).hasSize(1);
        assertThat(body(e, "合同编号 13800138000")).isEmpty();
        assertThat(body(e, "手机\n一\n二\n13800138000")).as("label too far above").isEmpty();
        assertThat(body(e, "联系电话：13800138000").get(0).explanation()).doesNotContain("13800138000");
    }

    @Test
    void aLineStartAnchorAlsoMatchesTheFirstLineOfTheNextPage() throws Exception {
        RuleEngine e = engine("""
              - id: en.top
                category: classification-marking
                action: withhold
                message: banner
                regex: '^SECRET$'
                requires: [secret]
            """);
        List<Hit> hits = e.match(new Part(PartKind.BODY, "memo\nSECRET\n\fSECRET\nmore", true, null, null));
        assertThat(hits).extracting(Hit::page).containsExactly(1, 2);
    }

    @Test
    void twoRulesOfOneCategoryOnTheSameTextReportOnlyTheStrongerAction() throws Exception {
        RuleEngine e = engine("""
              - id: a.refer
                category: classification-marking
                action: refer
                message: weak
                terms: [secret]
              - id: a.withhold
                category: classification-marking
                action: withhold
                message: strong
                terms: [secret]
            """);
        assertThat(body(e, "SECRET")).extracting(h -> h.rule().id()).containsExactly("a.withhold");
    }
}
