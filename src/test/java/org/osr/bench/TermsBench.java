package org.osr.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.match.Hit;
import org.osr.match.RuleEngine;
import org.osr.normalize.NormalizedText;
import org.osr.normalize.Normalizer;
import org.osr.rules.Matcher;
import org.osr.rules.PackLoader;
import org.osr.rules.RulePack;

/**
 * Benchmark for an office's large sensitive-terms list (not a unit test; run by hand with {@code scripts/bench-terms}).
 * <ol>
 *   <li>50,000 synthetic terms (80% CJK of 2–4 characters, 20% ASCII words; fixed seed) in a terms file, a pack that
 *       names it with {@code terms-file:}; times {@code PackLoader.load} + {@code new RuleEngine} (5 runs, median).</li>
 *   <li>About 10 M characters of mixed Chinese/English text with terms planted in it; times
 *       {@code engine.match(Part.of(BODY, text, null))} (2 warm-up runs, then 5, median), in M chars/s.</li>
 *   <li>Terms files of 5, 20 and 60 MiB (or the sizes given as arguments, in MiB): Chinese terms of 2–8 characters
 *       and 20% Latin words of 4–12 letters; times load + compile (3 runs, median) and prints the time per MiB,
 *       which stays flat when loading is linear in the file's size.</li>
 * </ol>
 * Targets (issue): load+compile &lt; 2 s, match &gt; 50 M chars/s. To show where time goes, the load is split into
 * pack loading and engine construction, and the match into normalization and matching on the normalized text.
 * Timings on a shared machine vary; this prints figures and asserts nothing.
 */
public final class TermsBench {
    static final int TERMS = 50_000;
    static final int TEXT_CHARS = 10_000_000;
    static final long SEED = 20261123L;
    /** CJK characters are drawn from this many code points from U+4E00 (dense enough that random text hits terms). */
    static final int CJK_POOL = 3_000;
    static final int RUNS = 5;
    static final int WARMUPS = 2;
    static final int LIST_RUNS = 3;
    /** Large lists draw on more characters, as a real list of names and phrases does. */
    static final int LIST_CJK_POOL = 6_000;

    private TermsBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> listMiB = args.length == 0 ? List.of(5, 20, 60)
                : Arrays.stream(args).map(Integer::valueOf).toList();
        Random random = new Random(SEED);
        List<String> terms = terms(random);
        Path dir = Files.createTempDirectory("osr-terms-bench");
        Path termsFile = dir.resolve("bench-terms.txt");
        Files.writeString(termsFile, "# synthetic benchmark list\n" + String.join("\n", terms) + "\n",
                StandardCharsets.UTF_8);
        Path pack = packNaming(termsFile);
        System.out.printf("machine: %d cores, java %s, max heap %,d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("terms: %,d (%,d bytes in %s)%n", terms.size(), Files.size(termsFile), termsFile);

        // (a) load + compile
        long[] load = new long[RUNS];
        long[] loadOnly = new long[RUNS];
        long[] compileOnly = new long[RUNS];
        RuleEngine engine = null;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            RulePack loaded = new PackLoader().load(pack);
            long t1 = System.nanoTime();
            engine = new RuleEngine(List.of(loaded));
            long t2 = System.nanoTime();
            load[i] = t2 - t0;
            loadOnly[i] = t1 - t0;
            compileOnly[i] = t2 - t1;
            System.out.printf("  load+compile run %d: %,d ms (PackLoader.load %,d ms, new RuleEngine %,d ms)%n",
                    i + 1, ms(load[i]), ms(loadOnly[i]), ms(compileOnly[i]));
        }
        System.out.printf("load+compile median: %,d ms (PackLoader.load %,d ms, new RuleEngine %,d ms); target < 2000 ms%n",
                ms(median(load)), ms(median(loadOnly)), ms(median(compileOnly)));

        // (b) match
        int[] planted = new int[1];
        String text = text(random, terms, planted);
        Part part = Part.of(PartKind.BODY, text, null);
        System.out.printf("text: %,d chars, %,d terms planted%n", text.length(), planted[0]);
        int hits = 0;
        for (int i = 0; i < WARMUPS; i++) {
            hits = engine.match(part).size();
        }
        long[] match = new long[RUNS];
        long[] normalizeOnly = new long[RUNS];
        long[] matchNormalized = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            List<Hit> found = engine.match(part);
            long t1 = System.nanoTime();
            match[i] = t1 - t0;
            hits = found.size();
            // The same work in two halves, to see where the time goes.
            long t2 = System.nanoTime();
            NormalizedText normalized = Normalizer.normalize(text);
            long t3 = System.nanoTime();
            engine.match(part, normalized);
            long t4 = System.nanoTime();
            normalizeOnly[i] = t3 - t2;
            matchNormalized[i] = t4 - t3;
            System.out.printf("  match run %d: %,d ms = %.1f M chars/s (normalize %,d ms, match on normalized %,d ms)%n",
                    i + 1, ms(match[i]), mcps(text.length(), match[i]), ms(normalizeOnly[i]), ms(matchNormalized[i]));
        }
        System.out.printf("match median: %.1f M chars/s (%,d ms; normalize %.1f M chars/s, match on normalized"
                        + " %.1f M chars/s); target > 50 M chars/s%n",
                mcps(text.length(), median(match)), ms(median(match)), mcps(text.length(), median(normalizeOnly)),
                mcps(text.length(), median(matchNormalized)));
        System.out.printf("hits: %,d%n", hits);
        System.out.printf("summary: terms=%d load+compile_ms=%d match_mchars_per_s=%.1f hits=%d%n", terms.size(),
                ms(median(load)), mcps(text.length(), median(match)), hits);
        Files.deleteIfExists(termsFile);
        Files.deleteIfExists(pack);

        // (c) large lists: load + compile time against file size
        for (int mib : listMiB) {
            largeList(dir, mib, random);
        }
        Files.deleteIfExists(dir);
    }

    /** A pack beside {@code termsFile} with one rule that names it. */
    static Path packNaming(Path termsFile) throws java.io.IOException {
        String name = termsFile.getFileName().toString();
        Path pack = termsFile.resolveSibling(name.replace(".txt", ".yaml"));
        Files.writeString(pack, """
                pack: bench-terms
                version: "2026.11"
                title: {zh: 基准测试词表, en: Benchmark terms}
                rules:
                  - id: bench.term
                    category: sensitive-term
                    action: refer
                    message: {zh: 基准测试, en: Benchmark}
                    terms-file: %s
                """.formatted(name), StandardCharsets.UTF_8);
        return pack;
    }

    /** Writes a list of about {@code mib} MiB beside a pack that names it, and times load + compile. */
    static void largeList(Path dir, int mib, Random random) throws Exception {
        Path termsFile = dir.resolve("large-terms.txt");
        long bytes = writeList(termsFile, (long) mib << 20, random);
        Path pack = packNaming(termsFile);
        long[] total = new long[LIST_RUNS];
        long[] loadOnly = new long[LIST_RUNS];
        long[] compileOnly = new long[LIST_RUNS];
        int count = 0;
        for (int i = 0; i < LIST_RUNS; i++) {
            long t0 = System.nanoTime();
            RulePack loaded = new PackLoader().load(pack);
            long t1 = System.nanoTime();
            RuleEngine engine = new RuleEngine(List.of(loaded));
            long t2 = System.nanoTime();
            count = ((Matcher.Terms) loaded.rules().get(0).matcher()).terms().size();
            String probe = ((Matcher.Terms) loaded.rules().get(0).matcher()).terms().get(count / 2);
            if (engine.match(Part.of(PartKind.BODY, "通知 " + probe + " 正文")).isEmpty()) {
                throw new AssertionError("a listed term was not found: " + probe);
            }
            total[i] = t2 - t0;
            loadOnly[i] = t1 - t0;
            compileOnly[i] = t2 - t1;
            System.out.printf("  %d MiB list run %d: %,d ms (PackLoader.load %,d ms, new RuleEngine %,d ms)%n", mib,
                    i + 1, ms(total[i]), ms(loadOnly[i]), ms(compileOnly[i]));
        }
        System.out.printf("list of %d MiB (%,d bytes, %,d terms): load+compile median %,d ms (PackLoader.load %,d ms,"
                        + " new RuleEngine %,d ms), %,d ms per MiB%n", mib, bytes, count, ms(median(total)),
                ms(median(loadOnly)), ms(median(compileOnly)), ms(median(total)) / Math.max(1, mib));
        Files.deleteIfExists(termsFile);
        Files.deleteIfExists(pack);
    }

    /** 80% Chinese terms of 2–8 characters, 20% Latin words of 4–12 letters, distinct, until {@code target} bytes. */
    static long writeList(Path file, long target, Random random) throws java.io.IOException {
        Set<String> seen = new java.util.HashSet<>();
        long bytes = 0;
        try (java.io.Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# synthetic large list\n");
            while (bytes < target) {
                String term = random.nextInt(5) < 4 ? cjk(random, 2 + random.nextInt(7), LIST_CJK_POOL)
                        : word(random, 4 + random.nextInt(9));
                if (seen.add(term)) {
                    out.write(term);
                    out.write('\n');
                    bytes += term.getBytes(StandardCharsets.UTF_8).length + 1;
                }
            }
        }
        return Files.size(file);
    }

    /** 80% CJK terms of 2–4 characters, 20% ASCII words of 5–10 letters; distinct, in generation order. */
    static List<String> terms(Random random) {
        Set<String> terms = new LinkedHashSet<>();
        int cjk = TERMS * 4 / 5;
        while (terms.size() < cjk) {
            terms.add(cjk(random, 2 + random.nextInt(3)));
        }
        while (terms.size() < TERMS) {
            terms.add(word(random, 5 + random.nextInt(6)));
        }
        return new ArrayList<>(terms);
    }

    /**
     * Lines of about 60–120 characters, mostly Chinese with English words mixed in; roughly every 2,000 characters a
     * listed term is planted (with a space before an ASCII one, so it stands as a word).
     */
    static String text(Random random, List<String> terms, int[] planted) {
        StringBuilder sb = new StringBuilder(TEXT_CHARS + 200);
        int nextPlant = 2_000;
        while (sb.length() < TEXT_CHARS) {
            int lineLength = 60 + random.nextInt(61);
            int lineStart = sb.length();
            while (sb.length() - lineStart < lineLength) {
                if (random.nextInt(10) < 7) {
                    sb.append(cjk(random, 1 + random.nextInt(6)));
                    if (random.nextInt(8) == 0) {
                        sb.append('，');
                    }
                } else {
                    sb.append(' ').append(word(random, 2 + random.nextInt(8))).append(' ');
                }
                if (sb.length() >= nextPlant) {
                    String term = terms.get(random.nextInt(terms.size()));
                    sb.append(' ').append(term).append(' ');
                    planted[0]++;
                    nextPlant += 2_000;
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cjk(Random random, int length) {
        return cjk(random, length, CJK_POOL);
    }

    private static String cjk(Random random, int length, int pool) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) (0x4E00 + random.nextInt(pool)));
        }
        return sb.toString();
    }

    private static String word(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static double mcps(int chars, long nanos) {
        return chars / (nanos / 1e9) / 1e6;
    }
}
