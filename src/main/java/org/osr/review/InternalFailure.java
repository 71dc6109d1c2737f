package org.osr.review;

/**
 * A bug in osr met while reviewing a file: the matcher or the judge threw. It is not the file's fault, so the file is
 * not called {@code corrupt}; the run stops and exits 70, asking for a report.
 */
public final class InternalFailure extends RuntimeException {
    private final String path;

    public InternalFailure(String path, String stage, Throwable cause) {
        super(stage + " " + path + ": " + cause, cause);
        this.path = path;
    }

    /** The file being reviewed, as the user named it (unmasked: mask it before printing). */
    public String path() {
        return path;
    }
}
