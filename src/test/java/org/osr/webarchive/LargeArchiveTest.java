package org.osr.webarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.osr.sweep.SweepItem;
import org.osr.testkit.Slow;

/** Payloads far larger than the heap stream to disk: a reader in a 32 MB JVM reads a 300 MB archive. */
@Slow
class LargeArchiveTest {
    static final byte[] LINE = "各街道办事处：现将有关事项通知如下。0123456789\n".getBytes(StandardCharsets.UTF_8);
    static final long PLAIN = 256L << 20;
    static final long GZIPPED = 64L << 20;

    @TempDir
    Path tmp;

    @Test
    void aReaderWithA32MegabyteHeapStreamsAThreeHundredMegabyteArchive() throws Exception {
        Path warc = tmp.resolve("big.warc");
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(warc, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), WarcCompression.NONE)) {
            byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + PLAIN + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            writer.write(new WarcResponse.Builder(URI.create("http://example.gov.cn/big.txt"))
                    .body(MediaType.HTTP_RESPONSE, new Lines(head, PLAIN), head.length + PLAIN).build());
            byte[] gz = WarcFixture.chunked(gzipLines(GZIPPED), 8192);
            byte[] http = WarcFixture.http(200, "OK", List.of("Content-Type: text/plain", "Content-Encoding: gzip",
                    "Transfer-Encoding: chunked"), gz);
            writer.write(new WarcResponse.Builder(URI.create("http://example.gov.cn/big.gz.txt"))
                    .body(MediaType.HTTP_RESPONSE, http).build());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                LargeArchiveTest.class.getName(), warc.toString(), Files.createDirectories(tmp.resolve("s")).toString())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        System.out.print(out);
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("http://example.gov.cn/big.txt " + PLAIN + " whole")
                .contains("http://example.gov.cn/big.gz.txt " + (GZIPPED / LINE.length * LINE.length) + " whole")
                .contains("problems []");
    }

    /** Reads the archive given and prints each item's URL, size and completeness (run in a small-heap JVM). */
    public static void main(String[] args) throws IOException {
        List<ArchiveProblem> problems = new ArrayList<>();
        long start = System.nanoTime();
        long bytes = 0;
        try (ArchiveItems items = WebArchives.open(Path.of(args[0]), "big.warc", Path.of(args[1]), problems::add)) {
            while (items.hasNext()) {
                SweepItem item = items.next();
                System.out.println(item.item() + " " + item.size() + " "
                        + (item.incomplete() == null ? "whole" : item.incomplete()));
                bytes += item.size();
                Files.delete(item.file());
            }
        }
        System.out.println("problems " + problems);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d MB of payload in %.1f s (%.0f MB/s), heap committed %d MB%n", bytes >> 20, seconds,
                (bytes >> 20) / seconds, (Runtime.getRuntime().totalMemory() >> 20));
    }

    private static byte[] gzipLines(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            for (long n = 0; n + LINE.length <= size; n += LINE.length) {
                gz.write(LINE);
            }
        }
        return out.toByteArray();
    }

    /** The HTTP head, then whole lines of text up to {@code size} bytes, padded with spaces to exactly that. */
    private static final class Lines implements ReadableByteChannel {
        private final ByteBuffer head;
        private final long size;
        private long sent;

        Lines(byte[] head, long size) {
            this.head = ByteBuffer.wrap(head);
            this.size = size;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (head.hasRemaining()) {
                int n = Math.min(dst.remaining(), head.remaining());
                dst.put(head.array(), head.position(), n);
                head.position(head.position() + n);
                return n;
            }
            if (sent >= size) {
                return -1;
            }
            int n = 0;
            while (dst.hasRemaining() && sent < size) {
                dst.put(sent + LINE.length <= size / LINE.length * LINE.length
                        ? LINE[(int) (sent % LINE.length)] : (byte) ' ');
                sent++;
                n++;
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
