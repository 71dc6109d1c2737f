package org.osr.webarchive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Copies a payload to a private temporary file, hashing it on the way. */
final class Payloads {
    private Payloads() {}

    /**
     * What was copied. {@code failure} says why reading stopped before the end, null when the source was read to its
     * end; the file then holds what came before.
     */
    record Copied(Path file, long size, String sha256, String failure) {
        Copied failing(String why) {
            return new Copied(file, size, sha256, failure != null ? failure : why);
        }
    }

    /**
     * Reads {@code in} to its end into a new file in {@code scratchDir}. A failure to read is the payload's and is
     * returned; a failure to write (a full disk) is this machine's and is thrown.
     */
    static Copied copy(InputStream in, Path scratchDir, String suffix) {
        Path file;
        try {
            file = Files.createTempFile(scratchDir, "warc-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a payload file in " + scratchDir, e);
        }
        MessageDigest sha256 = PayloadIndex.sha256();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        String failure = null;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer, 0, buffer.length);
                } catch (IOException | RuntimeException | LinkageError e) {
                    failure = describe(e);
                    break;
                }
                if (n < 0) {
                    break;
                }
                sha256.update(buffer, 0, n);
                size += n;
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("cannot write a payload file in " + scratchDir, e);
        }
        return new Copied(file, size, HexFormat.of().formatHex(sha256.digest()), failure);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a scratch file left behind is removed with the scratch directory
            }
        }
    }

    /** Counts and SHA-1-hashes what is read through it (a WARC payload digest is the SHA-1 of the entity body). */
    static final class Tap extends FilterInputStream {
        private final MessageDigest sha1;
        private long count;

        Tap(InputStream in) {
            super(in);
            try {
                this.sha1 = MessageDigest.getInstance("SHA-1");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-1", e);
            }
        }

        @Override
        public int read() throws IOException {
            int c = in.read();
            if (c >= 0) {
                sha1.update((byte) c);
                count++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                sha1.update(b, off, n);
                count += n;
            }
            return n;
        }

        /** Reads what the consumer left unread, so the count and the digest cover the whole body. */
        void drain() throws IOException {
            byte[] buffer = new byte[64 * 1024];
            while (read(buffer, 0, buffer.length) >= 0) {
                // counted and hashed by read
            }
        }

        long count() {
            return count;
        }

        /** The SHA-1 of what was read; once. */
        String sha1Hex() {
            return HexFormat.of().formatHex(sha1.digest());
        }
    }
}
