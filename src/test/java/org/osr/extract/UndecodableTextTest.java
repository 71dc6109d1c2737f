package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.osr.testkit.GlyphPdf.Face.NO_TO_UNICODE;
import static org.osr.testkit.GlyphPdf.Face.REPLACEMENT;
import static org.osr.testkit.GlyphPdf.Face.SYMBOL;
import static org.osr.testkit.GlyphPdf.Face.ZAPF_DINGBATS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.review.DocumentReviewer;
import org.osr.judge.Judge;
import org.osr.review.Opinion;
import org.osr.judge.Verdict;
import org.osr.match.RuleEngine;
import org.osr.ocr.Tesseract;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.testkit.GlyphPdf;
import org.osr.testkit.GlyphPdf.Run;
import org.osr.testkit.Slow;

/**
 * Glyphs that did not decode are not text: a page whose text comes out as raw codes, private-use code points or
 * U+FFFD is unreviewable, and a star drawn in a symbol font is read as the ★ it shows. Each unreadable variant has
 * a clean twin that stays publishable.
 */
class UndecodableTextTest {
    private static final List<Run> HEAD = List.of(Run.of("××区人民政府"));
    private static final List<List<Run>> BODY = List.of(
            List.of(Run.of("关于做好2026年防汛工作的通知")),
            List.of(Run.of("各街道办事处、区政府各部门：")),
            List.of(Run.of("为切实做好今年防汛工作，确保人民群众生命财产安全，现将有关事项通知如下。")),
            List.of(Run.of("一、提高思想认识。各单位要充分认识防汛工作的重要性和紧迫性，压实责任。")),
            List.of(Run.of("二、加强隐患排查。请各单位于六月底前完成汛前检查，建立问题清单并限期整改。")),
            List.of(Run.of("三、严格值班值守。汛期实行二十四小时值班和领导带班制度，确保信息畅通。")));

    @TempDir
    Path tmp;

    private Opinion review(List<List<Run>> lines) throws Exception {
        return review(lines, new TikaExtractor());
    }

    private Opinion review(List<List<Run>> lines, TikaExtractor extractor) throws Exception {
        Path file = tmp.resolve("notice.pdf");
        Files.write(file, GlyphPdf.page(lines));
        RuleEngine engine = new RuleEngine(PackSources.bundled(new PackLoader()));
        return new DocumentReviewer(extractor, engine, new Judge(Action.REDACT)).review(file, "notice.pdf");
    }

    private static List<List<Run>> notice(List<Run> markingLine) {
        List<List<Run>> lines = new java.util.ArrayList<>();
        lines.add(HEAD);
        lines.add(markingLine);
        lines.addAll(BODY);
        return lines;
    }

    private static List<String> problems(Opinion o) {
        return o.document().coverage().problems().stream().map(Problem::code).toList();
    }

    @Test
    void markingLineInAFontWithoutToUnicodeIsUnreviewable() throws Exception {
        Opinion o = review(notice(List.of(Run.in(NO_TO_UNICODE, "机密五年"), Run.in(NO_TO_UNICODE, "特急"))));

        assertThat(o.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(problems(o)).contains(Problem.UNDECODABLE_TEXT);
        assertThat(o.document().coverage().problems().get(0).message()).contains("page(s) 1");
    }

    @Test
    @Slow
    void withOcrAPageWhoseGlyphsHaveNoUnicodeIsReadByTesseract() throws Exception {
        assumeThat(Tesseract.problem()).as("tesseract with chi_sim").isEmpty();
        List<List<Run>> lines = BODY.stream().map(l -> List.of(Run.in(NO_TO_UNICODE, "关于做好防汛工作的通知"))).toList();

        Opinion o = review(lines, new TikaExtractor(TikaExtractor.DEFAULT_CHAR_LIMIT, true));

        assertThat(problems(o)).doesNotContain(Problem.UNDECODABLE_TEXT);
        assertThat(o.document().parts()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(PartKind.OCR);
            assertThat(p.text()).contains("防汛");
        });
    }

    @Test
    void starInAFontWithoutToUnicodeOnAMarkingLineIsUnreviewable() throws Exception {
        // One glyph on a long page is below the share, but it stands between a level and a period.
        Opinion o = review(notice(List.of(Run.of("机密"), Run.in(NO_TO_UNICODE, "星"), Run.of("5年"))));

        assertThat(o.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(problems(o)).contains(Problem.UNDECODABLE_TEXT);
    }

    @Test
    void pageOfReplacementCharactersIsUnreviewable() throws Exception {
        List<List<Run>> lines = BODY.stream().map(l -> List.of(Run.in(REPLACEMENT, "机密文件内容无法解码的一行正文"))).toList();

        Opinion o = review(lines);

        assertThat(o.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(problems(o)).containsExactly(Problem.UNDECODABLE_TEXT);
    }

    @Test
    void wingdingsStarExportedAsPrivateUseIsReadAsAStar() throws Exception {
        Opinion o = review(notice(List.of(Run.of("机密"), Run.wingdings("★", 0xF0AB), Run.of("5年"))));

        assertThat(o.verdict()).isEqualTo(Verdict.WITHHOLD);
        assertThat(o.findings()).anySatisfy(f -> assertThat(f.normalizedMatch()).isEqualTo("机密★5年"));
    }

    @Test
    void zapfDingbatsStarsAreReadAsStars() throws Exception {
        for (String star : List.of("★", "✭", "✩")) {
            Opinion o = review(notice(List.of(Run.of("机密"), Run.in(ZAPF_DINGBATS, star), Run.of("5年"))));

            assertThat(o.verdict()).as(star).isEqualTo(Verdict.WITHHOLD);
        }
    }

    @Test
    void privateUseGlyphOnAMarkingLineIsNotATrace() throws Exception {
        // Wingdings 0x6C is a black circle: no star, but the marking line cannot be read as it shows.
        Opinion o = review(notice(List.of(Run.of("机密"), Run.wingdings("●", 0xF06C), Run.of("5年"))));

        assertThat(o.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(problems(o)).contains(Problem.UNDECODABLE_TEXT);
    }

    @Test
    void cleanTwinsStayPublishable() throws Exception {
        List<List<Run>> bullet = notice(List.of(Run.in(ZAPF_DINGBATS, "❍"), Run.of("附件：防汛值班表")));
        List<List<Run>> logo = notice(List.of(Run.wingdings("▪", 0xF0A7), Run.of("××区防汛抗旱指挥部办公室")));
        List<List<Run>> symbol = notice(List.of(Run.of("总量"), Run.in(SYMBOL, "∑"), Run.of("二十四小时值班")));

        for (List<List<Run>> twin : List.of(notice(List.of(Run.of("特急"))), bullet, logo, symbol)) {
            Opinion o = review(twin);

            assertThat(o.verdict()).as(problems(o).toString()).isEqualTo(Verdict.PUBLISHABLE);
            assertThat(o.document().coverage().complete()).isTrue();
        }
    }

    @Test
    void htmlWithAReplacementCharacterForTheStarIsUnreviewableButOneIconGlyphIsNot() throws Exception {
        // A content system that once mis-decoded the page stored U+FFFD where the star was.
        Path broken = tmp.resolve("broken.html");
        Files.writeString(broken, "<html><head><meta charset=\"utf-8\"></head><body><p>机密\uFFFD5年</p><p>"
                + "关于做好防汛工作的通知，请各单位于六月底前完成汛前检查。</p></body></html>");
        Path icon = tmp.resolve("icon.html");
        Files.writeString(icon, "<html><head><meta charset=\"utf-8\"></head><body><p><i>\uE600</i>首页</p><p>"
                + "关于做好防汛工作的通知，请各单位于六月底前完成汛前检查。</p></body></html>");

        Document brokenDoc = new TikaExtractor().extract(broken, "broken.html");
        Document iconDoc = new TikaExtractor().extract(icon, "icon.html");

        assertThat(brokenDoc.coverage().problems()).extracting(Problem::code).contains(Problem.UNDECODABLE_TEXT);
        assertThat(iconDoc.coverage().complete()).as(iconDoc.coverage().problems().toString()).isTrue();
    }
}
