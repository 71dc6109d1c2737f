package org.osr.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.osr.extract.PartKind;
import org.osr.rules.conditions.Condition;

/**
 * A position condition; all of its constraints must hold. A rule carries a list of these and a hit is a finding
 * when any one of them holds.
 *
 * @param parts      part kinds the hit must be in; empty means any part
 * @param ownLine    the hit must stand alone on its line (only spaces and bracket/colon decoration around it)
 * @param firstLines the hit must be within the first N non-blank lines of its page (paged parts) or part; 0 = anywhere
 * @param layout     layout conditions on the hit's block (first blocks, region, table cell, heading, banner)
 */
public record Where(Set<PartKind> parts, boolean ownLine, int firstLines, List<Condition> layout) {
    public static final Where ANYWHERE = new Where(Set.of(), false, 0, List.of());

    public Where {
        parts = Set.copyOf(parts);
        layout = List.copyOf(layout);
    }

    public boolean acceptsPart(PartKind kind) {
        return parts.isEmpty() || parts.contains(kind);
    }

    /** Human-readable form used in finding explanations and {@code osr rules show}. */
    public String describe() {
        List<String> said = new ArrayList<>();
        if (!parts.isEmpty()) {
            said.add("in " + parts.stream().map(PartKind::id).sorted().collect(Collectors.joining("/")));
        }
        if (ownLine) {
            said.add("on a line of its own");
        }
        if (firstLines > 0) {
            said.add("within the first " + firstLines + " lines of a page or part");
        }
        layout.forEach(c -> said.add(c.describe()));
        return said.isEmpty() ? "anywhere" : String.join(", ", said);
    }
}
