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
import org.osr.rules.Near;
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
            } else if (m instanceof Matcher.Cluster cluster) {
                for (String t : cluster.anyOf()) {
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

    /** @see #match(Part, NormalizedText) */
    public List<Hit> match(Part part) {
        MatchInterruptedException.check();
        return match(part, Normalizer.normalize(part.text()));
    }

    /**
     * The findings in one part, in order of their start.
     *
     * @throws MatchInterruptedException when the thread is interrupted while matching (the flag stays set)
     */
    public List<Hit> match(Part part, NormalizedText normalized) {
        MatchInterruptedException.check();
        String text = normalized.text();
        List<int[]> candidates = new ArrayList<>();   // {ruleIndex, start, end} in normalized text
        BitSet regexEnabled = (BitSet) alwaysRun.clone();
        java.util.Map<Integer, List<int[]>> clusterHits = new java.util.HashMap<>();
        if (trie != null) {
            trie.parseText(new InterruptibleText(text), (begin, end, ruleIndexes) -> {
                // Word boundaries matter for terms a person reads ("cui" is not in "circuit"); a regex's required
                // literal is only a prefilter, so digits inside a longer number still count.
                boolean wholeWord = onWordBoundaries(text, begin, end);
                for (int r : ruleIndexes) {
                    Matcher m = rules.get(r).matcher();
                    if (m instanceof Matcher.Regex) {
                        regexEnabled.set(r);
                    } else if (!wholeWord) {
                        continue;
                    } else if (m instanceof Matcher.Terms) {
                        candidates.add(new int[] {r, begin, end});
                    } else {
                        clusterHits.computeIfAbsent(r, k -> new ArrayList<>()).add(new int[] {begin, end});
                    }
                }
            });
        }
        // RE2's ^ and $ know only '\n'; a page break starts a line too. Same length, so offsets still agree.
        CharSequence regexText = new InterruptibleText(text.indexOf('\f') < 0 ? text : text.replace('\f', '\n'));
        for (int r = regexEnabled.nextSetBit(0); r >= 0; r = regexEnabled.nextSetBit(r + 1)) {
            Matcher.Regex regex = (Matcher.Regex) rules.get(r).matcher();
            boolean narrowed = regex.pattern().namedGroups().containsKey("match");
            com.google.re2j.Matcher m = regex.pattern().matcher(regexText);
            int from = 0;
            String validator = rules.get(r).validator();
            while (from <= text.length() && m.find(from)) {
                int s = narrowed ? m.start("match") : m.start();
                int e = narrowed ? m.end("match") : m.end();
                if (s >= 0 && e > s && (validator == null || Validators.valid(validator, text.substring(s, e)))) {
                    candidates.add(new int[] {r, s, e});
                }
                // Resume right after the reported span, not after the whole match: a regex that consumes the
                // character after its value as a boundary must still see it before the next value ("…、139…").
                int resume = e > s ? e : m.end();
                from = resume > m.start() ? resume : m.start() + 1;
            }
        }
        if (candidates.isEmpty() && clusterHits.isEmpty()) {
            return List.of();   // most parts of most documents: no line index needed
        }
        LineIndex lines = new LineIndex(text);
        java.util.Map<String, String> clusterDetails = new java.util.HashMap<>();
        clusterHits.forEach((r, found) -> clusters(r, (Matcher.Cluster) rules.get(r).matcher(), found, text, lines,
                candidates, clusterDetails));
        List<Hit> hits = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < candidates.size(); k++) {
            if ((k & 0xFF) == 0) {
                MatchInterruptedException.check();
            }
            int[] c = candidates.get(k);
            Rule rule = rules.get(c[0]);
            int s = c[1];
            int e = c[2];
            if (!seen.add(c[0] + ":" + s + ":" + e)) {
                continue;
            }
            int line = lines.lineOf(s);
            String position = position(rule, part, text, lines, line, s, e);
            if (position == null || isProse(rule.unlessNear(), text, lines, line, s, e)
                    || !hasContext(rule.near(), text, lines, line, s, e)
                    || !caseHolds(rule, normalized, lines, line, e)) {
                continue;
            }
            String how;
            if (rule.matcher() instanceof Matcher.Cluster) {
                how = clusterDetails.get(c[0] + ":" + s + ":" + e);
            } else {
                // Personal data is never repeated in the explanation: the report masks values, not explanations.
                String shown = rule.mask() ? "(value masked)" : "'" + text.substring(s, e) + "'";
                how = (rule.matcher() instanceof Matcher.Terms ? "term " : "pattern ") + shown
                        + (rule.validator() != null ? " (" + rule.validator() + " checksum valid)" : "");
            }
            hits.add(new Hit(rule, part, normalized.originalStart(s), normalized.originalEnd(e),
                    text.substring(s, e), part.paged() ? lines.page(line) : null, lines.lineInPage(line),
                    how + " " + position));
        }
        hits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : a.rule().id().compareTo(b.rule().id()));
        return strongestPerSpan(hits);
    }

    /**
     * Two rules of one category on the same text say the same thing twice (a banner both "at the top" and
     * "anywhere"); the reviewer sees the stronger one.
     */
    private static List<Hit> strongestPerSpan(List<Hit> hits) {
        if (hits.size() < 2) {
            return hits;
        }
        java.util.Map<String, Hit> best = new java.util.LinkedHashMap<>();
        for (Hit h : hits) {
            String key = h.start() + ":" + h.end() + ":" + h.rule().category();
            Hit seen = best.get(key);
            if (seen == null || h.rule().action().compareTo(seen.rule().action()) > 0) {
                best.put(key, h);
            }
        }
        return best.size() == hits.size() ? hits : new ArrayList<>(best.values());
    }

    /**
     * Finds windows holding at least {@code min} different terms of a cluster. Windows do not overlap: after one is
     * reported the search resumes behind it. The candidate spans from the first to the last term in the window.
     */
    private static void clusters(int r, Matcher.Cluster cluster, List<int[]> found, String text, LineIndex lines,
                                 List<int[]> candidates, java.util.Map<String, String> details) {
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        int i = 0;
        while (i < found.size()) {
            MatchInterruptedException.check();
            int first = found.get(i)[0];
            int firstLine = lines.lineOf(first);
            java.util.LinkedHashSet<String> terms = new java.util.LinkedHashSet<>();
            int last = i;
            for (int j = i; j < found.size(); j++) {
                int[] h = found.get(j);
                boolean inside = cluster.withinLines() > 0
                        ? lines.lineOf(h[0]) - firstLine < cluster.withinLines()
                        : h[1] - first <= cluster.withinChars();
                if (!inside) {
                    break;
                }
                terms.add(text.substring(h[0], h[1]));
                last = j;
            }
            if (terms.size() >= cluster.min()) {
                int end = found.get(last)[1];
                candidates.add(new int[] {r, first, end});
                details.put(r + ":" + first + ":" + end, "cluster of " + terms.size() + " labels ("
                        + String.join(", ", terms) + ") within " + (cluster.withinLines() > 0
                        ? cluster.withinLines() + " lines" : cluster.withinChars() + " characters"));
                i = last + 1;
            } else {
                i++;
            }
        }
    }

    /** For case-sensitive rules: the pattern must also match the original line with its case (and NFKC) kept. */
    private static boolean caseHolds(Rule rule, NormalizedText normalized, LineIndex lines, int line, int end) {
        if (!(rule.matcher() instanceof Matcher.Regex regex) || regex.caseSensitive() == null) {
            return true;
        }
        int lastLine = lines.lineOf(Math.max(0, end - 1));
        String original = normalized.originalSlice(lines.lineStart(line), lines.lineEnd(lastLine));
        String nfkc = java.text.Normalizer.normalize(original, java.text.Normalizer.Form.NFKC);
        return regex.caseSensitive().matcher(new InterruptibleText(nfkc)).find();
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

    private static boolean hasContext(Near near, String text, LineIndex lines, int line, int s, int e) {
        if (near == null || termWithin(near.terms(), near.within(), text, lines, line, s, e)) {
            return true;
        }
        // A table's header cell: a short line holding just the label, no value of its own.
        for (int above = line - 1; above >= Math.max(0, line - near.linesAbove()); above--) {
            String cell = text.substring(lines.lineStart(above), lines.lineEnd(above)).strip();
            if (cell.chars().noneMatch(Character::isDigit)) {
                for (String term : near.terms()) {
                    if (cell.contains(term) && cell.length() <= term.length() + 6) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isProse(UnlessNear unless, String text, LineIndex lines, int line, int s, int e) {
        return unless != null && termWithin(unless.terms(), unless.within(), text, lines, line, s, e);
    }

    /** Whether one of the terms occurs within {@code within} characters of the hit, on the hit's own line(s). */
    private static boolean termWithin(List<String> terms, int within, String text, LineIndex lines, int line, int s,
                                      int e) {
        int from = Math.max(lines.lineStart(line), s - within);
        int to = Math.min(lines.lineEnd(lines.lineOf(Math.max(s, e - 1))), e + within);
        String window = text.substring(from, Math.max(from, to));
        for (String term : terms) {
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
