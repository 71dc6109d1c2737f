package org.osr.extract;

/**
 * Why a document could not be read completely. {@code code} is a stable machine word (encrypted, corrupt, empty,
 * cut-short, no-text-layer, unread-image, ocr-failed, timeout, worker-died, truncated, unsupported-format); {@code message} says it for a person.
 */
public record Problem(String code, String message) {
    public static final String ENCRYPTED = "encrypted";
    public static final String CORRUPT = "corrupt";
    /** Zero bytes, or nothing but the format's header, where the file's name or signature promises a document. */
    public static final String EMPTY = "empty";
    /** The file itself ends early (a partial copy or download); not osr's own reading limits, which are truncated. */
    public static final String CUT_SHORT = "cut-short";
    public static final String NO_TEXT_LAYER = "no-text-layer";
    public static final String TIMEOUT = "timeout";
    /** The child process reading the file died (crashed, killed, out of memory) on it twice. */
    public static final String WORKER_DIED = "worker-died";
    /** OCR could not read an image or a page: it did not decode, could not be rendered, or Tesseract failed. */
    public static final String OCR_FAILED = "ocr-failed";
    public static final String TRUNCATED = "truncated";
    public static final String UNSUPPORTED_FORMAT = "unsupported-format";
    /** The file changed or was replaced while osr read it: the hash and the text may be of different files. */
    /** A raster image that could hold a page of text or a marking was not read (no --ocr). */
    public static final String UNREAD_IMAGE = "unread-image";
    public static final String CHANGED = "changed-while-reading";
    /** Glyphs that did not decode to text (no Unicode map, private-use or replacement characters), beyond a trace. */
    public static final String UNDECODABLE_TEXT = "undecodable-text";
}
