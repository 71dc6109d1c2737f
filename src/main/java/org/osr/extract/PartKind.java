package org.osr.extract;

import java.util.Locale;

/** Where in a document a piece of text lives. The names are the contract's {@code location.part} vocabulary. */
public enum PartKind {
    BODY, HEADER, FOOTER, FOOTNOTE, COMMENT, DELETED, HIDDEN, METADATA, EMBEDDED, OCR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PartKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
