package org.osr.rules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osr.normalize.Normalizer;

/**
 * An office's own term list: plain UTF-8, one term per line, {@code #} starts a comment line, blank lines ignored.
 * Terms are normalized like document text, so a list written in traditional characters or full-width forms works.
 */
public final class TermsFile {
    /** 64 MiB holds several million terms; anything bigger is a mistake, refused before it is read. */
    public static final long MAX_BYTES = 64L << 20;

    private TermsFile() {
    }

    /** A line that cannot be a term. */
    static final class BadLine extends Exception {
        private final int line;

        BadLine(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    static byte[] readCapped(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException(file + " is " + size + " bytes; a terms file may have at most " + MAX_BYTES
                    + " bytes (" + (MAX_BYTES >> 20) + " MiB)");
        }
        return Files.readAllBytes(file);
    }

    static List<String> parse(byte[] bytes) throws BadLine {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadLine(1, "not UTF-8 (" + e.getMessage() + ")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> terms = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String term = Normalizer.normalize(trimmed).text().strip();
            if (term.isEmpty()) {
                throw new BadLine(lineNo, "the term is empty after normalization (invisible characters only)");
            }
            terms.add(term);
        }
        return terms;
    }
}
