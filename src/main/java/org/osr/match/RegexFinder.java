package org.osr.match;

import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;
import org.osr.normalize.NormalizedText;
import org.osr.rules.Matcher;
import org.osr.rules.Rule;

/**
 * {@code regex}: RE2/J runs only for rules whose required literals occurred (or that require none); each match is
 * narrowed to its {@code match} group and checked by the rule's validator.
 */
final class RegexFinder implements Finder {
    private final BitSet enabled;
    private final RegexStarts[] starts;

    /**
     * @param alwaysRun the regex rules that require no literal
     * @param starts    by rule index: where its matches can start, null to search every position
     */
    RegexFinder(BitSet alwaysRun, RegexStarts[] starts) {
        this.enabled = (BitSet) alwaysRun.clone();
        this.starts = starts;
    }

    @Override
    public void literal(int rule, int begin, int end, boolean wholeWord) {
        enabled.set(rule);   // a required literal is only a prefilter: digits inside a longer number still count
    }

    @Override
    public void candidates(List<Rule> rules, NormalizedText normalized, Supplier<LineIndex> lines,
                           List<Candidate> out) {
        if (enabled.isEmpty()) {
            return;
        }
        String text = normalized.text();
        // RE2's ^ and $ know only '\n'; a page break starts a line too. Same length, so offsets still agree.
        CharSequence regexText = new InterruptibleText(text.indexOf('\f') < 0 ? text : text.replace('\f', '\n'));
        for (int r = enabled.nextSetBit(0); r >= 0; r = enabled.nextSetBit(r + 1)) {
            find(r, rules.get(r), text, regexText, out);
        }
    }

    private void find(int r, Rule rule, String text, CharSequence regexText, List<Candidate> out) {
        Matcher.Regex regex = (Matcher.Regex) rule.matcher();
        boolean narrowed = regex.pattern().namedGroups().containsKey("match");
        Search m = new Search(regex.pattern(), starts[r], regexText);
        int from = 0;
        String validator = rule.validator();
        while (from <= text.length() && m.find(from)) {
            int s = narrowed ? m.start("match") : m.start();
            int e = narrowed ? m.end("match") : m.end();
            if (s >= 0 && e > s && (validator == null || Validators.valid(validator, text.substring(s, e)))) {
                out.add(new Candidate(r, s, e, null));
            }
            // Resume right after the reported span, not after the whole match: a regex that consumes the
            // character after its value as a boundary must still see it before the next value ("…、139…").
            int resume = e > s ? e : m.end();
            from = resume > m.start() ? resume : m.start() + 1;
        }
    }

    /**
     * {@code find(from)} of RE2/J, with the same result, faster where {@link RegexStarts} knows where a match can
     * start: an anchored match at each such position in turn instead of stepping the NFA through every character.
     * Anchored tries that read more than a few times the text (a pattern that runs far from each candidate) give way
     * to the plain search for the rest of the part, so the work never grows past a small multiple of it.
     */
    private static final class Search {
        private final com.google.re2j.Matcher whole;
        private final com.google.re2j.Matcher anchored;
        private final RegexStarts starts;
        private final CharSequence text;
        private final long budget;
        private long reads;
        private com.google.re2j.Matcher last;
        private int offset;

        Search(com.google.re2j.Pattern pattern, RegexStarts starts, CharSequence text) {
            this.whole = pattern.matcher(text);
            this.anchored = starts == null ? null : starts.anchored().matcher("");
            this.starts = starts;
            this.text = text;
            this.budget = 4L * text.length() + 4096;
        }

        boolean find(int from) {
            if (starts != null && reads <= budget) {
                for (int s = starts.next(text, from); s >= 0; s = starts.next(text, s + 1)) {
                    if (!starts.anchoredExact(text, s)) {
                        return plain(s);   // no match starts in [from, s): the leftmost from s is the one
                    }
                    anchored.reset(new Suffix(text, s));
                    if (anchored.lookingAt()) {
                        last = anchored;
                        offset = s;
                        return true;
                    }
                    if (reads > budget) {
                        return plain(s + 1);
                    }
                }
                return false;
            }
            return plain(from);
        }

        private boolean plain(int from) {
            last = whole;
            offset = 0;
            return whole.find(from);
        }

        int start() {
            return last.start() + offset;
        }

        int start(String group) {
            int s = last.start(group);
            return s < 0 ? s : s + offset;
        }

        int end(String group) {
            int e = last.end(group);
            return e < 0 ? e : e + offset;
        }

        int end() {
            return last.end() + offset;
        }

        /** The text from one position on, counting what the anchored tries read. */
        private final class Suffix implements CharSequence {
            private final CharSequence base;
            private final int from;

            Suffix(CharSequence base, int from) {
                this.base = base;
                this.from = from;
            }

            @Override
            public char charAt(int index) {
                reads++;
                return base.charAt(from + index);
            }

            @Override
            public int length() {
                return base.length() - from;
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return base.subSequence(from + start, from + end);
            }

            @Override
            public String toString() {
                return base.subSequence(from, base.length()).toString();
            }
        }
    }
}
