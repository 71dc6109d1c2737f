package org.osr.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** HTML comments are invisible on the page but published with it; Tika drops them, so osr reads them itself. */
final class HtmlComments {
    /** Comments beyond this many bytes into the file are not read (the Tika pass still reads the whole text). */
    static final int MAX_BYTES = 64 << 20;

    private HtmlComments() {
    }

    /** The text of every {@code <!-- ... -->}, one comment per line group, in document order. */
    static String extract(Path file, Charset charset) {
        String html;
        try (InputStream in = Files.newInputStream(file)) {
            html = new String(in.readNBytes(MAX_BYTES), charset);
        } catch (IOException e) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int open = html.indexOf("<!--", from);
            if (open < 0) {
                break;
            }
            int close = html.indexOf("-->", open + 4);
            String comment = html.substring(open + 4, close < 0 ? html.length() : close).strip();
            if (!comment.isEmpty()) {
                out.append(comment).append('\n');
            }
            if (close < 0) {
                break;
            }
            from = close + 3;
        }
        return out.toString();
    }
}
