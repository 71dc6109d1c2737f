package org.osr.clean;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.osr.review.Redactor;

/**
 * The publication copy of a web page (jsoup; the page's own character set is kept, markup otherwise unchanged):
 * comments, hidden elements ({@code hidden}, {@code display:none} or {@code visibility:hidden} inline or by a
 * top-level rule of the page's own style sheet, {@code <template>}, hidden form fields) and {@code <meta>} properties ({@code name}, {@code property},
 * {@code itemprop}; the character set and the viewport stay) are removed; personal data is masked in the text (each
 * block's text as one line, so a value split by inline tags is found whole), in script data and in the attributes a
 * reader sees or a link carries ({@code alt}, {@code title}, {@code href}, {@code value}, {@code data-*}, …).
 */
public final class HtmlCleaner implements FormatCleaner {
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "(?:^|[;{])\\s*(?:display\\s*:\\s*none|visibility\\s*:\\s*hidden)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKUP_START = Pattern.compile(
            "^\\s*(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body)\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CSS_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final List<String> KEPT_META = List.of("viewport");

    @Override
    public String name() {
        return "HTML";
    }

    @Override
    public boolean reads(Path file, byte[] head) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return true;
        }
        String start = new String(head, StandardCharsets.ISO_8859_1);
        if (start.startsWith("\uFEFF") || start.startsWith("\u00EF\u00BB\u00BF")) {
            start = start.substring(start.charAt(0) == '\uFEFF' ? 1 : 3);
        }
        return MARKUP_START.matcher(start).find();
    }

    @Override
    public Removals clean(Path source, Path target, Redactor redactor) throws IOException {
        Document page = Jsoup.parse(source.toFile(), null);
        page.outputSettings().prettyPrint(false);
        Removals removals = new Removals();
        List<Comment> comments = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Comment c) {
                comments.add(c);
            }
        }, page);
        comments.forEach(Node::remove);
        removals.add(Removal.HTML_COMMENTS, comments.size());

        for (Element e : page.getAllElements()) {
            if (e.ownerDocument() != null && hidden(e)) {
                e.remove();
                removals.add(Removal.HIDDEN_ELEMENTS);
            }
        }
        for (String selector : hidingSelectors(page)) {
            for (Element e : selectOrNone(page, selector)) {
                if (e.ownerDocument() != null && !List.of("html", "head", "body").contains(e.normalName())) {
                    e.remove();
                    removals.add(Removal.HIDDEN_ELEMENTS);
                }
            }
        }
        for (Element meta : page.select("meta[name], meta[property], meta[itemprop]")) {
            if (meta.ownerDocument() != null && !KEPT_META.contains(meta.attr("name").toLowerCase(Locale.ROOT))) {
                meta.remove();
                removals.add(Removal.META);
            }
        }
        maskText(page, redactor, removals);
        maskAttributes(page, redactor, removals);
        Files.write(target, page.outerHtml().getBytes(page.charset()));
        return removals;
    }

    private static boolean hidden(Element e) {
        String tag = e.normalName();
        return e.hasAttr("hidden") || tag.equals("template")
                || tag.equals("input") && e.attr("type").equalsIgnoreCase("hidden")
                || HIDDEN_STYLE.matcher(e.attr("style")).find();
    }

    /**
     * Selectors of the page's own style sheets whose rule hides what they match ({@code .note{display:none}}):
     * top-level rules only, not those under {@code @media} (a layout for narrow screens hides what wide ones show),
     * and no pseudo-classes ({@code :hover} hides only for a moment).
     */
    private static List<String> hidingSelectors(Document page) {
        List<String> selectors = new ArrayList<>();
        for (Element style : page.select("style")) {
            String css = CSS_COMMENT.matcher(style.data()).replaceAll(" ");
            int depth = 0;
            int ruleStart = 0;
            for (int i = 0; i < css.length(); i++) {
                char c = css.charAt(i);
                if (c == '{') {
                    if (depth == 0) {
                        String prelude = css.substring(ruleStart, i).strip();
                        int end = css.indexOf('}', i);
                        String body = end < 0 ? "" : css.substring(i + 1, end);
                        if (!prelude.startsWith("@") && HIDDEN_STYLE.matcher(body).find()) {
                            for (String selector : prelude.split(",")) {
                                if (!selector.isBlank() && selector.indexOf(':') < 0) {
                                    selectors.add(selector.strip());
                                }
                            }
                        }
                    }
                    depth++;
                } else if (c == '}') {
                    depth = Math.max(0, depth - 1);
                    ruleStart = i + 1;
                } else if (c == ';' && depth == 0) {
                    ruleStart = i + 1;   // after an @import or @charset statement
                }
            }
        }
        return selectors;
    }

    private static List<Element> selectOrNone(Document page, String selector) {
        try {
            return page.select(selector);
        } catch (org.jsoup.select.Selector.SelectorParseException e) {
            return List.of();
        }
    }

    /** Each block's text nodes as one line, and each script's data on its own. */
    private static void maskText(Document page, Redactor redactor, Removals removals) {
        Map<Element, List<TextNode>> blocks = new LinkedHashMap<>();
        List<DataNode> scripts = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                blocks.computeIfAbsent(block(t), k -> new ArrayList<>()).add(t);
            } else if (node instanceof DataNode d) {
                scripts.add(d);
            }
        }, page);
        for (List<TextNode> nodes : blocks.values()) {
            JoinedText.Masked masked = JoinedText.mask(nodes.stream().map(TextNode::getWholeText).toList(), redactor);
            if (masked.changed()) {
                for (int i = 0; i < nodes.size(); i++) {
                    nodes.get(i).text(masked.pieces().get(i));
                }
                removals.add(Removal.MASKED_VALUES, masked.values());
            }
        }
        for (DataNode d : scripts) {
            String data = d.getWholeData();
            String masked = redactor.mask(data);
            if (!masked.equals(data)) {
                d.setWholeData(masked);
                removals.add(Removal.MASKED_VALUES, JoinedText.values(data, masked));
            }
        }
    }

    private static Element block(TextNode t) {
        Element e = t.parent() instanceof Element ? (Element) t.parent() : null;
        while (e != null && e.parent() != null && e.tag().isInline()) {
            e = e.parent();
        }
        return e;
    }

    private static void maskAttributes(Document page, Redactor redactor, Removals removals) {
        for (Element e : page.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("style") || name.equals("class") || name.equals("id")) {
                    continue;
                }
                String masked = redactor.mask(a.getValue());
                if (!masked.equals(a.getValue())) {
                    removals.add(Removal.MASKED_VALUES, JoinedText.values(a.getValue(), masked));
                    a.setValue(masked);
                }
            }
        }
    }
}
