package org.osr.extract;

import java.util.Objects;

/**
 * One text layer of a document. Lines are separated by {@code '\n'}; in paged formats (PDF) pages are separated
 * by {@code '\f'}, so the page and line of any offset can be derived from the text alone.
 *
 * @param kind         which layer (body, header, deleted, ...)
 * @param text         the original extracted text
 * @param paged        whether {@code '\f'} separates real pages (page numbers are reported only then)
 * @param embeddedPath path of the embedded document this part belongs to ({@code a.zip!/b.docx}), or null
 * @param source       where inside the file it came from (e.g. {@code word/header1.xml}, {@code dc:title}), or null
 */
public record Part(PartKind kind, String text, boolean paged, String embeddedPath, String source) {
    public static final char PAGE_BREAK = '\f';

    public Part {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public static Part of(PartKind kind, String text) {
        return new Part(kind, text, false, null, null);
    }

    public static Part of(PartKind kind, String text, String source) {
        return new Part(kind, text, false, null, source);
    }
}
