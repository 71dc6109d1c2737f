package org.osr.report;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.osr.match.Hit;

/**
 * The personal data found in one document (matches of masking rules). Any text the report prints about that
 * document (context, title, abstract) goes through {@link #mask(String)} first.
 */
public final class Secrets {
    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    public static Secrets of(List<Hit> hits) {
        Set<String> values = new LinkedHashSet<>();
        for (Hit h : hits) {
            if (h.rule().mask() && !h.originalMatch().isBlank()) {
                values.add(h.originalMatch());
            }
        }
        // Longest first, so a value that contains another is masked whole.
        return new Secrets(values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    public String mask(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String result = text;
        for (String v : values) {
            result = result.replace(v, Masker.mask(v));
        }
        return result;
    }
}
