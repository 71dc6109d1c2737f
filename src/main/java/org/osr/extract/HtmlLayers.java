package org.osr.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text an HTML page publishes that Tika's text does not carry: attribute text a reader sees or a screen reader speaks
 * ({@code alt}, {@code title}, {@code aria-label}), and the page's content when a JavaScript application renders it
 * from inline JSON state ({@code <script type="application/json">}, {@code __NEXT_DATA__}, {@code window.__INITIAL_STATE__
 * = {...}}): the words are in the published file even though Tika sees an empty {@code <div id="app">}.
 */
final class HtmlLayers {
    /** Bytes of the file read for these layers, as for comments; beyond it the file is {@code truncated}. */
    static final int MAX_BYTES = HtmlComments.MAX_BYTES;
    /** A statement may follow the state's value ({@code window.__X__ = {...}; more()}): trailing tokens are fine. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final List<String> ATTRIBUTES = List.of("alt", "title", "aria-label");
    /** Assignments of application state in classic scripts: {@code window.__NUXT__ = {...}} and the like. */
    private static final Pattern STATE = Pattern.compile(
            "(?:window\\.)?(__[A-Z][A-Z0-9_]*__|__NUXT__|__INITIAL_STATE__)\\s*=\\s*(?=[\\[{])");

    /** One layer's text, a value per line, and where it came from. */
    record Layer(String text, String source) {
    }

    private HtmlLayers() {
    }

    static List<Layer> read(Path file, Charset charset) {
        String html;
        try (InputStream in = Files.newInputStream(file)) {
            html = new String(in.readNBytes(MAX_BYTES), charset);
        } catch (IOException e) {
            return List.of();
        }
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        List<Layer> layers = new ArrayList<>();
        StringBuilder attributes = new StringBuilder();
        for (Element e : page.getAllElements()) {
            for (String name : ATTRIBUTES) {
                String value = e.attr(name).strip();
                // A title attribute repeating the element's own text adds nothing to review.
                if (!value.isEmpty() && !value.equals(e.ownText().strip())) {
                    attributes.append(oneLine(value)).append('\n');
                }
            }
        }
        if (attributes.length() > 0) {
            layers.add(new Layer(attributes.toString(), "html alt/title attributes"));
        }
        StringBuilder state = new StringBuilder();
        for (Element script : page.getElementsByTag("script")) {
            String type = script.attr("type").toLowerCase(java.util.Locale.ROOT);
            String code = script.data();
            if (type.contains("json")) {
                strings(parse(code), state);
            } else if (type.isEmpty() || type.contains("javascript") || type.equals("module")) {
                Matcher m = STATE.matcher(code);
                while (m.find()) {
                    strings(parsePrefix(code.substring(m.end())), state);
                }
            }
        }
        if (state.length() > 0) {
            layers.add(new Layer(state.toString(), "html inline JSON state"));
        }
        return layers;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The first JSON value at the start of {@code code} (a statement may follow it). */
    private static JsonNode parsePrefix(String code) {
        return parse(code);
    }

    /** Every string value with letters in it, one per line; HTML inside a value (CMS content) is reduced to text. */
    private static void strings(JsonNode node, StringBuilder out) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            String value = node.asString();
            if (value.indexOf('<') >= 0 && value.indexOf('>') > 0) {
                value = Jsoup.parse(value).text();
            }
            if (value.codePoints().anyMatch(Character::isLetter)) {
                out.append(oneLine(value.strip())).append('\n');
            }
            return;
        }
        for (JsonNode child : node) {
            strings(child, out);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\f]+", " ");
    }
}
