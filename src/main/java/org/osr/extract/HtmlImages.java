package org.osr.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <img>} elements of an HTML page. osr fetches nothing, so a remote or relative source is an image of
 * unknown size (its {@code width}/{@code height} attributes, when given, stand in for pixels); a {@code data:} URI
 * image is read for its pixel size.
 */
final class HtmlImages {
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\bsrc\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA = Pattern.compile("data:image/[a-z.+-]+;base64,(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private HtmlImages() {
    }

    static List<UnreadImage> census(Path html) {
        List<UnreadImage> images = new ArrayList<>();
        String text;
        try (InputStream in = Files.newInputStream(html)) {
            text = new String(in.readNBytes(HtmlComments.MAX_BYTES), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return images;
        }
        Matcher img = IMG.matcher(text);
        while (img.find()) {
            String tag = img.group();
            Matcher src = SRC.matcher(tag);
            String source = src.find() ? unquote(src.group(1)) : "";
            if (source.toLowerCase(java.util.Locale.ROOT).startsWith("data:image/svg")) {
                continue;   // vector
            }
            int[] px = dataPixels(source);
            if (px == null) {
                Integer w = attribute(tag, "width"), h = attribute(tag, "height");
                px = w != null && h != null ? new int[] {w, h} : null;
            }
            String where = "<img> " + (source.startsWith("data:") ? "data: URI"
                    : source.length() > 80 ? source.substring(0, 80) + "…" : source);
            images.add(new UnreadImage(where, null, px == null ? null : px[0], px == null ? null : px[1], null,
                    UnreadImage.Position.UNKNOWN));
        }
        return images;
    }

    private static int[] dataPixels(String source) {
        Matcher m = DATA.matcher(source);
        if (!m.matches()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(m.group(1).strip());
            return ImageCensus.pixels(new ByteArrayInputStream(bytes));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "\\s*=\\s*[\"']?(\\d{1,5})(?:px)?[\"'\\s>/]",
                Pattern.CASE_INSENSITIVE).matcher(tag);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') ? s.substring(1, s.length() - 1) : s;
    }
}
