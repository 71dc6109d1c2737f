package org.osr.extract;

import java.util.Locale;

/**
 * Where in a document a piece of text lives. The ids are the contract's {@code location.part} vocabulary: the name
 * in lower case with dashes ({@code ALT_TEXT} is {@code alt-text}).
 */
public enum PartKind {
    BODY, HEADER, FOOTER, FOOTNOTE, COMMENT, DELETED, HIDDEN, METADATA, EMBEDDED, OCR,
    /** A watermark: Word's VML text watermark in a page header (WordArt drawn behind the page). */
    WATERMARK,
    /** Text drawn in a shape rather than in the text flow: text boxes, WordArt, SmartArt. */
    SHAPE,
    /** Alternative text and titles of images and shapes (not shown on the page; read aloud, shown on hover). */
    ALT_TEXT;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PartKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
