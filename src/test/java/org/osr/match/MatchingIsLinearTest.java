package org.osr.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.rules.Example;
import org.osr.rules.Matcher;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.rules.Rule;
import org.osr.rules.RulePack;
import org.osr.testkit.Slow;

/**
 * Matching time grows linearly with the text, whatever the text holds. A document built to be as bad as possible
 * for the bundled rules (their own trigger words, thousands of times on one line) must match in at most a fixed
 * multiple of the time plain Chinese text of the same length takes. The figures are ratios of medians of a few runs
 * after warm-up, not wall-clock limits: a quadratic path makes the ratio grow with the length (2,348 for the word
 * lines on the code before), a linear engine keeps it at the cost of running the pack's regexes over the text
 * (measured on 2 cores: 5-155 for a pack's line, 14-20 for the word lines, 200-420 for the short lines).
 */
@Slow
class MatchingIsLinearTest {
    /** Half a million chars on one line: 0.5 MB of UTF-8 in English, 1.5 MB in Chinese. */
    private static final int LINE_CHARS = 1 << 19;
    /** One word repeated over one line: long enough for a quadratic path to cost far more than the line itself. */
    private static final int WORD_LINE_CHARS = 32 << 10;
    private static final int RUNS = 3;
    /** Plain text takes a few milliseconds: more runs keep one pause from moving its median. */
    private static final int BASELINE_RUNS = 9;
    /** A pack's whole rule set against plain text, which matches no literal, so runs no regex at all. */
    private static final double MAX_RATIO_PACK_LINE = 400;
    /**
     * Every bundled rule, every regex, a finding on almost every line, against a baseline of a millisecond or two: the
     * ratio wanders (200-420 measured), while a path quadratic in the number of lines would put it past 10,000.
     */
    private static final double MAX_RATIO_SHORT_LINES = 2000;
    /** One word per line: few rules run, so the ratio to plain text is lower and so is the limit. */
    private static final double MAX_RATIO_WORD_LINES = 100;
    private static final String NEUTRAL = "各地区各部门要认真贯彻落实党中央国务院决策部署切实做好防汛抗旱工作确保人民群众生命财产安全";

    private static List<RulePack> bundled;
    private static RuleEngine all;

    @BeforeAll
    static void loadAndWarmUp() throws Exception {
        bundled = PackSources.bundled(new PackLoader());
        all = new RuleEngine(bundled);
        String sample = String.join(" ", allWords(true));
        for (int i = 0; i < 20; i++) {
            all.match(Part.of(PartKind.BODY, sample));
            all.match(Part.of(PartKind.BODY, sample.replace(' ', '\n')));
        }
    }

    static Stream<String> bundledPacks() {
        return PackSources.BUNDLED.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledPacks")
    void oneHugeLineOfAPacksTriggerWordsMatchesInLinearTime(String file) {
        RulePack pack = bundled.get(PackSources.BUNDLED.indexOf(file));
        RuleEngine engine = new RuleEngine(List.of(pack));
        String line = runsOf(triggerWords(pack, true), LINE_CHARS);
        String plain = plain(line.length());

        double ratio = ratio(() -> engine.match(Part.of(PartKind.BODY, line)),
                () -> engine.match(Part.of(PartKind.BODY, plain)));

        report(pack.id() + ": one line of " + line.length() + " chars", ratio);
        assertThat(ratio).as("%s: time on its trigger words / time on plain text", pack.id())
                .isLessThan(MAX_RATIO_PACK_LINE);
    }

    /** The 320 KB line of {@code 密码电报 } that took 68 s: one label, repeated, never makes a cluster. */
    @Test
    void everyTriggerWordRepeatedAloneOnALongLineMatchesInLinearTime() {
        List<String> lines = new ArrayList<>();
        for (String word : allWords(false)) {
            lines.add(runsOf(List.of(word), WORD_LINE_CHARS));
        }
        String plain = plain(WORD_LINE_CHARS);

        double ratio = ratio(() -> lines.forEach(l -> all.match(Part.of(PartKind.BODY, l))),
                () -> lines.forEach(l -> all.match(Part.of(PartKind.BODY, plain))));

        report(lines.size() + " words, each alone on a line", ratio);
        assertThat(ratio).isLessThan(MAX_RATIO_WORD_LINES);
    }

    @Test
    void manyShortLinesOfEveryPacksTriggerWordsMatchInLinearTime() {
        List<String> words = allWords(true);
        StringBuilder text = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (int i = 0; text.length() < LINE_CHARS / 2; i++) {
            String word = words.get(i % words.size());
            text.append(word).append('\n');
            plain.append(NEUTRAL, 0, Math.min(NEUTRAL.length(), Math.max(1, word.length()))).append('\n');
        }
        Part triggers = new Part(PartKind.BODY, text.toString().replace("\n\n", "\n\f"), true, null, null);
        Part neutral = new Part(PartKind.BODY, plain.toString(), true, null, null);

        double ratio = ratio(() -> all.match(triggers), () -> all.match(neutral));

        report(text.length() + " chars in short lines", ratio);
        assertThat(ratio).isLessThan(MAX_RATIO_SHORT_LINES);
    }

    /** Median time of {@code work} divided by median time of {@code baseline}. */
    private static double ratio(Runnable work, Runnable baseline) {
        return (double) median(work, RUNS) / Math.max(1, median(baseline, BASELINE_RUNS));
    }

    private static long median(Runnable work, int runs) {
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[runs / 2];
    }

    private static void report(String what, double ratio) {
        System.out.printf("matching is linear: %s: %.1f x plain text%n", what, ratio);
    }

    /**
     * A pack's literals (terms, the literals a regex requires, cluster labels) and, with {@code examples}, the strings
     * its rules' examples say must match, on one line each.
     */
    private static List<String> triggerWords(RulePack pack, boolean examples) {
        Set<String> words = new LinkedHashSet<>();
        for (Rule rule : pack.rules()) {
            Matcher m = rule.matcher();
            if (m instanceof Matcher.Terms terms) {
                words.addAll(terms.terms());
            } else if (m instanceof Matcher.Regex regex) {
                words.addAll(regex.requires());
            } else if (m instanceof Matcher.Cluster cluster) {
                words.addAll(cluster.anyOf());
            }
            if (examples) {
                for (Example e : rule.matchExamples()) {
                    words.add(e.text().replace('\n', ' ').replace('\f', ' '));
                }
            }
        }
        return new ArrayList<>(words);
    }

    private static List<String> allWords(boolean examples) {
        Set<String> words = new LinkedHashSet<>();
        bundled.forEach(p -> words.addAll(triggerWords(p, examples)));
        return new ArrayList<>(words);
    }

    /**
     * One line of about {@code chars} chars: each word repeated (joined by spaces) for an equal share of it, one word
     * after another. Long runs of one word are what a window that never closes, or a check that rescans the line for
     * every hit, cannot get through.
     */
    private static String runsOf(List<String> words, int chars) {
        int share = chars / words.size();
        StringBuilder line = new StringBuilder(chars + 200);
        for (String word : words) {
            for (int written = 0; written < share; written += word.length() + 1) {
                line.append(word).append(' ');
            }
        }
        return line.toString();
    }

    private static String plain(int chars) {
        StringBuilder sb = new StringBuilder(chars + NEUTRAL.length());
        while (sb.length() < chars) {
            sb.append(NEUTRAL);
        }
        sb.setLength(chars);
        return sb.toString();
    }
}
