package org.osr.webarchive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
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
    static Copied copy(ReadableByteChannel in, Path scratchDir, String suffix) {
        Path file;
        try {
            file = Files.createTempFile(scratchDir, "warc-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a payload file in " + scratchDir, e);
        }
        MessageDigest sha256 = PayloadIndex.sha256();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long size = 0;
        String failure = null;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException | RuntimeException | LinkageError e) {
                    failure = describe(e);
                    break;
                }
                if (n < 0) {
                    break;
                }
                buffer.flip();
                sha256.update(buffer.duplicate());
                size += buffer.remaining();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                buffer.clear();
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

    /** A channel that counts and SHA-1-hashes what passes through it (a WARC payload digest is SHA-1 of the body). */
    static final class Tap implements ReadableByteChannel {
        private final ReadableByteChannel in;
        private final MessageDigest sha1;
        private long count;

        Tap(ReadableByteChannel in) {
            this.in = in;
            try {
                this.sha1 = MessageDigest.getInstance("SHA-1");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-1", e);
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int start = dst.position();
            int n = in.read(dst);
            if (n > 0) {
                sha1.update(dst.duplicate().position(start).limit(start + n));
                count += n;
            }
            return n;
        }

        /** Reads what the consumer left unread, so the count and the digest cover the whole body. */
        void drain() throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (read(buffer) >= 0) {
                buffer.clear();
            }
        }

        long count() {
            return count;
        }

        String sha1Hex() {
            return HexFormat.of().formatHex(sha1.digest());
        }

        @Override
        public boolean isOpen() {
            return in.isOpen();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
