package org.osr.ocr;

/** An image OCR could not read: it timed out, did not decode, or Tesseract failed. Never an empty text. */
public final class OcrException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean timeout;

    public OcrException(boolean timeout, String message) {
        super(message);
        this.timeout = timeout;
    }

    /** Whether the deadline for one image passed (else the image did not decode or Tesseract failed). */
    public boolean timeout() {
        return timeout;
    }
}
