package org.osr.webarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.osr.webarchive.WarcFixture.T0;
import static org.osr.webarchive.WarcFixture.gzipChunked;
import static org.osr.webarchive.WarcFixture.ok;
import static org.osr.webarchive.WarcFixture.sha256;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.sweep.SweepItem;
import org.osr.testkit.DocxSpec;
import org.osr.testkit.SampleDocuments;

class WebArchivesTest {
    static final String SITE = "http://www.example.gov.cn/";
    static final byte[] MARKED = SampleDocuments.html("关于防汛工作的通知",
            List.of("机密★5年", "各街道办事处：现将有关事项通知如下。"), null).getBytes(StandardCharsets.UTF_8);
    static final byte[] CLEAN = SampleDocuments.html("关于防汛工作的通知",
            List.of("各街道办事处：现将有关事项通知如下。"), null).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    final List<ArchiveProblem> problems = new ArrayList<>();

    private static byte[] docx;
    private static byte[] pdf;

    static synchronized byte[] docx() throws IOException {
        if (docx == null) {
            docx = SampleDocuments.docx(DocxSpec.of("通知", List.of("各街道办事处：", "现将有关事项通知如下。")));
        }
        return docx;
    }

    static synchronized byte[] pdf() throws IOException {
        if (pdf == null) {
            pdf = SampleDocuments.pdf(List.of(List.of("关于做好防汛工作的通知", "现将有关事项通知如下。")), "通知");
        }
        return pdf;
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** A small site as a crawler records it: pages gzip+chunked, documents with a length, a revisit, a redirect. */
    static WarcFixture site() throws IOException {
        byte[] docx = docx();
        byte[] pdf = pdf();
        byte[] markedGz = gzipChunked("text/html; charset=utf-8", MARKED);
        return new WarcFixture().warcinfo()
                .request(SITE + "notice.html")
                .response(SITE + "notice.html", at(1), markedGz, null)
                .request(SITE + "clean.html")
                .response(SITE + "clean.html", at(2), gzipChunked("text/html; charset=utf-8", CLEAN), null)
                .response(SITE + "files/notice.docx", at(3),
                        ok("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx), docx)
                .response(SITE + "files/notice.pdf", at(4), WarcFixture.http(200, "OK",
                        List.of("Content-Type: application/pdf", "Content-Encoding: deflate"),
                        WarcFixture.deflate(pdf)), pdf)
                .response(SITE + "mirror/notice.pdf", at(5), ok("application/pdf", pdf), pdf)
                .response(SITE + "old", at(6), WarcFixture.http(301, "Moved Permanently",
                        List.of("Location: " + SITE + "notice.html", "Content-Length: 0"), new byte[0]), null)
                .response(SITE + "missing.html", at(7), WarcFixture.http(404, "Not Found",
                        List.of("Content-Type: text/html"), "<html><body>页面不存在</body></html>"
                                .getBytes(StandardCharsets.UTF_8)), null)
                .revisit(SITE + "files/notice-copy.docx", at(8), docx)
                .resource(SITE + "notes.txt", at(9), "text/plain", "备注".getBytes(StandardCharsets.UTF_8))
                .resource("metadata://gnu.org/software/wget/warc/wget.log", at(10), "text/plain",
                        "wget log".getBytes(StandardCharsets.US_ASCII));
    }

    List<SweepItem> read(Path archive, String displayName) throws IOException {
        List<SweepItem> items = new ArrayList<>();
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        try (ArchiveItems it = WebArchives.open(archive, displayName, scratch, problems::add)) {
            it.forEachRemaining(items::add);
        }
        return items;
    }

    static String sha256Of(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    @Test
    void aSitesResponsesAreItemsWithTheirDecodedPayloads() throws IOException {
        Path warc = site().write(tmp.resolve("site.warc.gz"), true);
        byte[] docx = docx();
        byte[] pdf = pdf();

        List<SweepItem> items = read(warc, "site.warc.gz");

        assertThat(problems).isEmpty();
        assertThat(items).extracting(SweepItem::item, SweepItem::kind, SweepItem::sha256, SweepItem::captured)
                .containsExactly(
                        tuple(SITE + "notice.html", SweepItem.RESPONSE, sha256(MARKED), at(1)),
                        tuple(SITE + "clean.html", SweepItem.RESPONSE, sha256(CLEAN), at(2)),
                        tuple(SITE + "files/notice.docx", SweepItem.RESPONSE, sha256(docx), at(3)),
                        tuple(SITE + "files/notice.pdf", SweepItem.RESPONSE, sha256(pdf), at(4)),
                        tuple(SITE + "mirror/notice.pdf", SweepItem.RESPONSE, sha256(pdf), at(5)),
                        tuple(SITE + "missing.html", SweepItem.RESPONSE,
                                sha256("<html><body>页面不存在</body></html>".getBytes(StandardCharsets.UTF_8)), at(7)),
                        tuple(SITE + "files/notice-copy.docx", SweepItem.REVISIT, sha256(docx), at(8)),
                        tuple(SITE + "notes.txt", SweepItem.RESOURCE, sha256("备注".getBytes(StandardCharsets.UTF_8)),
                                at(9)));
        for (SweepItem item : items) {
            assertThat(item.incomplete()).as(item.item()).isNull();
            assertThat(item.modified()).isEqualTo(item.captured());
            assertThat(item.key()).startsWith("urn:uuid:");
            assertThat(item.source()).matches("site\\.warc\\.gz#\\d+");
            if (item.kind().equals(SweepItem.REVISIT)) {
                assertThat(item.file()).isNull();
                assertThat(item.revisitOf()).isEqualTo(sha256(docx));
            } else {
                assertThat(item.temporary()).isTrue();
                assertThat(item.file()).startsWith(tmp.resolve("scratch"));
                assertThat(sha256Of(item.file())).isEqualTo(item.sha256());
                assertThat(Files.size(item.file())).isEqualTo(item.size());
                assertThat(item.revisitOf()).isNull();
            }
        }
        assertThat(items.get(0).file()).hasBinaryContent(MARKED);
        assertThat(items.get(0).file().getFileName().toString()).endsWith(".html");
        assertThat(items.get(2).file().getFileName().toString()).endsWith(".docx");
        assertThat(items).extracting(SweepItem::source).doesNotHaveDuplicates();
    }

    @Test
    void aBrotliBodyIsDecodedAndACutOneIsIncomplete() throws IOException {
        byte[] br = WarcFixture.brotliStored(CLEAN);
        List<String> headers = List.of("Content-Type: text/html", "Content-Encoding: br");
        Path warc = new WarcFixture()
                .response(SITE + "br.html", at(1), WarcFixture.http(200, "OK", headers, br), null)
                .response(SITE + "cut-br.html", at(2), WarcFixture.http(200, "OK", headers,
                        java.util.Arrays.copyOf(br, br.length - 40)), null)
                .write(tmp.resolve("br.warc"), false);

        List<SweepItem> items = read(warc, "br.warc");

        assertThat(items.get(0).incomplete()).isNull();
        assertThat(items.get(0).file()).hasBinaryContent(CLEAN);
        assertThat(items.get(1).incomplete()).contains("Content-Encoding br");
    }

    @Test
    void offsetsPointAtTheRecordsInTheArchive() throws IOException {
        Path warc = site().write(tmp.resolve("site.warc.gz"), true);
        List<SweepItem> items = read(warc, "site.warc.gz");

        for (SweepItem item : items) {
            long offset = Long.parseLong(item.source().substring(item.source().indexOf('#') + 1));
            try (org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(
                    java.nio.channels.FileChannel.open(warc))) {
                reader.position(offset);
                assertThat(reader.next().orElseThrow().id().toString()).isEqualTo(item.key());
            }
        }
    }

    @Test
    void aRevisitThatNamesItsRecordRepeatsThatPayload() throws IOException {
        WarcFixture fixture = new WarcFixture().response(SITE + "clean.html", at(1),
                gzipChunked("text/html", CLEAN), null);
        URI original = fixture.last().id();
        fixture.revisitOfRecord(SITE + "clean.html", at(60), original)
                .revisitOfRecord(SITE + "gone.html", at(61), URI.create("urn:uuid:00000000-0000-0000-0000-000000000000"));

        List<SweepItem> items = read(fixture.write(tmp.resolve("a.warc"), false), "a.warc");

        assertThat(items).extracting(SweepItem::item, SweepItem::kind, SweepItem::revisitOf).containsExactly(
                tuple(SITE + "clean.html", SweepItem.RESPONSE, null),
                tuple(SITE + "clean.html", SweepItem.REVISIT, sha256(CLEAN)),
                tuple(SITE + "gone.html", SweepItem.REVISIT, null));
    }

    @Test
    void requestsWarcinfoAndTheCrawlersOwnLogAreNotItems() throws IOException {
        Path warc = new WarcFixture().warcinfo().request(SITE).request(SITE + "a.html")
                .resource("metadata://gnu.org/software/wget/warc/wget.log", at(1), "text/plain",
                        "log".getBytes(StandardCharsets.US_ASCII))
                .write(tmp.resolve("empty.warc"), false);

        assertThat(read(warc, "empty.warc")).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void truncatedCapturesCarryTheReasonAndTheArchiveReadsOn() throws IOException {
        byte[] cut = java.util.Arrays.copyOf(CLEAN, CLEAN.length / 2);
        byte[] gz = WarcFixture.gzip(CLEAN);
        Path warc = new WarcFixture()
                .truncatedResponse(SITE + "big.html", at(1), ok("text/html", cut))
                .response(SITE + "short.html", at(2), WarcFixture.http(200, "OK",
                        List.of("Content-Type: text/html", "Content-Length: " + CLEAN.length), cut), null)
                .response(SITE + "chunks.html", at(3), WarcFixture.http(200, "OK",
                        List.of("Content-Type: text/html", "Transfer-Encoding: chunked"),
                        java.util.Arrays.copyOf(WarcFixture.chunked(CLEAN, 100), 150)), null)
                .response(SITE + "gz.html", at(4), WarcFixture.http(200, "OK",
                        List.of("Content-Type: text/html", "Content-Encoding: gzip"),
                        java.util.Arrays.copyOf(gz, gz.length - 30)), null)
                .response(SITE + "zstd.html", at(5), WarcFixture.http(200, "OK",
                        List.of("Content-Type: text/html", "Content-Encoding: compress"), gz), null)
                .response(SITE + "range.html", at(6), WarcFixture.http(206, "Partial Content",
                        List.of("Content-Type: text/html", "Content-Range: bytes 0-99/5000"),
                        java.util.Arrays.copyOf(CLEAN, 100)), null)
                .response(SITE + "clean.html", at(7), ok("text/html", CLEAN), null)
                .response(SITE + "te.html", at(8), WarcFixture.http(200, "OK",
                        List.of("Content-Type: text/html", "Transfer-Encoding: gzip, chunked"),
                        WarcFixture.chunked(gz, 64)), null)
                .response(SITE + "te-x.html", at(9), WarcFixture.http(200, "OK",
                        List.of("Content-Type: text/html", "Transfer-Encoding: x-secret, chunked"),
                        WarcFixture.chunked(gz, 64)), null)
                .write(tmp.resolve("cut.warc"), false);

        List<SweepItem> items = read(warc, "cut.warc");

        assertThat(problems).isEmpty();
        assertThat(items).extracting(SweepItem::item).containsExactly(SITE + "big.html", SITE + "short.html",
                SITE + "chunks.html", SITE + "gz.html", SITE + "zstd.html", SITE + "range.html", SITE + "clean.html",
                SITE + "te.html", SITE + "te-x.html");
        assertThat(items.get(0).incomplete()).contains("WARC-Truncated: length");
        assertThat(items.get(1).incomplete()).contains("of the " + CLEAN.length + " its Content-Length declares");
        assertThat(items.get(2).incomplete()).contains("chunked");
        assertThat(items.get(3).incomplete()).contains("Content-Encoding gzip");
        assertThat(items.get(4).incomplete()).contains("'compress' cannot be decoded");
        assertThat(items.get(5).incomplete()).contains("206");
        assertThat(items.get(6).incomplete()).isNull();
        assertThat(items.get(6).file()).hasBinaryContent(CLEAN);
        assertThat(items.get(7).incomplete()).isNull();
        assertThat(items.get(7).file()).hasBinaryContent(CLEAN);
        assertThat(items.get(8).incomplete()).contains("Transfer-Encoding 'x-secret' cannot be decoded");
    }

    /** The clean page, then the marked one: what a damaged archive ends in. */
    private static WarcFixture twoPages() {
        return new WarcFixture().response(SITE + "clean.html", at(1), ok("text/html", CLEAN), null)
                .response(SITE + "notice.html", at(2), ok("text/html", MARKED), null);
    }

    @Test
    void aWarcThatEndsInsideARecordIsReportedAndItsLastItemIsIncomplete() throws IOException {
        byte[] whole = twoPages().bytes(false);
        Path warc = Files.write(tmp.resolve("cut.warc"), java.util.Arrays.copyOf(whole, whole.length - 200));

        List<SweepItem> items = read(warc, "cut.warc");

        assertThat(items).extracting(SweepItem::item).containsExactly(SITE + "clean.html", SITE + "notice.html");
        assertThat(items.get(0).incomplete()).isNull();
        assertThat(items.get(1).incomplete()).isNotNull();
        assertThat(problems).extracting(ArchiveProblem::code).containsExactly(ArchiveProblem.CUT_SHORT);
        assertThat(problems.get(0).where()).isEqualTo(items.get(1).source());
    }

    @Test
    void aCorruptGzipTailIsReportedAndStopsTheArchive() throws IOException {
        byte[] bytes = twoPages().bytes(true);
        for (int i = bytes.length - 300; i < bytes.length - 20; i++) {
            bytes[i] ^= 0x5a;
        }
        Path warc = Files.write(tmp.resolve("bad.warc.gz"), bytes);

        List<SweepItem> items = read(warc, "bad.warc.gz");

        assertThat(items).isNotEmpty();
        assertThat(items.get(0).item()).isEqualTo(SITE + "clean.html");
        assertThat(items.get(0).incomplete()).isNull();
        assertThat(items.subList(1, items.size())).allSatisfy(i -> assertThat(i.incomplete()).isNotNull());
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).code()).isIn(ArchiveProblem.CORRUPT, ArchiveProblem.CUT_SHORT);
        assertThat(problems.get(0).where()).startsWith("bad.warc.gz#");
    }

    @Test
    void aWarcGzCutInsideItsLastMemberIsReported() throws IOException {
        byte[] whole = twoPages().bytes(true);
        Path warc = Files.write(tmp.resolve("cut.warc.gz"), java.util.Arrays.copyOf(whole, whole.length - 120));

        List<SweepItem> items = read(warc, "cut.warc.gz");

        assertThat(items).extracting(SweepItem::item).startsWith(SITE + "clean.html");
        assertThat(items.get(0).incomplete()).isNull();
        assertThat(items.subList(1, items.size())).allSatisfy(i -> assertThat(i.incomplete()).isNotNull());
        assertThat(problems).extracting(ArchiveProblem::code).containsExactly(ArchiveProblem.CUT_SHORT);
    }

    @Test
    void aRecordWithoutAReadableDateIsReportedAndTheNextOneRead() throws IOException {
        byte[] http = ok("text/html", MARKED);
        String head = "WARC/1.0\r\nWARC-Type: response\r\n"
                + "WARC-Record-ID: <urn:uuid:11111111-2222-3333-4444-555555555555>\r\n"
                + "WARC-Date: last Tuesday\r\nWARC-Target-URI: " + SITE + "when.html\r\n"
                + "Content-Type: application/http;msgtype=response\r\nContent-Length: " + http.length + "\r\n\r\n";
        java.io.ByteArrayOutputStream warc = new java.io.ByteArrayOutputStream();
        warc.writeBytes(new WarcFixture().response(SITE + "clean.html", at(1), ok("text/html", CLEAN), null)
                .bytes(false));
        warc.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        warc.writeBytes(http);
        warc.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        warc.writeBytes(new WarcFixture().response(SITE + "notice.html", at(3), ok("text/html", MARKED), null)
                .bytes(false));
        Path file = Files.write(tmp.resolve("dates.warc"), warc.toByteArray());

        List<SweepItem> items = read(file, "dates.warc");

        assertThat(items).extracting(SweepItem::item).containsExactly(SITE + "clean.html", SITE + "notice.html");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ArchiveProblem.CORRUPT);
            assertThat(p.where()).isEqualTo("dates.warc#527");
            assertThat(p.message()).contains("last Tuesday");
        });
        try (var files = Files.list(tmp.resolve("scratch"))) {
            assertThat(files).hasSize(items.size());
        }
    }

    @Test
    void notAWarcAtAllIsReportedNotThrown() throws IOException {
        Path junk = Files.write(tmp.resolve("junk.warc"), "WARC/1.0\r\nthis is not a header\r\n\r\n".getBytes(
                StandardCharsets.US_ASCII));

        assertThat(read(junk, "junk.warc")).isEmpty();
        assertThat(problems).hasSize(1);
    }

    @Test
    void aWaczIsReadEntryByEntry() throws IOException {
        byte[] first = site().bytes(true);
        byte[] second = new WarcFixture().response(SITE + "later.html", at(100), ok("text/html", CLEAN), null)
                .bytes(false);
        Path wacz = tmp.resolve("site.wacz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wacz))) {
            stored(zip, "datapackage.json", "{\"profile\":\"data-package\"}".getBytes(StandardCharsets.UTF_8));
            stored(zip, "archive/data.warc.gz", first);
            stored(zip, "archive/data-2.warc", second);
            stored(zip, "pages/pages.jsonl", "{\"format\":\"json-pages-1.0\"}\n".getBytes(StandardCharsets.UTF_8));
        }

        List<SweepItem> items = read(wacz, "site.wacz");

        assertThat(problems).isEmpty();
        assertThat(items).hasSize(9);
        assertThat(items.get(0).source()).isEqualTo("site.wacz!archive/data.warc.gz#" + offsetOfFirstItem(first));
        assertThat(items.get(8).item()).isEqualTo(SITE + "later.html");
        assertThat(items.get(8).source()).isEqualTo("site.wacz!archive/data-2.warc#0");
        assertThat(items.get(8).file()).hasBinaryContent(CLEAN);
        assertThat(items.get(6).revisitOf()).isEqualTo(sha256(docx()));
    }

    /** Where the same WARC, as a file of its own, has its first item. */
    private long offsetOfFirstItem(byte[] warc) throws IOException {
        Path file = Files.write(tmp.resolve("alone.warc.gz"), warc);
        return Long.parseLong(read(file, "x").get(0).source().substring(2));
    }

    static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    @Test
    void closingEarlyRemovesThePayloadReadAhead() throws IOException {
        Path warc = site().write(tmp.resolve("site.warc.gz"), true);
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        try (ArchiveItems items = WebArchives.open(warc, "site.warc.gz", scratch, problems::add)) {
            assertThat(items.hasNext()).isTrue();
        }
        try (var left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void webArchivesAreKnownByNameAndFirstBytes() throws IOException {
        Path warc = new WarcFixture().warcinfo().write(tmp.resolve("a.warc"), false);
        Path warcGz = new WarcFixture().warcinfo().write(tmp.resolve("a.warc.gz"), true);
        Path wacz = tmp.resolve("a.wacz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wacz))) {
            stored(zip, "datapackage.json", new byte[0]);
        }
        Path fakeWarc = Files.writeString(tmp.resolve("notes.warc"), "just text");
        Path plainGz = Files.write(tmp.resolve("a.gz"), WarcFixture.gzip(new byte[10]));
        Path uncompressedGz = Files.copy(warc, tmp.resolve("b.warc.gz"));

        assertThat(WebArchives.isWebArchive(warc)).isTrue();
        assertThat(WebArchives.isWebArchive(warcGz)).isTrue();
        assertThat(WebArchives.isWebArchive(wacz)).isTrue();
        assertThat(WebArchives.isWebArchive(fakeWarc)).isFalse();
        assertThat(WebArchives.isWebArchive(plainGz)).isFalse();
        assertThat(WebArchives.isWebArchive(uncompressedGz)).isFalse();
        assertThat(WebArchives.isWebArchive(tmp.resolve("missing.warc"))).isFalse();
    }
}
