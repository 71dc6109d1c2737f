package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.osr.judge.DocumentReviewer;
import org.osr.judge.Judge;
import org.osr.judge.Opinion;
import org.osr.judge.Verdict;
import org.osr.match.RuleEngine;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;

/**
 * Damage must never make a document quietly shorter and publishable. Every clean sample is mutated — cut short, bits
 * flipped, zip entries removed or emptied — and each mutant is reviewed: a mutant whose extracted text lost
 * characters against the original must not be {@code publishable}. (A mutant that reads the same text, or more, may
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
        DocumentReviewer reviewer = new DocumentReviewer(new TikaExtractor(),
                new RuleEngine(PackSources.bundled(new PackLoader())), new Judge(Action.REDACT));
        List<String> escaped = new ArrayList<>();
        int mutants = 0;
        for (String sample : SAMPLES) {
            byte[] original = Files.readAllBytes(Path.of("samples", sample));
            Opinion base = reviewer.review(Path.of("samples", sample), sample);
            assertThat(base.verdict()).as(sample).isEqualTo(Verdict.PUBLISHABLE);
            long baseChars = base.document().coverage().characters();
            for (Mutant m : mutants(sample, original)) {
                mutants++;
                Path file = dir.resolve(mutants + "-" + sample);
                Files.write(file, m.bytes());
                Opinion o = reviewer.review(file, sample);
                long chars = o.document().coverage().characters();
                if (o.verdict() == Verdict.PUBLISHABLE && chars < baseChars) {
                    escaped.add(sample + " " + m.name() + ": " + chars + " of " + baseChars + " characters, publishable");
                }
            }
        }
        assertThat(mutants).isGreaterThan(100);
        assertThat(escaped).as("mutants that lost text and were still called publishable").isEmpty();
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
        if (sample.endsWith(".docx")) {
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
