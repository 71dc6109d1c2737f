package org.osr.clean;

/**
 * The document cannot be cleaned exactly by osr (for example personal data drawn in a PDF's page text in a way the
 * content stream does not let osr remove character for character): it must be redacted in its source document.
 */
public final class CleanRefusal extends Exception {
    public CleanRefusal(String message) {
        super(message);
    }
}
