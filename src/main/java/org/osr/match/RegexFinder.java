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

    /** @param alwaysRun the regex rules that require no literal */
    RegexFinder(BitSet alwaysRun) {
        this.enabled = (BitSet) alwaysRun.clone();
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

    private static void find(int r, Rule rule, String text, CharSequence regexText, List<Candidate> out) {
        Matcher.Regex regex = (Matcher.Regex) rule.matcher();
        boolean narrowed = regex.pattern().namedGroups().containsKey("match");
        com.google.re2j.Matcher m = regex.pattern().matcher(regexText);
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
}
