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
 * Compiled rules. Per part: normalize once, one Aho-Corasick pass for every literal term, every regex's required
 * literals and every cluster label, handed to one finder per matcher kind ({@link TermFinder}, {@link RegexFinder}:
 * RE2/J only where a literal occurred, {@link ClusterFinder}); then position ({@code where}) and context
 * ({@code unless}) decide which candidates are findings. Immutable and thread-safe.
 */
public final class RuleEngine {
    private final List<Rule> rules;
    /** Every term, regex required literal and cluster label of every rule; null when there are none. */
    private final TermAutomaton terms;
    /** For each regex rule (by rule index): whether it may run without a literal having been seen. */
    private final BitSet alwaysRun = new BitSet();
    /** For each regex rule (by rule index): where its matches can start; null where any position can. */
    private final RegexStarts[] starts;

    public RuleEngine(List<RulePack> packs) {
        this.rules = packs.stream().flatMap(p -> p.rules().stream()).toList();
        List<List<String>> literals = new ArrayList<>();
        starts = new RegexStarts[rules.size()];
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
                starts[i] = RegexStarts.of(regex.pattern());
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
        Finder termFinder = new TermFinder();
        Finder regexFinder = new RegexFinder(alwaysRun, starts);
        Finder clusterFinder = new ClusterFinder();
        if (terms != null) {
            terms.scan(text, (begin, end, ruleIndexes) -> {
                boolean wholeWord = onWordBoundaries(text, begin, end);
                for (int r : ruleIndexes) {
                    Matcher m = rules.get(r).matcher();
                    Finder finder = m instanceof Matcher.Regex ? regexFinder
                            : m instanceof Matcher.Terms ? termFinder : clusterFinder;
                    finder.literal(r, begin, end, wholeWord);
                }
            });
        }
        LineIndex[] lineIndex = new LineIndex[1];
        java.util.function.Supplier<LineIndex> lines = () -> lineIndex[0] == null
                ? lineIndex[0] = new LineIndex(text) : lineIndex[0];
        List<Candidate> candidates = new ArrayList<>();
        for (Finder finder : List.of(termFinder, regexFinder, clusterFinder)) {
            finder.candidates(rules, normalized, lines, candidates);
        }
        if (candidates.isEmpty()) {
            return List.of();   // most parts of most documents: no line index needed
        }
        return findings(part, normalized, lines.get(), candidates);
    }

    /** The candidates whose position, context and case hold, as findings in order of their start. */
    private List<Hit> findings(Part part, NormalizedText normalized, LineIndex lines, List<Candidate> candidates) {
        String text = normalized.text();
        HitChecks checks = new HitChecks(part, normalized, lines);
        List<Hit> hits = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < candidates.size(); k++) {
            if ((k & 0xFF) == 0) {
                MatchInterruptedException.check();
            }
            Candidate c = candidates.get(k);
            Rule rule = rules.get(c.rule());
            int s = c.start();
            int e = c.end();
            if (!seen.add(c.rule() + ":" + s + ":" + e)) {
                continue;
            }
            int line = lines.lineOf(s);
            String position = checks.position(rule, line, s, e);
            if (position == null || checks.isProse(rule, line, s, e)
                    || !checks.hasContext(rule.near(), line, s, e)
                    || !checks.caseHolds(c.rule(), rule, line, e)) {
                continue;
            }
            String how = c.detail();
            if (how == null) {
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
