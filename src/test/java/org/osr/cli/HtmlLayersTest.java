package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What an HTML page publishes beyond its visible text: alt and title attributes, and the content of pages that
 * JavaScript renders from inline JSON state. Each marked page has a clean twin built the same way.
 */
class HtmlLayersTest {
    @TempDir
    Path dir;

    private static final String NOTICE = "关于做好冬季防汛工作的通知";

    private Path page(String name, String head, String body) throws IOException {
        return Files.writeString(dir.resolve(name), "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>" + NOTICE + "</title>" + head + "</head><body>" + body + "</body></html>");
    }

    private static String nextData(String content) {
        return "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":{\"article\":"
                + "{\"title\":\"" + NOTICE + "\",\"content\":\"" + content + "\"}}},\"page\":\"/notice\"}</script>";
    }

    private Map<String, JsonNode> scan() {
        ScanCommandTest.Run run = ScanCommandTest.osr("scan", dir.toString());
        Map<String, JsonNode> docs = new HashMap<>();
        run.json().get("documents").forEach(d -> docs.put(Path.of(d.get("path").asString()).getFileName().toString(),
                d));
        return docs;
    }

    @Test
    void markingsInAttributesAndInlineStateAreFoundAndTheirTwinsPass() throws IOException {
        page("img-alt.html", "", "<p>附件如下。</p><img src=\"scan.png\" alt=\"机密★5年 " + NOTICE + "\">");
        page("img-alt-clean.html", "", "<p>各镇人民政府、各街道办事处：现将有关事项通知如下，附件如下。</p>"
                + "<img src=\"logo.png\" width=\"120\" height=\"40\" alt=\"单位标志\">");
        page("link-title.html", "", "<p>请下载<a href=\"a.pdf\" title=\"秘密★1年\">附件</a>。</p>");
        page("link-title-clean.html", "", "<p>请下载<a href=\"a.pdf\" title=\"附件一：名单\">附件</a>。</p>");
        page("next-data.html", "", "<div id=\"__next\"></div>"
                + nextData("<p>机密★10年</p><p>各镇人民政府：</p><p>现将有关事项通知如下。</p>"));
        page("next-data-clean.html", "", "<div id=\"__next\"></div>"
                + nextData("<p>各镇人民政府：</p><p>国家秘密的密级分为绝密、机密、秘密三级，请加强学习。</p>"));
        page("initial-state.html", "", "<div id=\"app\"></div><script>window.__INITIAL_STATE__={\"doc\":"
                + "{\"body\":\"联系人：张三，手机：13812345678\"}};</script><script src=\"app.js\"></script>");
        page("initial-state-clean.html", "", "<div id=\"app\"></div><script>window.__INITIAL_STATE__={\"doc\":"
                + "{\"body\":\"咨询电话：12345\"}};</script>");
        page("ld-json-clean.html", "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@type\":\"BreadcrumbList\",\"itemListElement\":[{\"@type\":\"ListItem\",\"position\":1,"
                + "\"name\":\"首页\"},{\"@type\":\"ListItem\",\"position\":2,\"name\":\"通知公告\"}]}</script>",
                "<p>" + NOTICE + "</p>");

        Map<String, JsonNode> docs = scan();
        assertThat(verdict(docs, "img-alt.html")).isEqualTo("withhold");
        assertThat(verdict(docs, "link-title.html")).isEqualTo("withhold");
        assertThat(verdict(docs, "next-data.html")).isEqualTo("withhold");
        assertThat(verdict(docs, "initial-state.html")).isEqualTo("redact");
        for (String clean : new String[] {"img-alt-clean.html", "link-title-clean.html", "next-data-clean.html",
                "initial-state-clean.html", "ld-json-clean.html"}) {
            assertThat(verdict(docs, clean)).as(clean).isEqualTo("publishable");
        }
        JsonNode finding = docs.get("next-data.html").get("findings").get(0);
        assertThat(finding.get("location").get("source").asString()).isEqualTo("html inline JSON state");
        assertThat(docs.get("img-alt.html").get("findings").get(0).get("location").get("source").asString())
                .isEqualTo("html alt/title attributes");
        // The mobile number found in the state is masked like any other.
        assertThat(docs.get("initial-state.html").toString()).doesNotContain("13812345678");
    }

    private static String verdict(Map<String, JsonNode> docs, String name) {
        assertThat(docs).containsKey(name);
        return docs.get(name).get("verdict").asString();
    }
}
