package org.osr.index;

/** Names of the fields of the index's Lucene documents. */
public final class PartFields {
    /** Indexed: CJK bigrams and whole Latin words of the normalized text. */
    public static final String BIGRAMS = "bigrams";
    /** Indexed: one term per character of the normalized text. */
    public static final String UNIGRAMS = "unigrams";

    private PartFields() {
    }
}
