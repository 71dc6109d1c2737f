package org.osr.webarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.Main;
import org.osr.review.DocumentResult;
import org.osr.sweep.ManifestEntry;
import org.osr.testkit.Slow;

/**
 * {@code osr sweep} over a site kept as a web archive: each capture is an item under its URL and capture time, the
 * same bytes at two URLs and a revisit are reviewed once, an incomplete capture and a cut archive are never passed.
 */
@Slow
class WebArchiveSweepTest {
    private static final String SITE = WarcFixture.SITE;

    @TempDir
    Path tmp;

    private static int osr(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        return Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(sink, true,
                StandardCharsets.UTF_8), new PrintStream(sink, true, StandardCharsets.UTF_8));
    }

    @Test
    void aWebArchiveIsSweptCaptureByCapture() throws Exception {
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        WarcFixture.site(archive);
        Path out = tmp.resolve("out");

        int code = osr("sweep", archive.toString(), "--out", out.toString(), "-q");

        assertThat(code).as("an archive cut short is an input that could not be read").isEqualTo(65);
        List<ManifestEntry> entries = Files.readAllLines(out.resolve("manifest.jsonl")).stream()
                .map(ManifestEntry::fromJson).toList();
        Map<String, List<ManifestEntry>> byUrl = entries.stream().collect(Collectors.groupingBy(ManifestEntry::item));
        ManifestEntry first = byUrl.get(SITE + "notice.html").stream().filter(e -> e.kind().equals("response"))
                .findFirst().orElseThrow();
        assertThat(first.status()).isEqualTo("reviewed");
        assertThat(first.verdict().id()).isEqualTo("withhold");
        assertThat(first.captured()).isEqualTo(WarcFixture.day(0).toString());
        assertThat(first.source()).startsWith(archive.resolve("site.warc.gz") + "#");
        ManifestEntry revisit = byUrl.get(SITE + "notice.html").stream().filter(e -> e.kind().equals("revisit"))
                .findFirst().orElseThrow();
        assertThat(revisit.status()).isEqualTo("duplicate");
        assertThat(revisit.verdict().id()).isEqualTo("withhold");
        assertThat(revisit.captured()).isEqualTo(WarcFixture.day(30).toString());
        assertThat(byUrl.get(SITE + "mirror/notice.html").get(0).status()).isEqualTo("duplicate");
        assertThat(byUrl.get(SITE + "clean.html").get(0).verdict().id()).isEqualTo("publishable");
        // A capture the crawler cut short is never publishable.
        ManifestEntry cutCapture = byUrl.get(SITE + "big.html").get(0);
        assertThat(cutCapture.verdict().id()).isEqualTo("unreviewable");
        // An archive that ends inside a record: its readable records are items, and the fault is an error line.
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.status()).isEqualTo("error");
            assertThat(e.source()).contains("cut.warc.gz");
            assertThat(e.verdict().id()).isEqualTo("unreviewable");
        });
        assertThat(byUrl.get(SITE + "old.html").get(0).verdict().id()).isEqualTo("publishable");

        List<DocumentResult> results = Files.readAllLines(out.resolve("results.jsonl")).stream()
                .map(DocumentResult::fromJson).toList();
        assertThat(results.stream().map(DocumentResult::sha256)).doesNotHaveDuplicates();
        DocumentResult big = results.stream().filter(r -> r.path().equals(SITE + "big.html")).findFirst()
                .orElseThrow();
        assertThat(big.coverage().problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("cut-short"));

        // The same archive swept again: every capture unchanged, nothing reviewed again.
        osr("sweep", archive.toString(), "--out", out.toString(), "-q");
        List<ManifestEntry> again = Files.readAllLines(out.resolve("manifest.jsonl")).stream()
                .map(ManifestEntry::fromJson).toList();
        assertThat(again).hasSameSizeAs(entries);
        assertThat(again.stream().map(ManifestEntry::status)).doesNotContain("reviewed");
    }

    @Test
    void withAnIndexEachCaptureIsIndexedUnderItsUrlAndCaptureTime() throws Exception {
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        new WarcFixture().warcinfo()
                .response(SITE + "notice.html", WarcFixture.day(0), WarcFixture.gzipChunked("text/html", WarcFixture.MARKED), WarcFixture.MARKED)
                .response(SITE + "mirror/notice.html", WarcFixture.day(0), WarcFixture.ok("text/html", WarcFixture.MARKED), WarcFixture.MARKED)
                .response(SITE + "clean.html", WarcFixture.day(2), WarcFixture.ok("text/html", WarcFixture.CLEAN), WarcFixture.CLEAN)
                .revisit(SITE + "notice.html", WarcFixture.day(30), WarcFixture.MARKED)
                .write(archive.resolve("site.warc.gz"), true);
        Path index = tmp.resolve("index");

        int code = osr("sweep", archive.toString(), "--out", tmp.resolve("out").toString(), "--index",
                index.toString(), "-q");

        assertThat(code).isEqualTo(2);
        Map<String, String> texts = new java.util.TreeMap<>();
        try (var reader = org.apache.lucene.index.DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(index))) {
            var searcher = new org.apache.lucene.search.IndexSearcher(reader);
            var stored = searcher.storedFields();
            for (var hit : searcher.search(new org.apache.lucene.search.MatchAllDocsQuery(), 1000).scoreDocs) {
                var doc = stored.document(hit.doc);
                texts.merge(doc.get(org.osr.index.PartIndex.PATH), doc.get(org.osr.index.PartIndex.TEXT) == null ? ""
                        : doc.get(org.osr.index.PartIndex.TEXT), String::concat);
            }
        }
        assertThat(texts.keySet()).as("the revisit carries no payload of its own").containsExactlyInAnyOrder(
                SITE + "notice.html @ " + WarcFixture.day(0), SITE + "mirror/notice.html @ " + WarcFixture.day(0),
                SITE + "clean.html @ " + WarcFixture.day(2));
        assertThat(texts.get(SITE + "notice.html @ " + WarcFixture.day(0))).as("the gzip-chunked body, decoded")
                .contains(org.osr.testkit.SampleNotice.TITLE);
    }
}
