package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osr.review.DocumentReviewer;
import org.osr.judge.Judge;
import org.osr.review.Opinion;
import org.osr.judge.Verdict;
import org.osr.match.Hit;
import org.osr.match.RuleEngine;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.testkit.RotatedPdf;
import org.osr.testkit.RotatedPdf.Note;
import org.osr.testkit.RotatedPdf.Setting;

/**
 * Margin text turned 90° or 270° (a binding-margin marking, a file number) or set vertically reads as one line, on
 * the page it is on; the horizontal body reads as before, each line once.
 */
class RotatedTextTest {
    private static final List<String> FIRST = List.of("滨江区人民政府", "关于做好2026年防汛工作的通知",
            "各街道办事处、区政府各部门：", "为切实做好今年防汛工作，确保人民群众生命财产安全，现将有关事项通知如下。");
    private static final List<String> SECOND = List.of("一、提高思想认识。各单位要充分认识防汛工作的重要性。",
            "二、加强隐患排查。请各单位于六月底前完成汛前检查。", "三、严格值班值守。汛期实行二十四小时值班制度。");

    @TempDir
    Path tmp;

    private Opinion review(Note note) throws Exception {
        Path file = tmp.resolve("notice.pdf");
        Files.write(file, RotatedPdf.pages(List.of(FIRST, SECOND), note));
        RuleEngine engine = new RuleEngine(PackSources.bundled(new PackLoader()));
        return new DocumentReviewer(new TikaExtractor(), engine, new Judge(Action.REDACT)).review(file, "notice.pdf");
    }

    private static String body(Opinion o) {
        return o.document().parts().stream().filter(p -> p.kind() == PartKind.BODY).map(Part::text)
                .reduce("", String::concat);
    }

    private static List<String> lines(Opinion o) {
        return body(o).lines().map(l -> l.replace("\f", "").strip()).filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> notice(String... after) {
        List<String> lines = new java.util.ArrayList<>(FIRST);
        lines.addAll(SECOND);
        lines.addAll(List.of(after));
        return lines;
    }

    private static void withheldOnPageTwo(Opinion o) {
        assertThat(o.verdict()).isEqualTo(Verdict.WITHHOLD);
        Hit hit = o.findings().get(0);
        assertThat(hit.originalMatch()).startsWith("机密★5年");
        assertThat(hit.page()).isEqualTo(2);
        assertThat(lines(o)).isEqualTo(notice("机密★5年"));
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void markingInTheLeftMarginIsWithheldOnItsPage(Setting setting) throws Exception {
        withheldOnPageTwo(review(new Note("机密★5年", setting, 2)));
    }

    @Test
    void ordinaryMarginNotesArePublishable() throws Exception {
        Opinion binding = review(new Note("装订线", Setting.ROTATED_90, 1));
        assertThat(binding.verdict()).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(binding.document().coverage().complete()).isTrue();

        Opinion fileNumber = review(new Note("档案号：2026-BJ-0153", Setting.ROTATED_270, 2));
        assertThat(fileNumber.verdict()).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(lines(fileNumber)).isEqualTo(notice("档案号：2026-BJ-0153"));

        Opinion english = review(new Note("Draft for comment", Setting.ROTATED_90, 1));
        assertThat(english.verdict()).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(lines(english)).contains("Draft for comment");

        Opinion vertical = review(new Note("装订线内不要答题", Setting.VERTICAL, 1));
        assertThat(vertical.verdict()).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(lines(vertical)).contains("装订线内不要答题");
    }

    @Test
    void horizontalBodyReadsInItsLineOrderEachLineOnce() throws Exception {
        Opinion o = review(null);

        assertThat(lines(o)).isEqualTo(notice());
        assertThat(body(o).chars().filter(c -> c == Part.PAGE_BREAK).count()).isEqualTo(1);
    }
}
