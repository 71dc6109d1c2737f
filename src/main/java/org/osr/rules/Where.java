package org.osr.rules;

import java.util.Set;
import java.util.stream.Collectors;
import org.osr.extract.PartKind;

/**
 * A position condition; all of its constraints must hold. A rule carries a list of these and a hit is a finding
 * when any one of them holds.
 *
 * @param parts      part kinds the hit must be in; empty means any part
 * @param ownLine    the hit must stand alone on its line (only spaces and bracket/colon decoration around it)
 * @param firstLines the hit must be within the first N non-blank lines of its page (paged parts) or part; 0 = anywhere
 */
public record Where(Set<PartKind> parts, boolean ownLine, int firstLines) {
    public static final Where ANYWHERE = new Where(Set.of(), false, 0);

    public Where {
        parts = Set.copyOf(parts);
    }

    public boolean acceptsPart(PartKind kind) {
        return parts.isEmpty() || parts.contains(kind);
    }

    /** Human-readable form used in finding explanations and {@code osr rules show}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!parts.isEmpty()) {
            sb.append("in ").append(parts.stream().map(PartKind::id).sorted().collect(Collectors.joining("/")));
        }
        if (ownLine) {
            sb.append(sb.length() > 0 ? ", " : "").append("on a line of its own");
        }
        if (firstLines > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("within the first ").append(firstLines)
                    .append(" lines of a page or part");
        }
        return sb.length() == 0 ? "anywhere" : sb.toString();
    }
}
