package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.review.DocumentReviewer;
import org.osr.judge.Judge;
import org.osr.review.Opinion;
import org.osr.judge.Verdict;
import org.osr.match.RuleEngine;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.testkit.OfdBuilder;

/**
 * Damage must never make a document quietly shorter and publishable. Every clean sample, and a generated OFD, is
 * mutated — cut short, bits flipped, zip entries removed or emptied — and each mutant is reviewed: a mutant whose
 * extracted text lost characters against the original must not be {@code publishable}. (A mutant that reads the same text, or more, may
 * pass: a flipped bit in an unused byte changes nothing a reader sees.)
 */
class MutationTest {
    private static final List<String> SAMPLES = List.of("notice-clean.docx", "notice-clean.pdf", "notice-clean.html");
    private static final int BIT_FLIPS = 40;
    private static final int CUTS = 12;

    @TempDir
    Path dir;

    @Test
    void noMutantThatLostTextIsPublishable() throws Exception {
        List<String> escaped = new ArrayList<>();
        int mutants = 0;
        for (String sample : SAMPLES) {
            mutants += mutate(Path.of("samples", sample), escaped);
        }
        assertThat(mutants).isGreaterThan(100);
        assertThat(escaped).as("mutants that lost text and were still called publishable").isEmpty();
    }

    @Test
    void noOfdMutantThatLostTextIsPublishable() throws Exception {
        BufferedImage logo = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        Path ofd = OfdBuilder.create().title("关于做好防汛工作的通知").author("区政府办公室")
                .pageOfLines("××区人民政府关于做好防汛工作的通知", "各街道办事处，区政府各部门：", "现将有关事项通知如下。")
                .pageOfLines("一、加强值班值守。", "××区人民政府办公室", "2026年6月1日")
                .template(OfdBuilder.Text.at(150, 15, "××区人民政府")).watermark(1, "样本").note(2, "Highlight", "请核对")
                .image(1, new OfdBuilder.Image(20, 150, 15, 15, logo)).seal(2, 130, 200, 40, 40)
                .write(dir.resolve("notice-clean.ofd"));   // no attachment: embedded files' framing is not checked
        List<String> escaped = new ArrayList<>();
        assertThat(mutate(ofd, escaped)).isGreaterThan(80);
        assertThat(escaped).as("mutants that lost text and were still called publishable").isEmpty();
    }

    /** Reviews each mutant of a publishable sample; adds those that lost text and passed. Returns how many. */
    private int mutate(Path sample, List<String> escaped) throws Exception {
        DocumentReviewer reviewer = new DocumentReviewer(new TikaExtractor(),
                new RuleEngine(PackSources.bundled(new PackLoader())), new Judge(Action.REDACT));
        String name = sample.getFileName().toString();
        byte[] original = Files.readAllBytes(sample);
        Opinion base = reviewer.review(sample, name);
        assertThat(base.verdict()).as(name).isEqualTo(Verdict.PUBLISHABLE);
        long baseChars = base.document().coverage().characters();
        int mutants = 0;
        for (Mutant m : mutants(name, original)) {
            mutants++;
            Path file = dir.resolve(mutants + "-" + name);
            Files.write(file, m.bytes());
            Opinion o = reviewer.review(file, name);
            long chars = o.document().coverage().characters();
            if (o.verdict() == Verdict.PUBLISHABLE && chars < baseChars) {
                escaped.add(name + " " + m.name() + ": " + chars + " of " + baseChars + " characters, publishable");
            }
        }
        return mutants;
    }

    record Mutant(String name, byte[] bytes) {
    }

    static List<Mutant> mutants(String sample, byte[] original) throws IOException {
        List<Mutant> mutants = new ArrayList<>();
        for (int i = 1; i <= CUTS; i++) {
            int at = (int) ((long) original.length * i / (CUTS + 1));
            mutants.add(new Mutant("cut at " + at, java.util.Arrays.copyOf(original, at)));
        }
        Random random = new Random(sample.hashCode());
        for (int i = 0; i < BIT_FLIPS; i++) {
            byte[] flipped = original.clone();
            int at = random.nextInt(flipped.length);
            int bit = random.nextInt(8);
            flipped[at] ^= (byte) (1 << bit);
            mutants.add(new Mutant("bit " + bit + " of byte " + at + " flipped", flipped));
        }
        if (sample.endsWith(".docx") || sample.endsWith(".ofd")) {
            for (String entry : entryNames(original)) {
                mutants.add(new Mutant("without " + entry, rewrite(original, entry, null)));
                mutants.add(new Mutant("empty " + entry, rewrite(original, entry, new byte[0])));
                mutants.add(new Mutant("end tag of " + entry + " cut", rewrite(original, entry, CUT_END)));
            }
        }
        return mutants;
    }

    private static final byte[] CUT_END = new byte[] {-1};

    private static List<String> entryNames(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** The zip with {@code name} removed (null), replaced by {@code content}, or with its last 20 bytes cut. */
    private static byte[] rewrite(byte[] zip, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(name)) {
                    if (content == null) {
                        continue;
                    }
                    data = content == CUT_END ? java.util.Arrays.copyOf(data, Math.max(0, data.length - 20)) : content;
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
