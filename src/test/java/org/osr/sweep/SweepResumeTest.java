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
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.osr.cli.Main;
import org.osr.index.OsrAnalyzers;
import org.osr.index.PartFields;
import org.osr.index.PartIndex;
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
        killAndResume(false);
    }

    /**
     * With {@code --index}, committing every 20 items: the kill loses the uncommitted parts of items the manifest
     * already lists, and the resumed sweep reads exactly those again, so the index ends holding every item once.
     */
    @Test
    @Timeout(300)
    void anIndexingSweepKilledMidRunLeavesAnIndexTheResumedSweepCompletes() throws Exception {
        killAndResume(true);
        Path index = tmp.resolve("index");
        List<ManifestEntry> entries = Files.readAllLines(tmp.resolve("out/manifest.jsonl")).stream()
                .map(ManifestEntry::fromJson).toList();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (ManifestEntry e : entries) {
                TopDocs files = searcher.search(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(PartIndex.RECORD, PartIndex.RECORD_FILE)), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(PartIndex.PATH, e.item())), BooleanClause.Occur.FILTER).build(), 5);
                assertThat(files.totalHits.value).as(e.item()).isEqualTo(1);
                assertThat(searcher.storedFields().document(files.scoreDocs[0].doc).get(PartIndex.SHA256))
                        .as(e.item()).isEqualTo(e.sha256());
                assertThat(searcher.count(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(PartIndex.RECORD, PartIndex.RECORD_PART)), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(PartIndex.PATH, e.item())), BooleanClause.Occur.FILTER).build()))
                        .as("pages of " + e.item()).isGreaterThan(0);
            }
            assertThat(searcher.count(new TermQuery(new Term(PartIndex.RECORD, PartIndex.RECORD_FILE))))
                    .isEqualTo(166);
            // the marking is findable in every marked item's text, and only there
            assertThat(searcher.count(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PartIndex.RECORD, PartIndex.RECORD_PART)), BooleanClause.Occur.FILTER)
                    .add(OsrAnalyzers.queries().createPhraseQuery(PartFields.BIGRAMS, "机密★5年"),
                            BooleanClause.Occur.MUST).build())).isGreaterThanOrEqualTo(16 + 6);
        }
    }

    private void killAndResume(boolean withIndex) throws Exception {
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

        Process first = sweep(site, out, withIndex);
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

        if (withIndex) {
            assertThat(Files.readString(tmp.resolve("err.txt"))).doesNotContain("Exception");
            assertThat(committedFiles(tmp.resolve("index"))).as("items whose parts the kill lost")
                    .isLessThan(listedBeforeKill);
        }
        Process second = sweep(site, out, withIndex);
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

    private Process sweep(Path site, Path out, boolean withIndex) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-D" + SweepIndex.COMMIT_EVERY_PROPERTY
                + "=20", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sweep", site.toString(),
                "--out", out.toString(), "--jobs", "2", "--progress-every", "10"));
        if (withIndex) {
            command.addAll(List.of("--index", tmp.resolve("index").toString()));
        }
        return new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve("err.txt").toFile()).start();
    }

    private static int committedFiles(Path index) throws IOException {
        if (!Files.isDirectory(index) || !DirectoryReader.indexExists(FSDirectory.open(index))) {
            return 0;
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(PartIndex.RECORD, PartIndex.RECORD_FILE)));
        }
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
