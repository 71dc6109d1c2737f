package org.osr.rules;

import java.util.List;

/**
 * Context a hit needs to be a finding: one of the (normalized) terms within {@code within} characters before or
 * after it on the same line, or as a short label line of its own among the {@code linesAbove} lines above it (a
 * table's header cell, which Tika puts on a line of its own).
 * The opposite of {@link UnlessNear}; used where a bare value is ambiguous and its label is what makes it personal
 * data ("电话：" before a mobile number).
 */
public record Near(List<String> terms, int within, int linesAbove) {
    public Near {
        terms = List.copyOf(terms);
    }
}
