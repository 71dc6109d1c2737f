package org.osr.extract;

import static org.osr.extract.FileIntegrity.read;
import static org.osr.extract.FileIntegrity.u16;
import static org.osr.extract.FileIntegrity.u32;
import static org.osr.extract.FileIntegrity.u64;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * An OLE2 compound file (.doc, .xls, .ppt, .msg) is a header and numbered sectors: an allocation table (FAT) chains
 * them into a directory and streams of a declared size. A stream whose chain runs past the end of the file, before
 * its size is reached, was cut short. Writers leave unused FAT entries in all sorts of states and may end the file
 * inside its last sector, so only what the directory's streams use counts. Reads the header, the FAT and the
 * directory, never the streams' data.
 */
final class Ole2Sectors {
    private static final int HEADER = 512;
    private static final int HEADER_FAT_ENTRIES = 109;
    private static final int DIRECTORY_ENTRY = 128;
    private static final int MINI_SECTOR = 64;
    private static final int STREAM = 2;
    private static final int ROOT = 5;
    /** Sector numbers above this are markers (end of chain, free…), not sectors. */
    private static final long MAX_SECTOR = 0xFFFFFFFAL;
    private static final long END_OF_CHAIN = 0xFFFFFFFEL;

    private Ole2Sectors() {
    }

    private record Layout(int sector, long size, int[] fat) {
        long offset(long n) {
            return (n + 1) * sector;   // the header takes the first sector
        }

        long next(long n) {
            return n < fat.length ? fat[(int) n] & 0xFFFFFFFFL : END_OF_CHAIN;
        }
    }

    static Problem check(FileChannel ch, long size) throws IOException {
        byte[] header = read(ch, 0, HEADER);
        if (header.length < HEADER) {
            return FileIntegrity.cutShort("the OLE2 header is incomplete");
        }
        long shift = u16(header, 30);
        if (shift != 9 && shift != 12) {
            return null;   // not a header osr understands; the parser's verdict stands
        }
        int sector = 1 << shift;
        if (size <= sector) {
            return FileIntegrity.empty("the file holds only the OLE2 header, no streams");
        }
        int[] fat = fat(ch, header, sector, size);
        if (fat == null) {
            return FileIntegrity.cutShort("the OLE2 allocation table lies beyond the end of the file");
        }
        Layout layout = new Layout(sector, size, fat);
        long miniCutoff = u32(header, 56);
        long directoryStart = u32(header, 48);
        long maxEntries = size / DIRECTORY_ENTRY;
        long hops = 0;
        long miniStream = 0;
        for (long dir = directoryStart; dir <= MAX_SECTOR && hops++ <= fat.length; dir = layout.next(dir)) {
            if (layout.offset(dir) + sector > size) {
                return FileIntegrity.cutShort("the OLE2 directory lies beyond the end of the file");
            }
            byte[] entries = read(ch, layout.offset(dir), sector);
            for (int at = 0; at + DIRECTORY_ENTRY <= sector && maxEntries-- > 0; at += DIRECTORY_ENTRY) {
                int type = entries[at + 66];
                long streamSize = sector == HEADER ? u32(entries, at + 120) : u64(entries, at + 120);
                if (type == ROOT) {
                    miniStream = streamSize;
                }
                boolean inSectors = type == ROOT || (type == STREAM && streamSize >= miniCutoff);
                if (inSectors && streamSize > 0 && !reaches(layout, u32(entries, at + 116), streamSize)) {
                    return FileIntegrity.cutShort("the OLE2 stream '" + name(entries, at) + "' (" + streamSize
                            + " bytes) continues past the end of the file");
                }
            }
        }
        // Small streams live in the root's mini stream, cut into 64-byte pieces that the mini FAT chains.
        if (!reaches(layout, u32(header, 60), (miniStream + MINI_SECTOR - 1) / MINI_SECTOR * 4)) {
            return FileIntegrity.cutShort("the OLE2 mini allocation table continues past the end of the file");
        }
        return null;
    }

    /** Whether the file holds the stream's bytes: every sector of its chain, the last one only as far as it is used. */
    private static boolean reaches(Layout layout, long start, long streamSize) {
        long left = streamSize;
        for (long s = start; left > 0 && s <= MAX_SECTOR; s = layout.next(s)) {
            long used = Math.min(left, layout.sector());
            if (layout.offset(s) + used > layout.size()) {
                return false;
            }
            left -= used;
        }
        return true;   // a chain shorter than the size is damage of another kind, for the parser to report
    }

    /** The FAT: its sectors are listed in the header (109) and in a chain of DIFAT sectors; null if any is missing. */
    private static int[] fat(FileChannel ch, byte[] header, int sector, long size) throws IOException {
        long count = u32(header, 44);
        int perSector = sector / 4;
        if (count > size / sector) {
            return null;
        }
        long[] ids = new long[(int) count];
        int n = 0;
        for (int i = 0; i < HEADER_FAT_ENTRIES && n < count; i++) {
            ids[n++] = u32(header, 76 + 4 * i);
        }
        long difat = u32(header, 68);
        for (long hops = 0; n < count && difat <= MAX_SECTOR && hops <= count; hops++) {
            if ((difat + 1) * sector + sector > size) {
                return null;
            }
            byte[] block = read(ch, (difat + 1) * sector, sector);
            for (int j = 0; j < perSector - 1 && n < count; j++) {
                ids[n++] = u32(block, j * 4);
            }
            difat = u32(block, sector - 4);
        }
        if (n < count) {
            return null;
        }
        // Entries for sectors past the end of the file are not kept: a hostile header cannot make this array large.
        int[] fat = new int[(int) Math.min(count * perSector, size / sector + 1)];
        for (int i = 0; i < count; i++) {
            if (ids[i] > MAX_SECTOR || (ids[i] + 1) * sector + sector > size) {
                return null;
            }
            byte[] block = read(ch, (ids[i] + 1) * sector, sector);
            for (int j = 0; j < perSector && (long) i * perSector + j < fat.length; j++) {
                fat[i * perSector + j] = (int) u32(block, j * 4);
            }
        }
        return fat;
    }

    private static String name(byte[] entries, int at) {
        int length = (int) Math.min(u16(entries, at + 64), 64);
        return new String(entries, at, Math.max(0, length - 2), StandardCharsets.UTF_16LE).strip();
    }
}
