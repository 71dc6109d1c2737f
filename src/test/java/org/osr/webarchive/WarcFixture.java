package org.osr.webarchive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/** Builds WARC records the way crawlers write them, HTTP bytes and all, for tests of the web-archive reader. */
final class WarcFixture {
    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    static final String SITE = "http://www.example.gov.cn/";
    static final byte[] MARKED = org.osr.testkit.SampleDocuments.html(org.osr.testkit.SampleNotice.TITLE,
            org.osr.testkit.SampleNotice.markedLines(), null).getBytes(StandardCharsets.UTF_8);
    static final byte[] CLEAN = org.osr.testkit.SampleDocuments.html("公告",
            org.osr.testkit.SampleNotice.cleanLines(), null).getBytes(StandardCharsets.UTF_8);

    static Instant day(int day) {
        return T0.plusSeconds(86_400L * day);
    }

    /**
     * A small site kept as web archives in {@code folder}: {@code site.warc.gz} with a marked notice (gzip, chunked),
     * the same bytes at a mirror URL, a clean page, a revisit of the notice 30 days on and a capture the crawler cut
     * short; and {@code cut.warc.gz}, an archive that ends inside its second record.
     */
    static void site(Path folder) throws IOException {
        new WarcFixture().warcinfo()
                .request(SITE + "notice.html")
                .response(SITE + "notice.html", day(0), gzipChunked("text/html", MARKED), MARKED)
                .response(SITE + "mirror/notice.html", day(0), ok("text/html", MARKED), MARKED)
                .response(SITE + "clean.html", day(0), ok("text/html", CLEAN), CLEAN)
                .revisit(SITE + "notice.html", day(30), MARKED)
                .truncatedResponse(SITE + "big.html", day(1), ok("text/html",
                        java.util.Arrays.copyOf(CLEAN, CLEAN.length / 2)))
                .write(folder.resolve("site.warc.gz"), true);
        byte[] whole = new WarcFixture().response(SITE + "old.html", day(0), ok("text/html", CLEAN), CLEAN)
                .response(SITE + "old2.html", day(0), ok("text/html", MARKED), MARKED).bytes(true);
        Files.write(folder.resolve("cut.warc.gz"), java.util.Arrays.copyOf(whole, whole.length - 30));
    }

    private final List<WarcRecord> records = new ArrayList<>();

    WarcFixture warcinfo() {
        records.add(new Warcinfo.Builder().date(T0).filename("site.warc.gz")
                .fields(Map.of("software", List.of("osr test"))).build());
        return this;
    }

    WarcFixture request(String url) throws IOException {
        URI uri = URI.create(url);
        records.add(new WarcRequest.Builder(uri).date(T0)
                .body(new HttpRequest.Builder("GET", uri.getRawPath()).addHeader("Host", uri.getHost()).build())
                .build());
        return this;
    }

    /** A response record holding exactly these HTTP bytes, with the payload digest a crawler writes. */
    WarcFixture response(String url, Instant date, byte[] http, byte[] entityBody) {
        WarcResponse.Builder b = new WarcResponse.Builder(URI.create(url)).date(date)
                .body(MediaType.HTTP_RESPONSE, http);
        if (entityBody != null) {
            b.payloadDigest(sha1Digest(entityBody));
        }
        records.add(b.build());
        return this;
    }

    WarcFixture truncatedResponse(String url, Instant date, byte[] http) {
        records.add(new WarcResponse.Builder(URI.create(url)).date(date).body(MediaType.HTTP_RESPONSE, http)
                .truncated(WarcTruncationReason.LENGTH).build());
        return this;
    }

    /** An identical-payload-digest revisit of an earlier capture of {@code entityBody}. */
    WarcFixture revisit(String url, Instant date, byte[] entityBody) {
        records.add(new WarcRevisit.Builder(URI.create(url), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_0).date(date)
                .payloadDigest(sha1Digest(entityBody))
                .body(MediaType.HTTP_RESPONSE, http(200, "OK", List.of("Content-Type: text/html"), new byte[0]))
                .build());
        return this;
    }

    /** A server-not-modified revisit that names the record it repeats (WARC-Refers-To) and no payload digest. */
    WarcFixture revisitOfRecord(String url, Instant date, URI recordId) {
        records.add(new WarcRevisit.Builder(URI.create(url), WarcRevisit.SERVER_NOT_MODIFIED_1_0).date(date)
                .refersTo(recordId)
                .body(MediaType.HTTP_RESPONSE, http(304, "Not Modified", List.of(), new byte[0]))
                .build());
        return this;
    }

    WarcFixture resource(String url, Instant date, String contentType, byte[] block) {
        records.add(new WarcResource.Builder(URI.create(url)).date(date).body(MediaType.parse(contentType), block)
                .build());
        return this;
    }

    WarcFixture add(WarcRecord record) {
        records.add(record);
        return this;
    }

    WarcRecord last() {
        return records.get(records.size() - 1);
    }

    Path write(Path file, boolean gzip) throws IOException {
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                java.nio.file.StandardOpenOption.WRITE), gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
            for (WarcRecord r : records) {
                writer.write(r);
            }
        }
        return file;
    }

    byte[] bytes(boolean gzip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(out),
                gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
            for (WarcRecord r : records) {
                writer.write(r);
            }
        }
        return out.toByteArray();
    }

    // ---- HTTP messages ---------------------------------------------------------------------------------------

    static byte[] http(int status, String reason, List<String> headers, byte[] body) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** 200 with a Content-Length. */
    static byte[] ok(String contentType, byte[] body) {
        return http(200, "OK", List.of("Content-Type: " + contentType, "Content-Length: " + body.length), body);
    }

    /** 200, gzip-encoded and sent in chunks, as most servers send a page. */
    static byte[] gzipChunked(String contentType, byte[] body) {
        return http(200, "OK", List.of("Content-Type: " + contentType, "Content-Encoding: gzip",
                "Transfer-Encoding: chunked"), chunked(gzip(body), 100));
    }

    static byte[] chunked(byte[] body, int chunkSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += chunkSize) {
            int n = Math.min(chunkSize, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater())) {
            z.write(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /**
     * A valid Brotli stream (RFC 7932) of uncompressed meta-blocks: no Brotli encoder is at hand, and a stored block
     * is all a test of decoding needs.
     */
    static byte[] brotliStored(byte[] body) {
        Bits out = new Bits();
        out.write(0, 1); // WBITS = 16
        for (int off = 0; off < body.length; off += 65536) {
            int n = Math.min(65536, body.length - off);
            out.write(0, 1); // ISLAST = 0
            out.write(0, 2); // MNIBBLES = 4
            out.write(n - 1, 16); // MLEN - 1
            out.write(1, 1); // ISUNCOMPRESSED
            out.align();
            out.bytes.write(body, off, n);
        }
        out.write(1, 1); // ISLAST
        out.write(1, 1); // ISLASTEMPTY
        out.align();
        return out.bytes.toByteArray();
    }

    /** Bits, least significant first, as Brotli packs them. */
    private static final class Bits {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int current;
        private int used;

        void write(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >>> i) & 1) << used++;
                if (used == 8) {
                    align();
                }
            }
        }

        void align() {
            if (used > 0) {
                bytes.write(current);
                current = 0;
                used = 0;
            }
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256", bytes));
    }

    private static WarcDigest sha1Digest(byte[] bytes) {
        return new WarcDigest("sha1", digest("SHA-1", bytes));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
