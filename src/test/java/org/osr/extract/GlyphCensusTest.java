package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.tika.metadata.Metadata;
import org.junit.jupiter.api.Test;

/** Where a trace of undecodable glyphs ends: at least 3 on a page and at least 2% of it, or any on a marking line. */
class GlyphCensusTest {
    private static final String PROSE = "为切实做好今年防汛工作，确保人民群众生命财产安全，现将有关事项通知如下。"; // 37 chars

    private static List<Problem> check(String text, boolean paged) {
        return GlyphCensus.check(List.of(new Part(PartKind.BODY, text, paged, null, null)), new Metadata());
    }

    @Test
    void twoIconGlyphsAreATrace() {
        assertThat(check("\uE600首页 \uE601通知公告\n" + PROSE, false)).isEmpty();
    }

    @Test
    void threeLostGlyphsOnAShortPageAreNot() {
        List<Problem> problems = check("\uFFFD\uFFFD\uFFFD\n" + PROSE + PROSE, false);

        assertThat(problems).extracting(Problem::code).containsExactly(Problem.UNDECODABLE_TEXT);
        assertThat(problems.get(0).message()).contains("3 glyph(s)");
    }

    @Test
    void threeLostGlyphsInALongTextAreATrace() {
        assertThat(check("\uFFFD\uFFFD\uFFFD\n" + PROSE.repeat(10), false)).isEmpty();
    }

    @Test
    void oneLostGlyphOnAMarkingLineIsNotATrace() {
        assertThat(check("机密\uF0AB5年\n" + PROSE.repeat(10), false)).extracting(Problem::code)
                .containsExactly(Problem.UNDECODABLE_TEXT);
        assertThat(check("本文件不涉及国家秘密\uE600，可以公开。\n" + PROSE.repeat(10), true)).isEmpty();
    }

    @Test
    void symbolFontListBulletsAreNotLostText() {
        String list = ("\uF0B7\t" + PROSE + "\n").repeat(5) + "\uF0A7\n".repeat(5);

        assertThat(check(list, false)).isEmpty();
        assertThat(check(("\uF0B7" + PROSE + "\n").repeat(5), false)).as("not followed by a space: not a bullet")
                .isNotEmpty();
    }

    @Test
    void thePagesAreNamed() {
        String page = PROSE + "\n";
        List<Problem> problems = check(page + "\f" + "\uFFFD".repeat(20) + "\n" + page + "\f" + page, true);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).contains("page(s) 2 ");
    }
}
