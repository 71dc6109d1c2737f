package org.osr.judge;

import org.osr.review.Opinion;
import org.osr.review.DocumentReviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.osr.testkit.LayeredDocx.fontRun;
import static org.osr.testkit.LayeredDocx.run;
import static org.osr.testkit.LayeredDocx.sym;
import static org.osr.testkit.LayeredDocx.textBox;
import static org.osr.testkit.LayeredDocx.vmlWatermark;
import static org.osr.testkit.LayeredDocx.vmlWordArt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.extract.Problem;
import org.osr.extract.TikaExtractor;
import org.osr.match.Hit;
import org.osr.match.RuleEngine;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.testkit.LayeredDocx;

/**
 * Markings typed with Word's symbol fonts and markings in the layers drawn over the page (watermarks, text boxes,
 * WordArt, SmartArt, alternative text), each reviewed end to end with the bundled packs, beside a clean twin that
 * must stay publishable.
 */
class DocxLayersReviewTest {
    private static DocumentReviewer reviewer;

    @TempDir
    Path tmp;

    @BeforeAll
    static void reviewer() throws Exception {
        reviewer = new DocumentReviewer(new TikaExtractor(), new RuleEngine(PackSources.bundled(new PackLoader())),
                new Judge(Action.REDACT));
    }

    private static LayeredDocx notice() {
        return new LayeredDocx().text("000318");
    }

    private static LayeredDocx notice(String... markingRuns) {
        return notice().runs(markingRuns).text("××区人民政府文件").text("各镇人民政府：现将有关事项通知如下。");
    }

    private Opinion review(LayeredDocx docx) throws IOException {
        Path file = Files.write(tmp.resolve("layers.docx"), docx.build());
        return reviewer.review(file, "layers.docx");
    }

    private static void assertFinding(Opinion opinion, String rule, PartKind part, String match) {
        assertThat(opinion.findings()).as(describe(opinion))
                .anySatisfy(h -> {
                    assertThat(h.rule().id()).isEqualTo(rule);
                    assertThat(h.part().kind()).isEqualTo(part);
                    assertThat(h.originalMatch()).isEqualTo(match);
                });
    }

    /** The verdict, findings, parts and problems of an opinion, for assertion messages. */
    static String describe(Opinion o) {
        StringBuilder sb = new StringBuilder("verdict " + o.verdict().id() + "; findings:");
        for (Hit h : o.findings()) {
            sb.append(' ').append(h.rule().id()).append('@').append(h.part().kind().id()).append('=')
                    .append(h.originalMatch());
        }
        sb.append("; parts:");
        for (Part p : o.document().parts()) {
            sb.append(' ').append(p.kind().id()).append('[').append(p.source()).append("]=").append(p.text());
        }
        o.document().coverage().problems().forEach(p -> sb.append("; problem ").append(p.code()));
        return sb.toString();
    }

    // ---- symbol fonts ------------------------------------------------------------------------------------------

    static Stream<Arguments> markingsTypedWithSymbolFonts() {
        return Stream.of(
                // Insert › Symbol, Wingdings ★ with the private-use offset Word writes
                arguments(List.of(run("机密"), sym("Wingdings", "F0AB"), run("5年")), "cn-marking.level-star-period",
                        "机密★5年"),
                // a run set in Wingdings holding « (0xAB): Wingdings draws ★ for it
                arguments(List.of(run("秘密"), fontRun("Wingdings", "«"), run("1年")), "cn-marking.level-star-period",
                        "秘密★1年"),
                // Wingdings 2's heavy five-pointed star, the code without the offset
                arguments(List.of(run("绝密"), sym("Wingdings 2", "EA"), run("长期")), "cn-marking.level-star-period",
                        "绝密★长期"),
                // the Symbol font has no star; its asterisk makes the asterisk form
                arguments(List.of(run("秘密"), sym("Symbol", "F02A"), run("10年")),
                        "cn-marking.level-asterisk-period", "秘密*10年"),
                // the emoji star, with its emoji presentation selector
                arguments(List.of(run("机密⭐️5年")), "cn-marking.level-star-period", "机密⭐️5年"));
    }

    @ParameterizedTest
    @MethodSource
    void markingsTypedWithSymbolFonts(List<String> runs, String rule, String quoted) throws IOException {
        Opinion o = review(notice(runs.toArray(String[]::new)));
        assertThat(o.verdict()).as(describe(o)).isEqualTo(Verdict.WITHHOLD);
        assertFinding(o, rule, PartKind.BODY, quoted);
    }

    @Test
    void glyphsOfASymbolFontOsrCannotReadLeaveTheDocumentUnreviewable() throws IOException {
        Opinion o = review(notice().runs(run("附图："), fontRun("Wingdings 3", "abcdef")).text("正文"));
        assertThat(o.verdict()).as(describe(o)).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(o.document().coverage().problems()).extracting(Problem::code)
                .containsExactly(Problem.UNDECODABLE_TEXT);
    }

    @Test
    void aTraceOfUnknownGlyphsAndKnownBulletsStayPublishable() throws IOException {
        Opinion o = review(notice().runs(sym("Wingdings", "F0FE"), run("同意 "), sym("Wingdings", "F0A8"),
                run("不同意 "), fontRun("Wingdings 3", "p")).text("联系人：办公室"));
        assertThat(o.verdict()).as(describe(o)).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(o.document().coverage().complete()).isTrue();
    }

    // ---- layers ------------------------------------------------------------------------------------------------

    @Test
    void bareLevelWatermarkIsAMarking() throws IOException {
        Opinion o = review(notice().headerRuns(vmlWatermark("机密")).text("关于做好防汛工作的通知"));
        assertThat(o.verdict()).as(describe(o)).isEqualTo(Verdict.WITHHOLD);
        assertFinding(o, "cn-marking.bare-level", PartKind.WATERMARK, "机密");
        assertThat(o.document().parts()).filteredOn(p -> p.kind() == PartKind.WATERMARK)
                .extracting(Part::source).containsExactly("word/header1.xml");
    }

    @Test
    void ordinaryWatermarkStaysPublishable() throws IOException {
        Opinion o = review(notice().headerRuns(vmlWatermark("样稿")).text("关于做好防汛工作的通知"));
        assertThat(o.verdict()).as(describe(o)).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(o.document().coverage().parts()).containsEntry(PartKind.WATERMARK, 1);
    }

    @Test
    void wordArtCarryingAMarkingIsWithheld() throws IOException {
        Opinion o = review(new LayeredDocx().runs(vmlWordArt("机密★10年")).text("关于做好防汛工作的通知"));
        assertThat(o.verdict()).as(describe(o)).isEqualTo(Verdict.WITHHOLD);
        assertFinding(o, "cn-marking.level-star-period", PartKind.SHAPE, "机密★10年");
    }

    @Test
    void textBoxAtTheTopOfThePageCarryingAMarkingIsWithheld() throws IOException {
        Opinion o = review(new LayeredDocx().runs(textBox("机密★5年"), run("××区人民政府文件"))
                .text("各镇人民政府："));
        assertThat(o.verdict()).as(describe(o)).isEqualTo(Verdict.WITHHOLD);
        assertFinding(o, "cn-marking.level-star-period", PartKind.SHAPE, "机密★5年");
        // the text box is its own part, read once (not again from the VML fallback), and not in the body
        assertThat(o.document().parts()).filteredOn(p -> p.kind() == PartKind.SHAPE).extracting(Part::text)
                .containsExactly("机密★5年");
        assertThat(o.document().parts()).filteredOn(p -> p.kind() == PartKind.BODY)
                .allSatisfy(p -> assertThat(p.text()).doesNotContain("机密"));
    }

    @Test
    void textBoxHoldingABareLevelIsAMarking() throws IOException {
        Opinion o = review(new LayeredDocx().runs(textBox("000318", "机密", "特急"), run("××区人民政府文件")));
        assertFinding(o, "cn-marking.bare-level", PartKind.SHAPE, "机密");
    }

    @Test
    void everyPackSeesTextBoxesWatermarksAndAltTextWhereItSeesTheBodyOrTheHeader() throws IOException {
        Opinion internal = review(new LayeredDocx().runs(textBox("内部资料"), run("××区人民政府文件"))
                .text("各镇人民政府："));
        assertThat(internal.verdict()).as(describe(internal)).isNotEqualTo(Verdict.PUBLISHABLE);
        assertThat(internal.findings()).anyMatch(h -> h.part().kind() == PartKind.SHAPE);

        Opinion telegram = review(new LayeredDocx().runs(textBox("密码电报"), run("××区人民政府")).text("各单位："));
        assertThat(telegram.findings()).as(describe(telegram))
                .anyMatch(h -> h.part().kind() == PartKind.SHAPE && h.rule().category().equals("telegram-header"));
    }

    @Test
    void textBoxQuotingALevelInProseStaysPublishable() throws IOException {
        Opinion o = review(new LayeredDocx().text("关于规范公文格式的说明")
                .runs(textBox("涉密文件应在首页标注国家秘密标志，如“机密★1年”的标志。"), run("各单位："))
                .text("请按照要求执行。"));
        assertThat(o.verdict()).as(describe(o)).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(o.document().coverage().parts()).containsEntry(PartKind.SHAPE, 1);
    }

    @Test
    void smartArtWithAMobileNumberIsNotPublishable() throws IOException {
        Opinion o = review(new LayeredDocx().text("应急工作领导小组").smartArt("组长", "张三", "手机：13812345678"));
        assertThat(o.verdict()).as(describe(o)).isNotEqualTo(Verdict.PUBLISHABLE);
        assertThat(o.findings()).as(describe(o)).anySatisfy(h -> {
            assertThat(h.part().kind()).isEqualTo(PartKind.SHAPE);
            assertThat(h.part().source()).isEqualTo("word/diagrams/data1.xml");
            assertThat(h.rule().category()).isEqualTo("personal-information");
        });
    }

    @Test
    void smartArtOrgChartWithoutPersonalDataStaysPublishable() throws IOException {
        Opinion o = review(new LayeredDocx().text("机构设置").smartArt("局长办公会", "办公室", "综合科", "财务科"));
        assertThat(o.verdict()).as(describe(o)).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(o.document().parts()).filteredOn(p -> p.kind() == PartKind.SHAPE).extracting(Part::text)
                .containsExactly("局长办公会\n办公室\n综合科\n财务科");
    }

    @Test
    void imageAltTextCarryingAMarkingIsWithheld() throws IOException {
        Opinion o = review(new LayeredDocx().text("附件：现场照片").imageWithAltText("秘密★1年"));
        assertThat(o.verdict()).as(describe(o)).isEqualTo(Verdict.WITHHOLD);
        assertFinding(o, "cn-marking.level-star-period", PartKind.ALT_TEXT, "秘密★1年");
    }

    @Test
    void ordinaryAltTextStaysPublishable() throws IOException {
        Opinion o = review(new LayeredDocx().text("附件：单位标志").imageWithAltText("单位标志"));
        assertThat(o.verdict()).as(describe(o)).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(o.document().parts()).filteredOn(p -> p.kind() == PartKind.ALT_TEXT).extracting(Part::text)
                .containsExactly("单位标志");
    }

    @Test
    void partIdsAreTheContractSpelling() {
        assertThat(List.of(PartKind.WATERMARK, PartKind.SHAPE, PartKind.ALT_TEXT)).extracting(PartKind::id)
                .containsExactly("watermark", "shape", "alt-text");
        assertThat(PartKind.fromId("alt-text")).isEqualTo(PartKind.ALT_TEXT);
    }
}
