package org.osr.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * An RTF document is one group, <code>{\rtf1 … }</code>: a file that ends before the group closes was cut short.
 * Counts braces, skipping escaped ones ({@code \{ \}}) and the binary data of {@code \binN}.
 */
final class RtfGroups {
    private RtfGroups() {
    }

    static Problem check(FileChannel ch) throws IOException {
        PushbackInputStream in = new PushbackInputStream(
                new BufferedInputStream(Channels.newInputStream(ch.position(0)), 1 << 16));
        int depth = 0;
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return null;   // the document's group is closed; what follows is not the document
            } else if (c == '\\') {
                c = in.read();
                if (isLetter(c)) {
                    skipControlWord(in, c);
                }   // else a control symbol such as \{ or \\: its character is not markup
            }
        }
        return FileIntegrity.cutShort("the RTF ends inside " + depth + " open group" + (depth == 1 ? "" : "s")
                + " ('{' without its '}')");
    }

    /** Reads a control word's letters, parameter and delimiter; after {@code \binN} skips N bytes of binary data. */
    private static void skipControlWord(PushbackInputStream in, int first) throws IOException {
        StringBuilder word = new StringBuilder();
        int c = first;
        while (isLetter(c)) {
            word.append((char) c);
            c = in.read();
        }
        boolean negative = c == '-';
        if (negative) {
            c = in.read();
        }
        long param = 0;
        while (c >= '0' && c <= '9') {
            param = Math.min(param * 10 + (c - '0'), Long.MAX_VALUE / 10);
            c = in.read();
        }
        if (c != ' ' && c >= 0) {
            in.unread(c);   // any other delimiter belongs to what follows
        }
        if (word.toString().equals("bin") && !negative) {
            for (long left = param; left > 0; ) {   // binary data may hold any byte, braces too
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        return;
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
