package org.osr.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.Main;
import org.osr.testkit.SampleDocuments;
import org.osr.testkit.SampleNotice;
import org.osr.testkit.Slow;

/**
 * A worker child killed with SIGKILL in the middle of a file: the sweep carries on with a new child, the file is
 * reviewed again, and the sweep ends normally with every item accounted for. Real processes, a real kill.
 */
@Slow
class SweepWorkerKillTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void aWorkerKilledMidFileIsReplacedAndTheFileStillReviewed() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        // A long page (several seconds of work for one child; a generous --timeout so the retry is not cut short) with a marking at its end, and a few small ones.
        Files.writeString(site.resolve("long.html"), SampleDocuments.longHtml(6_000_000, SampleNotice.MARKING));
        for (int i = 0; i < 4; i++) {
            Files.writeString(site.resolve("small-" + i + ".html"), SampleDocuments.html("公告" + i,
                    SampleNotice.cleanLines(), null));
        }
        Path out = tmp.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process sweep = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "sweep", site.resolve("long.html").toString(), site.toString(), "--out",
                out.toString(), "--jobs", "1", "--timeout", "600", "-q")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve("err.txt").toFile()).start();

        // The first child reviews long.html first (it is named first); kill it once it has worked on it for a while.
        Set<Long> workers = new HashSet<>();
        ProcessHandle first = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (first == null && System.nanoTime() < deadline) {
            first = sweep.children().findFirst().orElse(null);   // the sweep's only children are its workers
            Thread.sleep(50);
        }
        assertThat(first).as("a worker child started").isNotNull();
        workers.add(first.pid());
        Thread.sleep(5_000);
        assertThat(first.isAlive()).as("the child was still busy with the long file").isTrue();
        first.destroyForcibly();   // SIGKILL

        while (sweep.isAlive()) {
            sweep.children().forEach(p -> workers.add(p.pid()));
            Thread.sleep(100);
        }
        assertThat(sweep.exitValue()).as(Files.readString(tmp.resolve("err.txt"))).isEqualTo(2);
        assertThat(workers).as("a new child took over").hasSizeGreaterThan(1);
        List<ManifestEntry> entries = Files.readAllLines(out.resolve("manifest.jsonl")).stream()
                .map(ManifestEntry::fromJson).toList();
        assertThat(entries).hasSize(5);
        ManifestEntry longPage = entries.stream().filter(e -> e.item().endsWith("long.html")).findFirst().orElseThrow();
        assertThat(longPage.status()).isEqualTo("reviewed");
        assertThat(longPage.verdict().id()).isEqualTo("withhold");
    }
}
