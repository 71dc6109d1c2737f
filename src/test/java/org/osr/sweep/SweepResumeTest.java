package org.osr.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.Main;
import org.osr.review.DocumentResult;
import org.osr.testkit.SampleDocuments;
import org.osr.testkit.SampleNotice;
import org.osr.testkit.Slow;

/**
 * A sweep killed with SIGKILL in the middle, then started again with the same command, ends with every item in the
 * manifest exactly once and every payload in results.jsonl exactly once — real processes, a real kill.
 */
@Slow
class SweepResumeTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void aSweepKilledMidRunResumesAndAccountsForEveryItemOnce() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Set<String> marked = new HashSet<>();
        for (int i = 0; i < 160; i++) {
            boolean secret = i % 10 == 3;
            List<String> lines = new ArrayList<>(secret ? SampleNotice.markedLines() : SampleNotice.cleanLines());
            lines.add("第" + i + "号公告");   // every page its own bytes
            Path page = site.resolve(String.format("p%03d.html", i));
            Files.writeString(page, SampleDocuments.html("公告" + i, lines, null));
            if (secret) {
                marked.add(page.toString());
            }
        }
        for (int i = 0; i < 6; i++) {
            Path pdf = site.resolve("scan-" + i + ".pdf");
            Files.write(pdf, SampleDocuments.pdf(SampleNotice.markedPages(), "notice " + i));
            marked.add(pdf.toString());
        }
        Path out = tmp.resolve("out");

        Process first = sweep(site, out);
        Path manifest = out.resolve("manifest.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lines(manifest) < 25 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(first.isAlive()).as("the sweep was still running when it was killed").isTrue();
        List<ProcessHandle> children = first.descendants().toList();
        first.destroyForcibly();   // SIGKILL: no shutdown hook runs
        children.forEach(ProcessHandle::destroyForcibly);
        first.waitFor(30, TimeUnit.SECONDS);
        int listedBeforeKill = lines(manifest);
        assertThat(listedBeforeKill).isLessThan(166);
        assertThat(SweepState.read(out).status()).isEqualTo(SweepState.RUNNING);

        Process second = sweep(site, out);
        assertThat(second.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(Files.readString(tmp.resolve("err.txt"))).isEqualTo(2);

        List<ManifestEntry> entries = Files.readAllLines(manifest).stream().map(ManifestEntry::fromJson).toList();
        Map<String, Long> perItem = entries.stream().collect(Collectors.groupingBy(ManifestEntry::item,
                Collectors.counting()));
        assertThat(perItem).hasSize(166);
        assertThat(perItem.values()).allMatch(n -> n == 1);
        List<DocumentResult> results = Files.readAllLines(out.resolve("results.jsonl")).stream()
                .map(DocumentResult::fromJson).toList();
        Set<String> reviewedPayloads = entries.stream().map(ManifestEntry::sha256).collect(Collectors.toSet());
        assertThat(results.stream().map(DocumentResult::sha256).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(reviewedPayloads);
        for (ManifestEntry e : entries) {
            assertThat(e.verdict().id()).as(e.item())
                    .isEqualTo(marked.contains(e.item()) ? "withhold" : "publishable");
        }
        assertThat(SweepState.read(out).status()).isEqualTo(SweepState.COMPLETE);
    }

    private Process sweep(Path site, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "sweep", site.toString(), "--out", out.toString(), "--jobs", "2",
                "--progress-every", "10")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve("err.txt").toFile()).start();
    }

    private static int lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        int n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }
}
