package org.osr.ocr;

/** What {@code --ocr} asks for. */
public enum OcrMode {
    /** No OCR: images and scanned pages are counted as unread. */
    OFF,
    /**
     * Images, and the PDF pages whose text cannot be trusted to be the whole page: (almost) no text layer, glyphs
     * without a Unicode mapping, or an image large or placed enough to hold a page of text or a marking.
     */
    AUTO,
    /** Every PDF page as well, and each page's OCR text compared with its text layer. */
    FORCE;

    public boolean on() {
        return this != OFF;
    }
}
