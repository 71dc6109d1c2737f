package org.osr.extract;

import java.io.IOException;

/** A .docx that cannot be read safely: not a zip, malformed XML, a DOCTYPE, or an entry above the size cap. */
public final class DocxFormatException extends IOException {
    public DocxFormatException(String message) {
        super(message);
    }

    public DocxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
