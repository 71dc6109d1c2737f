package org.osr.rules;

import java.util.List;

/**
 * Context that shows a hit is prose, not a label: if any of the (normalized) terms occurs within {@code within}
 * characters before or after the hit on the same line, the hit is not a finding.
 */
public record UnlessNear(List<String> terms, int within) {
    public UnlessNear {
        terms = List.copyOf(terms);
    }
}
