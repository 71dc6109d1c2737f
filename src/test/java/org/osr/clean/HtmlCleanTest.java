package org.osr.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osr.clean.PersonalData.ID;
import static org.osr.clean.PersonalData.MOBILE;
import static org.osr.clean.PersonalData.OTHER_ID;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.review.Masker;

/** {@code osr clean} on web pages: the copy is parsed again with jsoup. */
class HtmlCleanTest {
    @TempDir
    Path dir;

    @Test
    void commentsHiddenElementsAndMetaPropertiesGoAndPersonalDataIsMaskedInTextAndAttributes() throws IOException {
        Path page = write("notice.html", StandardCharsets.UTF_8, """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width">
                <meta name="author" content="张三"><meta property="og:description" content="内部稿">
                <title>关于公示年度补助名单的通知</title>
                <style>/* notes */ .note{color:gray;display:none} @media print{.screen{display:none}}
                a:hover{visibility:hidden}</style></head>
                <body>
                <!-- 审核意见：身份证号 %1$s 需删除 -->
                <h1>关于公示年度补助名单的通知</h1>
                <p>申请人身份证号：<b>110105</b><span style="color:red">19491231</span>002X，特此公示。</p>
                <table><tr><td>经办人</td><td>%2$s</td></tr></table>
                <p>联系电话：%3$s</p>
                <img src="seal.png" alt="经办人身份证 %2$s">
                <div hidden>草稿批注：待领导审定</div>
                <p>正文<span style="display: none">内部备注</span>结束。</p>
                <template><p>模板内容</p></template>
                <p class="note">内部说明：名单经主任同意</p><p class="screen">屏幕上可见</p>
                <form><input type="hidden" name="reviewer" value="王五"></form>
                </body></html>
                """.formatted(ID, OTHER_ID, MOBILE));
        Path copy = dir.resolve("public.html");

        CleanRun run = CleanRun.clean(page, copy);

        assertThat(run.code()).as("%s", run).isZero();
        String html = Files.readString(copy, StandardCharsets.UTF_8);
        assertThat(html).doesNotContain(ID, OTHER_ID, MOBILE, "19491231", "张三", "内部稿", "审核意见", "草稿批注",
                "内部备注", "模板内容", "王五", "内部说明")
                .contains("屏幕上可见");
        Document copyPage = Jsoup.parse(html);
        assertThat(comments(copyPage)).isZero();
        assertThat(copyPage.select("[hidden], template, input[type=hidden], meta[name=author], meta[property]"))
                .isEmpty();
        assertThat(copyPage.select("meta[name=viewport]")).hasSize(1);
        assertThat(copyPage.select("p").get(0).text()).isEqualTo("申请人身份证号：" + Masker.mask(ID) + "，特此公示。");
        assertThat(copyPage.select("p b").text()).isEqualTo(Masker.mask(ID).substring(0, 6));
        assertThat(copyPage.select("p span[style]").first().text()).isEqualTo(Masker.mask(ID).substring(6, 14));
        assertThat(copyPage.select("td").get(1).text()).isEqualTo(Masker.mask(OTHER_ID));
        assertThat(copyPage.select("img").attr("alt")).isEqualTo("经办人身份证 " + Masker.mask(OTHER_ID));
        assertThat(copyPage.select("p").get(2).text()).isEqualTo("正文结束。");
        assertThat(copyPage.title()).isEqualTo("关于公示年度补助名单的通知");
        assertThat(run.removed(Removal.HTML_COMMENTS)).isEqualTo(1);
        assertThat(run.removed(Removal.HIDDEN_ELEMENTS)).isEqualTo(5);
        assertThat(run.removed(Removal.META)).isEqualTo(2);
        assertThat(run.removed(Removal.MASKED_VALUES)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aPageInGb18030StaysInGb18030() throws IOException {
        Charset gb = Charset.forName("GB18030");
        Path page = write("gb.htm", gb, """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb18030">
                <title>补助名单</title></head><body><p>联系电话：%s，地址：××区人民路</p></body></html>
                """.formatted(MOBILE));
        Path copy = dir.resolve("public.htm");

        CleanRun run = CleanRun.clean(page, copy);

        assertThat(run.code()).as("%s", run).isZero();
        String html = new String(Files.readAllBytes(copy), gb);
        assertThat(html).contains("联系电话：" + Masker.mask(MOBILE) + "，地址：××区人民路").doesNotContain(MOBILE);
    }

    @Test
    void personalDataInInlineScriptStateIsMaskedToo() throws IOException {
        Path page = write("app.html", StandardCharsets.UTF_8, """
                <html><head><title>办件公示</title></head><body><div id="app"></div>
                <script type="application/json" id="state">{"applicant":"身份证号：%s"}</script></body></html>
                """.formatted(ID));
        Path copy = dir.resolve("public.html");

        CleanRun run = CleanRun.clean(page, copy);

        assertThat(run.code()).as("%s", run).isZero();
        assertThat(Files.readString(copy)).contains("身份证号：" + Masker.mask(ID)).doesNotContain(ID);
    }

    @Test
    void aMarkedPageIsRefused() throws IOException {
        Path page = write("marked.html", StandardCharsets.UTF_8, """
                <html><head><title>通知</title></head><body><p>机密★5年</p><p>××区人民政府关于做好防汛工作的通知</p>
                </body></html>
                """);
        Path copy = dir.resolve("public.html");

        CleanRun run = CleanRun.clean(page, copy);

        run.assertRefused(2, page, copy);
    }

    private Path write(String name, Charset charset, String html) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, html.getBytes(charset));
        return file;
    }

    private static int comments(Document page) {
        int[] n = {0};
        NodeTraversor.traverse((node, depth) -> n[0] += node instanceof Comment ? 1 : 0, page);
        return n[0];
    }
}
