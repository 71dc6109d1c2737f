package org.osr.match;

import java.util.List;
import java.util.function.Supplier;
import org.osr.normalize.NormalizedText;
import org.osr.rules.Rule;

/**
 * Finds one matcher kind's candidates in one part. The engine's single literal pass (Aho-Corasick over every
 * term, regex literal and cluster label) hands each finder the occurrences of its rules' literals; then the finder
 * turns them into candidates. One instance per part: finders keep per-part state.
 */
interface Finder {
    /** An occurrence of one of rule {@code rule}'s literals at normalized {@code [begin, end)}. */
    void literal(int rule, int begin, int end, boolean wholeWord);

    /** Every candidate, once the literal pass is done. */
    void candidates(List<Rule> rules, NormalizedText normalized, Supplier<LineIndex> lines, List<Candidate> out);
}
