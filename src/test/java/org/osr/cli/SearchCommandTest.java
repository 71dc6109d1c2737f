package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osr.cli.ScanCommandTest.osr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.DocxSpec;
import org.osr.testkit.SampleDocuments;
import tools.jackson.databind.JsonNode;

/** {@code osr search}: where a phrase stands across the archive, with masked snippets. */
class SearchCommandTest {
    private static final String ID = "11010519491231002X";

    @TempDir
    Path tmp;
    private Path docs;
    private Path index;

    @BeforeEach
    void indexed() throws IOException {
        docs = Files.createDirectory(tmp.resolve("site"));
        Files.write(docs.resolve("roster.docx"), SampleDocuments.docx(DocxSpec.of("名单",
                List.of("参会人员名单", "联系人张三，身份证号" + ID + "，请核对"))));
        Files.write(docs.resolve("notice.pdf"), SampleDocuments.pdf(List.of(List.of("会议通知"),
                List.of("第二页", "请联系人于周五前报送材料", "secret_plan 附后")), "通知"));
        index = tmp.resolve("index");
        assertThat(osr("index", docs.toString(), "--index", index.toString()).exitCode()).isZero();
    }

    @Test
    void aPhraseIsFoundWithFilePartPageLineAndAMarkedSnippetInWhichTheIdNumberIsMasked() {
        ScanCommandTest.Run run = osr("search", "--index", index.toString(), "联系人");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("2 page(s) in 2 file(s) hold 联系人")
                .contains(docs.resolve("roster.docx") + "  body line 2")
                .contains(docs.resolve("notice.pdf") + "  body page 2 line 2")
                .contains("【联系人】张三，身份证号")
                .contains("请【联系人】于周五前报送材料");
        assertNoIdDigits(run.out());

        ScanCommandTest.Run json = osr("search", "--index", index.toString(), "--format", "json", "身份证号");
        JsonNode result = json.json();
        assertThat(result.get("total").asInt()).isEqualTo(1);
        JsonNode hit = result.get("hits").get(0);
        assertThat(hit.get("path").asString()).isEqualTo(docs.resolve("roster.docx").toString());
        assertThat(hit.get("part").asString()).isEqualTo("body");
        assertThat(hit.get("line").asInt()).isEqualTo(2);
        String snippet = hit.get("snippet").asString();
        JsonNode mark = hit.get("marks").get(0);
        int start = snippet.offsetByCodePoints(0, mark.get("offset").asInt());
        assertThat(snippet.substring(start, snippet.offsetByCodePoints(start, mark.get("length").asInt())))
                .isEqualTo("身份证号");
        assertThat(snippet).contains("1101").contains("002X").contains("*");
        assertNoIdDigits(json.out());
    }

    @Test
    void oneCharacterLatinWordsAndLuceneSyntax() {
        assertThat(osr("search", "--index", index.toString(), "张").out()).startsWith("1 page(s) in 1 file(s)");
        // 'secret' stands in the token secret_plan: found through the one-character field, as a rule's term would be.
        assertThat(osr("search", "--index", index.toString(), "secret").out()).contains("【secret】_plan");
        ScanCommandTest.Run lucene = osr("search", "--index", index.toString(), "--lucene", "名单 AND NOT 会议");
        assertThat(lucene.out()).startsWith("2 page(s) in 1 file(s)").contains("roster.docx  metadata line 1")
                .contains("参会人员【名单】");
        ScanCommandTest.Run none = osr("search", "--index", index.toString(), "机密文件");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out()).startsWith("0 page(s) in 0 file(s)");
        ScanCommandTest.Run bad = osr("search", "--index", index.toString(), "--lucene", "名单 AND (");
        assertThat(bad.exitCode()).isEqualTo(64);
        assertThat(bad.err()).contains("not a valid Lucene query");
    }

    /** No 12 consecutive digits of the ID number anywhere. */
    private static void assertNoIdDigits(String out) {
        for (int i = 0; i + 12 <= ID.length(); i++) {
            assertThat(out).doesNotContain(ID.substring(i, i + 12));
        }
    }
}
