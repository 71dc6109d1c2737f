package org.osr.sweep;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reading a sweep's JSON-lines files by byte offset, and repairing the end a killed run left. */
final class JsonLines {
    private JsonLines() {
    }

    interface LineVisitor {
        void line(long offset, String line) throws IOException;
    }

    /**
     * Cuts a file back to its last complete line: a run killed while writing leaves a partial line, which the resumed
     * run writes again in full.
     */
    static void cutPartialLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = ch.size();
            long keep = end;
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < end) {
                ch.truncate(keep);
            }
        }
    }

    /** Every complete line with the byte offset it starts at. */
    static void forEach(Path file, LineVisitor visitor) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            long offset = 0;
            long start = 0;
            int b;
            while ((b = in.read()) >= 0) {
                offset++;
                if (b == '\n') {
                    visitor.line(start, line.toString(StandardCharsets.UTF_8));
                    line.reset();
                    start = offset;
                } else {
                    line.write(b);
                }
            }
        }
    }

    /** The line that starts at offset. */
    static String lineAt(RandomAccessFile file, long offset) throws IOException {
        file.seek(offset);
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        byte[] buffer = new byte[8192];
        int n;
        while ((n = file.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    line.write(buffer, 0, i);
                    return line.toString(StandardCharsets.UTF_8);
                }
            }
            line.write(buffer, 0, n);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
