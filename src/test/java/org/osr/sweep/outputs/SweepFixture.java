package org.osr.sweep.outputs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.osr.extract.TikaExtractor;
import org.osr.judge.Judge;
import org.osr.match.RuleEngine;
import org.osr.review.DocumentResult;
import org.osr.review.DocumentReviewer;
import org.osr.review.Fingerprint;
import org.osr.review.Masking;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.rules.RulePack;
import org.osr.sweep.ManifestEntry;
import org.osr.sweep.SweepItem;
import org.osr.testkit.DocxSpec;
import org.osr.testkit.SampleDocuments;
import org.osr.testkit.SampleNotice;

/**
 * A small archive reviewed with the real review core and the bundled packs, written as a sweep writes its folder:
 * marked DOCX and PDF, an HTML page with an ID number, an HTML page whose title is script and a formula, a clean page,
 * an encrypted PDF, a copy of the marked DOCX, a web-archive record, a missing file and a skipped one.
 */
final class SweepFixture {
    static final String ID_NUMBER = "11010519491231002X";
    static final String HOSTILE_TITLE = "=HYPERLINK(\"http://x\")<script>alert(1)</script>内部资料通知";
    static final String RECORD_URL = "https://www.example.gov.cn/xxgk/2016/%E9%80%9A%E7%9F%A5.html?id=7";
    static final String REVIEWED_AT = "2026-11-30T10:00:00Z";

    /** One item of the archive: its manifest line and, when its payload was reviewed, the result. */
    record Item(SweepItem item, ManifestEntry entry, DocumentResult result) {
    }

    static List<RulePack> packs() throws Exception {
        return PackSources.bundled(new PackLoader());
    }

    static SweepRun run(List<RulePack> packs, String shard) {
        return new SweepRun("0.test", packs.stream().map(SweepRun.PackRef::of).toList(), "2026-11-30T09:00:00Z",
                "2026-11-30T09:05:00Z", "redact", List.of("archive"), shard);
    }

    /** Writes the documents into {@code root/archive} and reviews each once, as the payloads of a sweep. */
    static List<Item> build(Path root, List<RulePack> packs) throws Exception {
        Path archive = Files.createDirectories(root.resolve("archive"));
        Path marked = write(archive.resolve("notice-marked.docx"), SampleDocuments.docx(
                DocxSpec.of(SampleNotice.TITLE, SampleNotice.markedLines())));
        Path pdf = write(archive.resolve("通知-2016.pdf"), SampleDocuments.pdf(SampleNotice.markedPages(), null));
        Path personal = write(archive.resolve("applicants.html"), SampleDocuments.html("申请人名单",
                List.of("申请人：张三", "公民身份号码：" + ID_NUMBER), null).getBytes(StandardCharsets.UTF_8));
        Path hostile = write(archive.resolve("hostile.html"), SampleDocuments.html(HOSTILE_TITLE,
                List.of("内部资料 注意保存", "本通知印发至各科室。"), null).getBytes(StandardCharsets.UTF_8));
        Path clean = write(archive.resolve("clean.html"), SampleDocuments.html("关于开展植树活动的通知",
                List.of("各单位：", "定于三月十二日开展义务植树活动。"), null).getBytes(StandardCharsets.UTF_8));
        Path locked = write(archive.resolve("locked.pdf"), SampleDocuments.encryptedPdf(SampleNotice.cleanPages(),
                "locked"));
        Path copy = Files.createDirectories(archive.resolve("copies")).resolve("notice-marked (1).docx");
        Files.copy(marked, copy);
        Path recordPayload = write(root.resolve("record-payload.html"), SampleDocuments.html("",
                List.of("联系人身份证号 " + ID_NUMBER.substring(0, 17) + "X", "机密★5年"), null)
                .getBytes(StandardCharsets.UTF_8));

        Masking masking = Masking.of(packs);
        Fingerprint fingerprints = Fingerprint.withKey(new byte[32]);
        DocumentReviewer reviewer = new DocumentReviewer(new TikaExtractor(), new RuleEngine(packs),
                new Judge(Action.REDACT));
        List<Item> items = new ArrayList<>();
        Set<String> reviewed = new HashSet<>();
        for (Path file : List.of(marked, pdf, personal, hostile, clean, locked, copy)) {
            String shown = root.relativize(file).toString();
            SweepItem item = SweepItem.file(file.toAbsolutePath().normalize().toString(), shown, file,
                    Files.size(file), Instant.parse("2026-06-01T00:00:00Z"));
            DocumentResult r = DocumentResult.of(reviewer.review(file, shown), masking, fingerprints);
            items.add(reviewedItem(item, r, reviewed));
        }
        SweepItem record = new SweepItem("<urn:uuid:7f0e7f0e-0000-4000-8000-000000000001>", RECORD_URL,
                SweepItem.RESPONSE, recordPayload, true, Files.size(recordPayload),
                Instant.parse("2024-03-05T08:09:10Z"), Instant.parse("2024-03-05T08:09:10Z"), null,
                "site.warc.gz#1234", null);
        items.add(reviewedItem(record, DocumentResult.of(reviewer.review(recordPayload, RECORD_URL), masking,
                fingerprints), reviewed));
        items.add(new Item(null, new ManifestEntry("archive/missing.pdf", "/archive/missing.pdf", SweepItem.FILE, null,
                -1, null, null, null, ManifestEntry.ERROR, null, List.of(), null,
                "missing: NoSuchFileException", null), null));
        items.add(new Item(null, new ManifestEntry("archive/.hidden/notes.txt", "/archive/.hidden/notes.txt",
                SweepItem.FILE, null, 12, "2026-06-01T00:00:00Z", null, null, ManifestEntry.SKIPPED, null, List.of(),
                null, "hidden: a hidden file", null), null));
        return items;
    }

    private static Item reviewedItem(SweepItem item, DocumentResult r, Set<String> reviewed) {
        List<String> categories = r.findings().stream().filter(f -> f.waiver() == null)
                .map(DocumentResult.Finding::category).distinct().sorted().toList();
        ManifestEntry entry = new ManifestEntry(item.item(), item.key(), item.kind(), item.source(), item.size(),
                item.modified().toString(), item.captured() == null ? null : item.captured().toString(), r.sha256(),
                ManifestEntry.REVIEWED, r.verdict(), categories, r.title(), null, REVIEWED_AT);
        return new Item(item, entry, r);
    }

    /**
     * Writes the items {@code which} selects as one sweep folder: the first item of a payload in it is reviewed
     * (its result in results.jsonl), the others are duplicates.
     */
    static Path writeSweep(Path dir, List<Item> items, IntPredicate which, SweepRun run) throws IOException {
        Files.createDirectories(dir);
        StringBuilder manifest = new StringBuilder();
        StringBuilder results = new StringBuilder();
        Set<String> payloads = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!which.test(i)) {
                continue;
            }
            Item it = items.get(i);
            ManifestEntry e = it.entry();
            if (it.result() != null && !payloads.add(e.sha256())) {
                e = new ManifestEntry(e.item(), e.key(), e.kind(), e.source(), e.size(), e.modified(), e.captured(),
                        e.sha256(), ManifestEntry.DUPLICATE, e.verdict(), e.categories(), e.title(), e.reason(),
                        e.reviewedAt());
            } else if (it.result() != null) {
                results.append(it.result().toJson()).append('\n');
            }
            manifest.append(e.toJson()).append('\n');
        }
        Files.writeString(dir.resolve("manifest.jsonl"), manifest, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.jsonl"), results, StandardCharsets.UTF_8);
        run.write(dir);
        return dir;
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }
}
