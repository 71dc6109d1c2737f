package org.osr.match;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osr.extract.Part;
import org.osr.normalize.NormalizedText;
import org.osr.normalize.Normalizer;
import org.osr.rules.Matcher;
import org.osr.rules.Rule;
import org.osr.rules.RulePack;

/**
 * Compiled rules. Per part: normalize once, one Aho-Corasick pass for every literal term and every regex's required
 * literals, RE2/J only for regexes whose literals occurred, then position ({@code where}) and context
 * ({@code unless-near}) decide which hits are findings. Immutable and thread-safe.
 */
public final class RuleEngine {
    private final List<Rule> rules;
    /** Every term, regex required literal and cluster label of every rule; null when there are none. */
    private final TermAutomaton terms;
    /** For each regex rule (by rule index): whether it may run without a literal having been seen. */
    private final BitSet alwaysRun = new BitSet();

    public RuleEngine(List<RulePack> packs) {
        this.rules = packs.stream().flatMap(p -> p.rules().stream()).toList();
        List<List<String>> literals = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Matcher m = rules.get(i).matcher();
            List<String> words = List.of();
            if (m instanceof Matcher.Terms terms) {
                words = terms.terms();
            } else if (m instanceof Matcher.Regex regex) {
                if (regex.requires().isEmpty()) {
                    alwaysRun.set(i);
                }
                words = regex.requires();
            } else if (m instanceof Matcher.Cluster cluster) {
                words = cluster.anyOf();
            }
            literals.add(words);   // at index i: the automaton's values are rule indexes
        }
        terms = TermAutomaton.ofRules(literals);
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
        if (terms != null) {
            terms.scan(text, (begin, end, ruleIndexes) -> {
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
            regexCandidates(r, text, regexText, candidates);
        }
        if (candidates.isEmpty() && clusterHits.isEmpty()) {
            return List.of();   // most parts of most documents: no line index needed
        }
        LineIndex lines = new LineIndex(text);
        java.util.Map<String, String> clusterDetails = new java.util.HashMap<>();
        clusterHits.replaceAll((r, found) -> ((Matcher.Cluster) rules.get(r).matcher()).asLabels()
                ? ClusterLabels.labelsOnly(found, normalized) : found);
        clusterHits.forEach((r, found) -> ClusterWindows.find((Matcher.Cluster) rules.get(r).matcher(), found, text,
                lines, (window, cluster) -> {
                    candidates.add(new int[] {r, window.start(), window.end()});
                    clusterDetails.put(r + ":" + window.start() + ":" + window.end(), "cluster of "
                            + window.labels().size() + " labels (" + String.join(", ", window.labels()) + ") within "
                            + (cluster.withinLines() > 0 ? cluster.withinLines() + " lines"
                            : cluster.withinChars() + " characters"));
                }));
        HitChecks checks = new HitChecks(part, normalized, lines);
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
            String position = checks.position(rule, line, s, e);
            if (position == null || checks.isProse(rule, line, s, e)
                    || !checks.hasContext(rule.near(), line, s, e)
                    || !checks.caseHolds(c[0], rule, line, e)) {
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

    /** Every match of regex rule {@code r}, narrowed to its {@code match} group and checked by its validator. */
    private void regexCandidates(int r, String text, CharSequence regexText, List<int[]> candidates) {
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
