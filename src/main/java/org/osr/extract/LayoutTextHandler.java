package org.osr.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML events into text that keeps the layout osr's position rules need: a line break after every
 * block element, {@code '\f'} between PDF pages ({@code <div class="page">}), and PDF annotation text (comments)
 * kept apart from the page text. (Tika's own OCR, which would write {@code <div class="ocr">}, is off: osr reads
 * pictures itself.) When the file's character budget (shared with its embedded documents) is spent
 * it remembers that it did and stops the parse with Tika's {@link WriteLimitReachedException}, so a decompression
 * bomb or a huge file is not decoded to the end for nothing.
 */
final class LayoutTextHandler extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4",
            "h5", "h6", "pre", "blockquote", "dt", "dd", "caption", "section", "article", "header", "footer", "table");
    private static final Set<String> SKIPPED = Set.of("head", "title", "script", "style", "meta");

    private final java.util.concurrent.atomic.AtomicLong budget;
    private final StringBuilder body = new StringBuilder();
    private final StringBuilder annotations = new StringBuilder();
    private final Deque<String> classes = new ArrayDeque<>();
    private int skipDepth;
    private int annotationDepth;
    private int pages;
    private boolean truncated;
    private final long limit;

    LayoutTextHandler(java.util.concurrent.atomic.AtomicLong budget) {
        this.budget = budget;
        this.limit = budget.get();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        String cls = atts.getValue("class");
        classes.push(cls == null ? "" : cls);
        if (SKIPPED.contains(name)) {
            skipDepth++;
        }
        if ("annotation".equals(cls)) {
            annotationDepth++;
        }
        if ("div".equals(name) && "page".equals(cls)) {
            if (pages++ > 0) {
                append(body, '\f');
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        String cls = classes.isEmpty() ? "" : classes.pop();
        if (SKIPPED.contains(name)) {
            skipDepth--;
        }
        if (BLOCKS.contains(name) && !("div".equals(name) && "page".equals(cls))) {
            append(target(), '\n');
        }
        if ("annotation".equals(cls)) {
            annotationDepth--;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipDepth > 0) {
            return;
        }
        StringBuilder target = target();
        for (int i = start; i < start + length; i++) {
            append(target, ch[i]);
        }
    }

    /** Tika's XHTML writes its line breaks as ignorable whitespace; for a PDF they are the line structure. */
    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    private StringBuilder target() {
        return annotationDepth > 0 ? annotations : body;
    }

    private void append(StringBuilder target, char c) throws SAXException {
        if (budget.getAndDecrement() <= 0) {
            budget.incrementAndGet();
            truncated = true;
            throw new WriteLimitReachedException((int) Math.min(Integer.MAX_VALUE, limit));
        }
        target.append(c);
    }

    String body() {
        return body.toString();
    }

    String annotations() {
        return annotations.toString();
    }

    boolean paged() {
        return pages > 0;
    }

    boolean truncated() {
        return truncated;
    }

    @Override
    public String toString() {
        return body.toString();
    }
}
