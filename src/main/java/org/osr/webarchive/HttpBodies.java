package org.osr.webarchive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.channels.Channels;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;
import org.netpreserve.jwarc.HttpResponse;

/**
 * The HTTP message of a response record, read strictly enough to tell a whole body from a cut one: jwarc's lenient
 * parser ends a chunked body that stops mid-chunk as if it were complete, and inflates a zlib-wrapped deflate body to
 * nothing without a word, so the framing and the content codings are undone here.
 */
final class HttpBodies {
    private static final int MAX_HEADER = 256 * 1024;

    private HttpBodies() {}

    /** The status line and headers, and the entity body as sent (framing removed, content codings not). */
    record Message(HttpResponse head, InputStream entity) {}

    static Message read(InputStream block) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int last = 0;
        // the headers end at CRLF CRLF, or at the bare LF LF some servers send
        while (last != 0x0d0a0d0a && (last & 0xffff) != 0x0a0a) {
            int b = block.read();
            if (b < 0) {
                throw new EOFException("the record ends inside the HTTP headers");
            }
            header.write(b);
            if (header.size() > MAX_HEADER) {
                throw new IOException("HTTP headers longer than " + MAX_HEADER + " bytes");
            }
            last = (last << 8) | b;
        }
        HttpResponse head = HttpResponse.parseWithoutBody(
                Channels.newChannel(new ByteArrayInputStream(header.toByteArray())),
                Channels.newChannel(OutputStream.nullOutputStream()));
        InputStream entity;
        if (head.headers().all("Transfer-Encoding").stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            entity = new Dechunked(block);
        } else {
            long length = head.headers().first("Content-Length").map(HttpBodies::parseLength).orElse(-1L);
            entity = length >= 0 ? new Bounded(block, length) : block;
        }
        return new Message(head, entity);
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Undoes one content coding, or returns null for one osr cannot decode. */
    static InputStream decode(String coding, InputStream in) throws IOException {
        return switch (coding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(in, 64 * 1024);
            case "deflate" -> inflate(in);
            case "br" -> new BrotliInputStream(in);
            default -> null;
        };
    }

    /** HTTP's deflate is zlib-wrapped by the standard and raw deflate from some servers: accept both. */
    private static InputStream inflate(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 2);
        byte[] first = in.readNBytes(2);
        in.unread(first);
        boolean zlib = first.length == 2 && (first[0] & 0x0f) == 8
                && (((first[0] & 0xff) << 8) | (first[1] & 0xff)) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        return new InflaterInputStream(in, inflater, 64 * 1024) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0 && !inflater.finished()) {
                    throw new EOFException("the deflate stream ends before its end");
                }
                return n;
            }
        };
    }

    /** A chunked body, de-chunked; ending before the last (zero) chunk is an {@link EOFException}. */
    static final class Dechunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Dechunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                left = nextChunkSize();
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("the chunked body ends inside a chunk");
            }
            left -= n;
            if (left == 0) {
                line(); // the CRLF after the chunk's data
            }
            return n;
        }

        private long nextChunkSize() throws IOException {
            String line = line();
            if (line.isEmpty()) {
                line = line(); // tolerate a blank line between chunks
            }
            String hex = line.split(";", 2)[0].trim();
            try {
                long size = Long.parseLong(hex, 16);
                if (size < 0) {
                    throw new NumberFormatException();
                }
                return size;
            } catch (NumberFormatException e) {
                throw new IOException("not a chunk size in the chunked body: '" + hex + "'");
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                int c = in.read();
                if (c < 0) {
                    throw new EOFException("the chunked body ends before its last chunk");
                }
                if (c == '\n') {
                    int end = sb.length();
                    return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
                }
                if (sb.length() > 4096) {
                    throw new IOException("a chunk-size line longer than 4096 bytes");
                }
                sb.append((char) c);
            }
        }
    }

    /** At most {@code length} bytes of a stream (a Content-Length body). */
    static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
