package org.osr.match;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.osr.extract.Part;
import org.osr.normalize.NormalizedText;
import org.osr.rules.Matcher;
import org.osr.rules.Near;
import org.osr.rules.Rule;
import org.osr.rules.UnlessNear;
import org.osr.rules.Where;
import org.osr.rules.conditions.HitSite;

/**
 * The position ({@code where}) and context ({@code near}, {@code unless-near}, case) checks on the candidate hits of
 * one part. What a check needs to know about a whole line is worked out once per line and kept, and every other
 * check looks only at a bounded slice around the hit, so thousands of hits on one long line cost time linear in the
 * text, not in hits × line length.
 */
final class HitChecks {
    /** Characters that may surround a label on its own line: spaces and bracket/colon decoration. */
    private static final String LABEL_DECORATION = " \t:·•-—_=*#|()[]【】〔〕<>";
    private static final int UNKNOWN = -2;

    private final Part part;
    private final NormalizedText normalized;
    private final String text;
    private final LineIndex lines;
    /** Each line without the decoration around a label, and without surrounding whitespace. */
    private final Trimmed undecorated;
    private final Trimmed stripped;
    /** Per rule and line range: whether the case-sensitive pattern matches the original line(s). */
    private final Map<List<Integer>, Boolean> caseResults = new HashMap<>();

    HitChecks(Part part, NormalizedText normalized, LineIndex lines) {
        this.part = part;
        this.normalized = normalized;
        this.text = normalized.text();
        this.lines = lines;
        this.undecorated = new Trimmed(c -> LABEL_DECORATION.indexOf(c) >= 0);
        this.stripped = new Trimmed(Character::isWhitespace);
    }

    /** The layout of the part, worked out on first use. */
    private BlockSites sites;

    HitSite site(int s, int e) {
        if (sites == null) {
            sites = new BlockSites(part, normalized, lines);
        }
        return sites.at(s, e);
    }

    /** The first {@code where} alternative that holds, described for the explanation; null if none holds. */
    String position(Rule rule, int line, int s, int e) {
        HitSite site = null;
        for (Where w : rule.where()) {
            if (!w.acceptsPart(part.kind())) {
                continue;
            }
            if (w.ownLine() && !standsAlone(line, s, e)) {
                continue;
            }
            if (w.firstLines() > 0 && (lines.rank(line) == 0 || lines.rank(line) > w.firstLines())) {
                continue;
            }
            if (!w.layout().isEmpty()) {
                site = site == null ? site(s, e) : site;
                HitSite at = site;
                if (!w.layout().stream().allMatch(c -> c.holds(at))) {
                    continue;
                }
            }
            String where = w.describe();
            return where.equals("anywhere") ? "in " + part.kind().id()
                    : where.startsWith("in ") ? where : "in " + part.kind().id() + ", " + where;
        }
        return null;
    }

    /** Whether everything on the line outside [s, e) is decoration. */
    private boolean standsAlone(int line, int s, int e) {
        int start = undecorated.start(line);
        int end = undecorated.end(line);
        return start == end || (start >= s && end <= e);
    }

    /** Whether the rule's {@code unless-near} terms or one of its {@code unless} conditions make the hit prose. */
    boolean isProse(Rule rule, int line, int s, int e) {
        UnlessNear near = rule.unlessNear();
        if (near != null && termWithin(near.terms(), near.within(), line, s, e)) {
            return true;
        }
        if (rule.unless().isEmpty()) {
            return false;
        }
        HitSite site = site(s, e);
        return rule.unless().stream().anyMatch(c -> c.holds(site));
    }

    boolean hasContext(Near near, int line, int s, int e) {
        if (near == null || termWithin(near.terms(), near.within(), line, s, e)) {
            return true;
        }
        // A table's header cell: a short line holding just the label, no value of its own.
        int longest = near.terms().stream().mapToInt(String::length).max().orElse(0);
        for (int above = line - 1; above >= Math.max(0, line - near.linesAbove()); above--) {
            String cell = shortCell(above, longest + 6);
            if (cell != null && cell.chars().noneMatch(Character::isDigit)) {
                for (String term : near.terms()) {
                    if (cell.contains(term) && cell.length() <= term.length() + 6) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The line without surrounding whitespace, or null when that is longer than {@code maxLength}. */
    private String shortCell(int line, int maxLength) {
        int start = stripped.start(line);
        int end = stripped.end(line);
        return end - start > maxLength ? null : text.substring(start, end);
    }

    /** Whether one of the terms occurs within {@code within} characters of the hit, on the hit's own line(s). */
    private boolean termWithin(List<String> terms, int within, int line, int s, int e) {
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

    /**
     * For case-sensitive rules: the pattern must also match the original line(s) of the hit with its case (and NFKC)
     * kept. The answer depends only on the rule and the lines, so each is worked out once.
     */
    boolean caseHolds(int ruleIndex, Rule rule, int line, int end) {
        if (!(rule.matcher() instanceof Matcher.Regex regex) || regex.caseSensitive() == null) {
            return true;
        }
        int lastLine = lines.lineOf(Math.max(0, end - 1));
        return caseResults.computeIfAbsent(List.of(ruleIndex, line, lastLine), k -> {
            String original = normalized.originalSlice(lines.lineStart(line), lines.lineEnd(lastLine));
            String nfkc = java.text.Normalizer.normalize(original, java.text.Normalizer.Form.NFKC);
            return regex.caseSensitive().matcher(new InterruptibleText(nfkc)).find();
        });
    }

    /**
     * For each line, on first use: its bounds once the chars {@code skip} accepts are taken off both ends (an empty
     * range when the line has nothing else). Worked out once per line, however many hits it holds.
     */
    private final class Trimmed {
        private final IntPredicate skip;
        private int[] starts;
        private int[] ends;

        Trimmed(IntPredicate skip) {
            this.skip = skip;
        }

        int start(int line) {
            compute(line);
            return starts[line];
        }

        int end(int line) {
            compute(line);
            return ends[line];
        }

        private void compute(int line) {
            if (starts == null) {
                starts = new int[lines.count()];
                ends = new int[lines.count()];
                Arrays.fill(starts, UNKNOWN);
            }
            if (starts[line] != UNKNOWN) {
                return;
            }
            int start = lines.lineStart(line);
            int end = lines.lineEnd(line);
            while (start < end && skip.test(text.charAt(start))) {
                start++;
            }
            while (end > start && skip.test(text.charAt(end - 1))) {
                end--;
            }
            starts[line] = start;
            ends[line] = end;
        }
    }
}
