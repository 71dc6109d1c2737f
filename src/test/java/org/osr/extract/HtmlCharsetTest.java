package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page is decoded in the charset it declares ({@code <meta charset>}), as a browser shows it, before any guess from
 * its bytes. A page of mostly ASCII with a few curly quotes was guessed ISO-8859-1 from its bytes, so its Chinese
 * came out as mojibake; a GBK page must not be guessed either.
 */
class HtmlCharsetTest {
    @TempDir
    Path tmp;

    private static String page(String charset, String marking) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n  <meta charset=\"")
                .append(charset).append("\">\n  <title>Notice</title>\n</head>\n<body>\n");
        sb.append("<p>").append(marking).append("</p>\n");
        for (int i = 0; i < 400; i++) {
            sb.append("<p>The path.resolve() method resolves a sequence of paths into an absolute path; it\u2019s "
                    + "processed from right to left, and the result is normalized.</p>\n");
        }
        return sb.append("<p>关于做好防汛工作的通知</p>\n</body>\n</html>\n").toString();
    }

    private Document extract(String name, String html, Charset charset) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, html.getBytes(charset));
        return new TikaExtractor().extract(file, name);
    }

    @Test
    void aMostlyAsciiUtf8PageIsReadAsTheUtf8ItDeclares() throws Exception {
        Document doc = extract("utf8.html", page("utf-8", "机密★5年"), StandardCharsets.UTF_8);

        assertThat(doc.coverage().problems()).isEmpty();
        String body = doc.parts().stream().filter(p -> p.kind() == PartKind.BODY).findFirst().orElseThrow().text();
        assertThat(body).contains("机密★5年").contains("it\u2019s processed").contains("关于做好防汛工作的通知");
    }

    @Test
    void aGbkPageIsReadAsTheGbkItDeclares() throws Exception {
        Document doc = extract("gbk.html", page("gbk", "秘密★10年"), Charset.forName("GBK"));

        assertThat(doc.coverage().problems()).isEmpty();
        String body = doc.parts().stream().filter(p -> p.kind() == PartKind.BODY).findFirst().orElseThrow().text();
        assertThat(body).contains("秘密★10年").contains("关于做好防汛工作的通知");
    }
}
