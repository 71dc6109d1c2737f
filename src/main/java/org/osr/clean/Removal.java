package org.osr.clean;

/** A kind of thing {@code osr clean} takes out of a document, with the words its summary uses. */
public enum Removal {
    INSERTIONS_ACCEPTED("tracked insertions accepted"),
    DELETIONS_DROPPED("tracked deletions dropped"),
    FORMAT_REVISIONS("tracked formatting changes"),
    COMMENTS("comments"),
    COMMENT_AUTHORS("comment and revision author lists"),
    HIDDEN_TEXT("hidden runs"),
    HIDDEN_ELEMENTS("hidden elements"),
    HTML_COMMENTS("HTML comments"),
    PROPERTIES("document properties"),
    CUSTOM_PROPERTIES("custom properties"),
    DOCUMENT_VARIABLES("document variables"),
    META("meta properties"),
    THUMBNAIL("thumbnails"),
    EMBEDDED_OBJECTS("embedded objects"),
    GLOSSARY("building-block glossaries"),
    MACROS("macro projects"),
    REVISION_IDS("revision ids (rsid)"),
    XMP("XMP metadata streams"),
    ANNOTATIONS("annotations"),
    ATTACHMENTS("attached files"),
    JAVASCRIPT("JavaScript and open actions"),
    FORM_FIELDS("form fields"),
    MASKED_VALUES("masked values");

    private final String words;

    Removal(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
