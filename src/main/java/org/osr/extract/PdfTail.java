package org.osr.extract;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A PDF ends with its cross-reference table and {@code %%EOF}; each later revision appends objects and another
 * {@code %%EOF}. A file without one at its end was cut short: PDFBox rebuilds what it can from the objects it finds,
 * and the pages or revision after the cut are silently gone.
 */
final class PdfTail {
    /** PDF readers look for %%EOF in the last kilobyte; junk padding after it is tolerated up to this much. */
    private static final int TAIL = 64 * 1024;
    /** A file this small without a single object is a header and nothing else. */
    private static final int HEADER_ONLY_MAX = 4 * 1024;
    private static final Pattern OBJECT = Pattern.compile("\\d+\\s+\\d+\\s+obj\\b");

    private PdfTail() {
    }

    static Problem check(FileChannel ch, long size) throws IOException {
        int window = (int) Math.min(size, TAIL);
        String tail = new String(FileIntegrity.read(ch, size - window, window), StandardCharsets.ISO_8859_1);
        if (size <= HEADER_ONLY_MAX && !OBJECT.matcher(tail).find()) {
            return FileIntegrity.empty("the file holds only the PDF header, no objects and so no pages");
        }
        int eof = tail.lastIndexOf("%%EOF");
        if (eof < 0) {
            return FileIntegrity.cutShort("the PDF has no end-of-file marker (%%EOF)");
        }
        if (OBJECT.matcher(tail.substring(eof)).find()) {
            return FileIntegrity.cutShort("a revision appended after the PDF's last %%EOF has no end-of-file marker");
        }
        return null;
    }
}
