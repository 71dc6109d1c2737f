package org.osr.webarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.sweep.SweepItem;
import org.osr.testkit.Programs;
import org.osr.testkit.Slow;

/**
 * What a real site's WARC looks like: a folder of generated pages and documents served by {@code python3 -m
 * http.server} on 127.0.0.1 and recorded by {@code wget --warc-file -r -np}, then read back.
 */
@Slow
class WgetWarcTest {
    @TempDir
    Path tmp;

    @Test
    void aSiteRecordedByWgetYieldsOneItemPerServedDocument() throws Exception {
        assumeTrue(Programs.onPath("wget") && Programs.onPath("python3"), "wget and python3 are needed");
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<html><body><a href=\"notice.html\">通知</a>"
                + "<a href=\"clean.html\">公告</a><a href=\"files/notice.docx\">docx</a>"
                + "<a href=\"files/notice.pdf\">pdf</a><a href=\"files\">files</a></body></html>");
        Files.write(site.resolve("notice.html"), WebArchivesTest.MARKED);
        Files.write(site.resolve("clean.html"), WebArchivesTest.CLEAN);
        Path files = Files.createDirectories(site.resolve("files"));
        Files.write(files.resolve("notice.docx"), WebArchivesTest.docx());
        Files.write(files.resolve("notice.pdf"), WebArchivesTest.pdf());

        Process server = new ProcessBuilder("python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1")
                .directory(site.toFile()).redirectErrorStream(true).start();
        List<SweepItem> items = new ArrayList<>();
        List<ArchiveProblem> problems = new ArrayList<>();
        try {
            int port = port(server);
            Path crawl = Files.createDirectories(tmp.resolve("crawl"));
            Process wget = new ProcessBuilder("wget", "--no-proxy", "--quiet", "--tries=1", "--timeout=10",
                    "-r", "-np", "-P", crawl.toString(), "--warc-file=" + crawl.resolve("site"),
                    "http://127.0.0.1:" + port + "/")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("wget.log").toFile()).start();
            assertThat(wget.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Path warc = crawl.resolve("site.warc.gz");
            assertThat(warc).exists();
            assertThat(WebArchives.isWebArchive(warc)).isTrue();

            try (ArchiveItems it = WebArchives.open(warc, "site.warc.gz", Files.createDirectories(tmp.resolve("s")),
                    problems::add)) {
                it.forEachRemaining(items::add);
            }
            String base = "http://127.0.0.1:" + port + "/";
            System.out.println("items of a WARC written by wget:");
            for (SweepItem i : items) {
                System.out.printf("  %-8s %-45s %6d %s %s %s%n", i.kind(), i.item().replace(base, "/"), i.size(),
                        i.captured(), i.source(), i.incomplete() == null ? "" : "INCOMPLETE " + i.incomplete());
            }
            assertThat(problems).isEmpty();
            assertThat(items).allSatisfy(i -> assertThat(i.incomplete()).isNull());
            assertThat(items).extracting(SweepItem::item).contains(base, base + "notice.html", base + "clean.html",
                    base + "files/notice.docx", base + "files/notice.pdf");
            assertThat(items).filteredOn(i -> i.item().equals(base + "notice.html")).singleElement()
                    .satisfies(i -> assertThat(i.file()).hasBinaryContent(WebArchivesTest.MARKED));
            assertThat(items).filteredOn(i -> i.item().equals(base + "files/notice.pdf")).singleElement()
                    .satisfies(i -> assertThat(i.sha256()).isEqualTo(WarcFixture.sha256(WebArchivesTest.pdf())));
            // wget's request records, warcinfo, its log and arguments, and the redirect of /files are no items
            assertThat(items).extracting(SweepItem::item).noneMatch(u -> u.startsWith("metadata:"))
                    .doesNotContain(base + "files");
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** The port the server chose, from the line it prints when it is ready. */
    private static int port(Process server) throws IOException {
        Pattern serving = Pattern.compile("port (\\d+)");
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            Matcher m = serving.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the server stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("python3 -m http.server did not say which port it serves");
    }
}
