package org.osr.match;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.osr.normalize.NormalizedText;
import org.osr.rules.Rule;

/** {@code terms}: every whole-word occurrence of a term is a candidate ("cui" is not in "circuit"). */
final class TermFinder implements Finder {
    private final List<Candidate> found = new ArrayList<>();

    @Override
    public void literal(int rule, int begin, int end, boolean wholeWord) {
        if (wholeWord) {
            found.add(new Candidate(rule, begin, end, null));
        }
    }

    @Override
    public void candidates(List<Rule> rules, NormalizedText normalized, Supplier<LineIndex> lines,
                           List<Candidate> out) {
        out.addAll(found);
    }
}
