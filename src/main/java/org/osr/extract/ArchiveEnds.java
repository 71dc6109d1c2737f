package org.osr.extract;

import static org.osr.extract.FileIntegrity.cutShort;
import static org.osr.extract.FileIntegrity.empty;
import static org.osr.extract.FileIntegrity.read;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;

/** Does an archive (ZIP and the formats built on it, gzip, tar, 7z) end where its format says, and hold anything? */
final class ArchiveEnds {
    private static final int ZIP_END_RECORD = 22;
    /** A ZIP's end record may be followed by a comment of at most this many bytes. */
    private static final int ZIP_MAX_COMMENT = 0xFFFF;
    /** Beyond this much decompressed data a gzip trailer is not looked for (osr's reading limits apply long before). */
    private static final long GZIP_MAX_INFLATE = 4L << 30;
    private static final int TAR_BLOCK = 512;

    private ArchiveEnds() {
    }

    /**
     * A ZIP file ends with its central directory, the list of its entries, and the end record pointing at it: a cut
     * file has lost both, and parsers then salvage entries from the local headers as far as they go.
     */
    static Problem zip(FileChannel ch, long size, String formatName) throws IOException {
        int window = (int) Math.min(size, ZIP_END_RECORD + ZIP_MAX_COMMENT);
        byte[] tail = read(ch, size - window, window);
        for (int i = tail.length - ZIP_END_RECORD; i >= 0; i--) {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
                boolean noEntries = FileIntegrity.u16(tail, i + 10) == 0 && FileIntegrity.u32(tail, i + 12) == 0;
                return noEntries ? empty("the " + formatName + " file is an empty ZIP container: it holds no "
                        + "entries") : null;
            }
        }
        return cutShort("its ZIP central directory (the list of entries a " + formatName + " file ends with) is "
                + "missing");
    }

    /** gzip ends with a trailer (CRC-32 and length); it can only be reached by decompressing the whole stream. */
    static Problem gzip(FileChannel ch) throws IOException {
        long total = 0;
        try (InputStream in = new GZIPInputStream(Channels.newInputStream(ch.position(0)), 1 << 16)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) >= 0 && total <= GZIP_MAX_INFLATE; ) {
                total += n;
            }
        } catch (EOFException e) {
            return cutShort("the gzip stream ends before its trailer");
        } catch (ZipException e) {
            return new Problem(Problem.CORRUPT, "the gzip data is damaged: " + e.getMessage());
        }
        return total == 0 ? empty("the gzip file decompresses to nothing (0 bytes)") : null;
    }

    /**
     * A tar archive is 512-byte blocks: a header per entry, its data rounded up to whole blocks, and two zero blocks
     * at the end. Walks the headers (one read per entry) without reading the data.
     */
    static Problem tar(FileChannel ch, long size) throws IOException {
        long pos = 0;
        for (int entries = 0; ; entries++) {
            if (pos + TAR_BLOCK > size) {
                return cutShort(pos == size ? "the tar archive ends without its end-of-archive marker"
                        : "the tar archive's last 512-byte block is incomplete");
            }
            byte[] header = read(ch, pos, TAR_BLOCK);
            if (allZero(header)) {
                if (entries == 0) {
                    return empty("the tar archive holds no entries");
                }
                return size % TAR_BLOCK == 0 ? null
                        : cutShort("the tar archive's last 512-byte block is incomplete");
            }
            long dataSize = tarSize(header);
            if (dataSize < 0) {
                return null;   // not a header osr understands; the parser's verdict stands
            }
            long blocks = hasNoData(header[156]) ? 0 : (dataSize + TAR_BLOCK - 1) / TAR_BLOCK;
            if (pos + TAR_BLOCK + blocks * TAR_BLOCK > size) {
                return cutShort("tar entry '" + tarName(header) + "' has " + dataSize + " bytes but the file ends "
                        + Math.max(0, size - pos - TAR_BLOCK) + " bytes into it");
            }
            pos += TAR_BLOCK + blocks * TAR_BLOCK;
        }
    }

    /**
     * 7z writes its header last and points at it from the 32-byte start header, which stays zero until the archive
     * is finished.
     */
    static Problem sevenZip(Path file, byte[] head, long size) {
        if (head.length < 32) {
            return cutShort("the 7z start header is incomplete");
        }
        long offset = FileIntegrity.u64(head, 12);
        long length = FileIntegrity.u64(head, 20);
        if (length == 0) {
            return size <= 32 ? empty("the file holds only the 7z start header")
                    : cutShort("the 7z start header was never completed (the archive was not finished)");
        }
        if (offset < 0 || length < 0 || offset > size || length > size || 32 + offset + length > size) {
            return cutShort("the 7z header lies beyond the end of the file");
        }
        try (SevenZFile archive = SevenZFile.builder().setPath(file).get()) {
            return archive.getEntries().iterator().hasNext() ? null : empty("the 7z archive holds no entries");
        } catch (IOException | RuntimeException e) {
            return null;   // damage inside the archive is the parser's to report
        }
    }

    /** Links, devices, directories and FIFOs carry no data, whatever their size field says. */
    private static boolean hasNoData(byte type) {
        return type >= '1' && type <= '6';
    }

    /** Octal in 12 bytes, or base-256 (GNU, for sizes of 8 GiB and more) when the first byte's top bit is set. */
    private static long tarSize(byte[] header) {
        if ((header[124] & 0x80) != 0) {
            long v = 0;
            for (int i = 125; i < 136; i++) {
                v = (v << 8) | (header[i] & 0xFF);
            }
            return v;
        }
        long v = 0;
        boolean digits = false;
        for (int i = 124; i < 136; i++) {
            byte b = header[i];
            if (b >= '0' && b <= '7') {
                v = v * 8 + (b - '0');
                digits = true;
            } else if (b == 0 || b == ' ') {
                if (digits) {
                    break;
                }
            } else {
                return -1;
            }
        }
        return v;
    }

    private static String tarName(byte[] header) {
        int end = 0;
        while (end < 100 && header[end] != 0) {
            end++;
        }
        return new String(header, 0, end, StandardCharsets.UTF_8);
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
