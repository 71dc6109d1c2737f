package org.osr.match;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.osr.extract.Part;
import org.osr.normalize.NormalizedText;
import org.osr.normalize.Normalizer;
import org.osr.rules.Matcher;
import org.osr.rules.Rule;
import org.osr.rules.RulePack;
import org.osr.rules.UnlessNear;
import org.osr.rules.Where;

/**
 * Compiled rules. Per part: normalize once, one Aho-Corasick pass for every literal term and every regex's required
 * literals, RE2/J only for regexes whose literals occurred, then position ({@code where}) and context
 * ({@code unless-near}) decide which hits are findings. Immutable and thread-safe.
 */
public final class RuleEngine {
    /** Characters that may surround a label on its own line: spaces and bracket/colon decoration. */
    private static final String LABEL_DECORATION = " \t:·•-—_=*#|()[]【】〔〕<>";

    private final List<Rule> rules;
    private final AhoCorasickDoubleArrayTrie<int[]> trie;
    /** For each regex rule (by rule index): whether it may run without a literal having been seen. */
    private final BitSet alwaysRun = new BitSet();

    public RuleEngine(List<RulePack> packs) {
        this.rules = packs.stream().flatMap(p -> p.rules().stream()).toList();
        TreeMap<String, List<Integer>> literals = new TreeMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Matcher m = rules.get(i).matcher();
            if (m instanceof Matcher.Terms terms) {
                for (String t : terms.terms()) {
                    literals.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
                }
            } else if (m instanceof Matcher.Regex regex) {
                if (regex.requires().isEmpty()) {
                    alwaysRun.set(i);
                }
                for (String t : regex.requires()) {
                    literals.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
                }
            }
        }
        if (literals.isEmpty()) {
            trie = null;
        } else {
            TreeMap<String, int[]> map = new TreeMap<>();
            literals.forEach((k, v) -> map.put(k, v.stream().distinct().mapToInt(Integer::intValue).toArray()));
            trie = new AhoCorasickDoubleArrayTrie<>();
            trie.build(map);
        }
    }

    public static RuleEngine of(RulePack... packs) {
        return new RuleEngine(List.of(packs));
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Hit> match(Part part) {
        return match(part, Normalizer.normalize(part.text()));
    }

    public List<Hit> match(Part part, NormalizedText normalized) {
        String text = normalized.text();
        List<int[]> candidates = new ArrayList<>();   // {ruleIndex, start, end} in normalized text
        BitSet regexEnabled = (BitSet) alwaysRun.clone();
        if (trie != null) {
            trie.parseText(text, (begin, end, ruleIndexes) -> {
                for (int r : ruleIndexes) {
                    if (rules.get(r).matcher() instanceof Matcher.Terms) {
                        if (onWordBoundaries(text, begin, end)) {
                            candidates.add(new int[] {r, begin, end});
                        }
                    } else {
                        regexEnabled.set(r);
                    }
                }
            });
        }
        for (int r = regexEnabled.nextSetBit(0); r >= 0; r = regexEnabled.nextSetBit(r + 1)) {
            Matcher.Regex regex = (Matcher.Regex) rules.get(r).matcher();
            boolean narrowed = regex.pattern().namedGroups().containsKey("match");
            com.google.re2j.Matcher m = regex.pattern().matcher(text);
            int from = 0;
            while (from <= text.length() && m.find(from)) {
                int s = narrowed ? m.start("match") : m.start();
                int e = narrowed ? m.end("match") : m.end();
                if (s >= 0 && e > s) {
                    candidates.add(new int[] {r, s, e});
                }
                from = m.end() > m.start() ? m.end() : m.end() + 1;
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        LineIndex lines = new LineIndex(text);
        List<Hit> hits = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int[] c : candidates) {
            Rule rule = rules.get(c[0]);
            int s = c[1];
            int e = c[2];
            if (!seen.add(c[0] + ":" + s + ":" + e)) {
                continue;
            }
            int line = lines.lineOf(s);
            String position = position(rule, part, text, lines, line, s, e);
            if (position == null || isProse(rule.unlessNear(), text, lines, line, s, e)) {
                continue;
            }
            String how = rule.matcher() instanceof Matcher.Terms ? "term" : "pattern";
            hits.add(new Hit(rule, part, normalized.originalStart(s), normalized.originalEnd(e),
                    text.substring(s, e), part.paged() ? lines.page(line) : null, lines.lineInPage(line),
                    how + " '" + text.substring(s, e) + "' " + position));
        }
        hits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : a.rule().id().compareTo(b.rule().id()));
        return hits;
    }

    /** The first {@code where} alternative that holds, described for the explanation; null if none holds. */
    private static String position(Rule rule, Part part, String text, LineIndex lines, int line, int s, int e) {
        for (Where w : rule.where()) {
            if (!w.acceptsPart(part.kind())) {
                continue;
            }
            if (w.ownLine() && !standsAlone(text, lines.lineStart(line), lines.lineEnd(line), s, e)) {
                continue;
            }
            if (w.firstLines() > 0 && (lines.rank(line) == 0 || lines.rank(line) > w.firstLines())) {
                continue;
            }
            String where = w.describe();
            return where.equals("anywhere") ? "in " + part.kind().id()
                    : where.startsWith("in ") ? where : "in " + part.kind().id() + ", " + where;
        }
        return null;
    }

    private static boolean standsAlone(String text, int lineStart, int lineEnd, int s, int e) {
        for (int i = lineStart; i < lineEnd; i++) {
            if (i >= s && i < e) {
                continue;
            }
            if (LABEL_DECORATION.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isProse(UnlessNear unless, String text, LineIndex lines, int line, int s, int e) {
        if (unless == null) {
            return false;
        }
        int from = Math.max(lines.lineStart(line), s - unless.within());
        int to = Math.min(lines.lineEnd(lines.lineOf(Math.max(s, e - 1))), e + unless.within());
        String window = text.substring(from, Math.max(from, to));
        for (String term : unless.terms()) {
            if (window.contains(term)) {
                return true;
            }
        }
        return false;
    }

    /** A term that starts or ends with a Latin letter or digit must not be part of a longer word ("cui" in "circuit"). */
    private static boolean onWordBoundaries(String text, int begin, int end) {
        if (isWordChar(text.charAt(begin)) && begin > 0 && isWordChar(text.charAt(begin - 1))) {
            return false;
        }
        return !(isWordChar(text.charAt(end - 1)) && end < text.length() && isWordChar(text.charAt(end)));
    }

    private static boolean isWordChar(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }
}
