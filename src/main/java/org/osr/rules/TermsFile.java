package org.osr.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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

    /**
     * Reads the terms file a pack in {@code packFolder} names. Only a regular file whose real path (after {@code ..}
     * and symbolic links) lies inside the pack's folder or one of {@code userFolders} is read: a pack handed around
     * must not make a scan read {@code /etc/shadow} into findings, hang on a FIFO or fill the heap from
     * {@code /dev/zero}. The file is never opened before these checks.
     *
     * @param userFolders folders the user named on the command line ({@code --rules})
     */
    static byte[] read(Path packFolder, String name, List<Path> userFolders) throws IOException {
        Path real;
        try {
            real = packFolder.resolve(name).toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(packFolder.resolve(name).normalize().toString(), null, "no such file");
        }
        List<Path> allowed = new ArrayList<>();
        allowed.add(packFolder.toRealPath());
        for (Path folder : userFolders) {
            allowed.add(folder.toRealPath());
        }
        if (allowed.stream().noneMatch(real::startsWith)) {
            throw new IOException(real + " is outside the pack's folder" + (userFolders.isEmpty() ? ""
                    : " and the folders named with --rules") + "; a terms file must be in the pack's folder (or below"
                    + " it) or in a folder named with --rules");
        }
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new IOException(real + " is not a regular file (" + (attributes.isDirectory() ? "a folder"
                    : "a device, FIFO or socket") + "); a terms file must be a plain text file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new IOException(real + " is " + attributes.size() + " bytes; a terms file may have at most "
                    + MAX_BYTES + " bytes (" + (MAX_BYTES >> 20) + " MiB)");
        }
        // The file may change between the check and the read: read no more than the cap allows either way.
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(real + " grew past " + MAX_BYTES + " bytes while it was read");
            }
            return bytes;
        }
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
