package org.osr.extract;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whether a file holds what its format promises: more than zero bytes or a bare header, and the end its format
 * writes last (a PDF's {@code %%EOF}, a ZIP's central directory, a gzip trailer, a tar end marker, an RTF's closing
 * brace, the sectors an OLE2 allocation table uses). Parsers read a cut file as far as it goes and often say
 * nothing, so the first half of a document would pass as all of it. Only the file itself is looked at, not what is
 * embedded in it.
 */
final class FileIntegrity {
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] SEVEN_ZIP = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};
    /** Enough for every signature looked for, and for PDFs that start with a little junk before {@code %PDF-}. */
    private static final int HEAD = 1024;

    private FileIntegrity() {
    }

    /**
     * An empty text (plain, HTML, CSV, Markdown…) is a valid blank document with nothing in it to publish or hide; a
     * name that promises any other format (PDF, Office, OpenDocument, RTF, archives, mail, images) means the
     * document itself is missing. A name osr does not recognise promises nothing.
     */
    static List<Problem> zeroBytes(String fileName, String mediaType) {
        if (mediaType.startsWith("text/") || mediaType.equals("application/octet-stream")) {
            return List.of();
        }
        return List.of(new Problem(Problem.EMPTY, "the file is empty (0 bytes) but its name says "
                + formatName(fileName, mediaType)));
    }

    /** Problems with the file's own framing, first the most telling; empty when it looks whole. */
    static List<Problem> check(Path file, String mediaType) {
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            byte[] head = read(ch, 0, (int) Math.min(size, HEAD));
            Problem p = check(file, ch, size, head, mediaType);
            return p == null ? List.of() : List.of(p);
        } catch (IOException e) {
            return List.of(new Problem(Problem.CORRUPT, "the file could not be read again to check that it is "
                    + "complete: " + e.getMessage()));
        }
    }

    private static Problem check(Path file, FileChannel ch, long size, byte[] head, String mediaType)
            throws IOException {
        if (startsWith(head, OLE2)) {
            return Ole2Sectors.check(ch, size);
        }
        if (startsWith(head, new byte[]{'P', 'K', 3, 4}) || startsWith(head, new byte[]{'P', 'K', 5, 6})) {
            Problem ends = ArchiveEnds.zip(ch, size, formatName(file.getFileName().toString(), mediaType));
            return ends != null ? ends : PackageParts.check(file);
        }
        if (startsWith(head, new byte[]{0x1F, (byte) 0x8B})) {
            return ArchiveEnds.gzip(ch);
        }
        if (startsWith(head, SEVEN_ZIP)) {
            return ArchiveEnds.sevenZip(file, head, size);
        }
        if (isTar(head, mediaType)) {
            return ArchiveEnds.tar(ch, size);
        }
        if (startsWith(head, "{\\rtf".getBytes(StandardCharsets.US_ASCII))) {
            return RtfGroups.check(ch);
        }
        if (new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            return PdfTail.check(ch, size);
        }
        if (mediaType.contains("html")) {
            return htmlEnd(ch, size);
        }
        return null;
    }

    /**
     * An HTML page that opens {@code <html>} or {@code <body>} and never closes it was cut short (an interrupted
     * upload or copy): browsers show what came, so would osr. HTML lets a page leave out {@code </body>} and
     * {@code </html>} (SQLite's documentation does), so a page whose last thing is an end tag ({@code </dl>}) ended
     * where its author ended it; a cut lands in text or inside a tag. Only the first and last 64 KiB are looked at.
     */
    private static Problem htmlEnd(FileChannel ch, long size) throws IOException {
        int window = 64 << 10;
        String start = markup(read(ch, 0, (int) Math.min(size, window)));
        String end = markup(read(ch, Math.max(0, size - window), (int) Math.min(size, window)));
        boolean opened = start.contains("<html") || start.contains("<body");
        boolean closed = end.contains("</html") || end.contains("</body")
                || java.util.regex.Pattern.compile("</[a-z][a-z0-9]*\\s*>\\s*\\z").matcher(end).find();
        return opened && !closed ? cutShort("the HTML page ends without </body> or </html>") : null;
    }

    /** Lower-cased text good enough to find ASCII tags in: UTF-16 by its byte-order mark, else byte per char. */
    private static String markup(byte[] bytes) {
        boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
        String text = utf16 ? new String(bytes, StandardCharsets.UTF_16) : new String(bytes,
                StandardCharsets.ISO_8859_1);
        return text.replace("\u0000", "").toLowerCase(Locale.ROOT);
    }

    /** POSIX and GNU tar say "ustar" at offset 257; older tars have no signature and are known by their type. */
    private static boolean isTar(byte[] head, String mediaType) {
        boolean ustar = head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        return ustar || mediaType.equals("application/x-tar") || mediaType.equals("application/x-gtar");
    }

    /** "PDF" for report.pdf: what the name says the file is; the media type when the name has no extension. */
    static String formatName(String fileName, String mediaType) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && dot < fileName.length() - 1 ? fileName.substring(dot + 1).toUpperCase(Locale.ROOT)
                : mediaType;
    }

    static byte[] read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                break;
            }
        }
        return java.util.Arrays.copyOf(buf.array(), buf.position());
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0,
                prefix.length);
    }

    static Problem empty(String message) {
        return new Problem(Problem.EMPTY, message);
    }

    static Problem cutShort(String message) {
        return new Problem(Problem.CUT_SHORT, "the file is cut short: " + message + "; what followed was not read");
    }

    static long u16(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8;
    }

    static long u32(byte[] b, int at) {
        return u16(b, at) | u16(b, at + 2) << 16;
    }

    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
