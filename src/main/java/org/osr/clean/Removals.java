package org.osr.clean;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What a cleaner took out of one document, counted per kind. Counts only: never the text that was removed. */
public final class Removals {
    private final EnumMap<Removal, Integer> counts = new EnumMap<>(Removal.class);

    public void add(Removal kind, int n) {
        if (n > 0) {
            counts.merge(kind, n, Integer::sum);
        }
    }

    public void add(Removal kind) {
        add(kind, 1);
    }

    public int count(Removal kind) {
        return counts.getOrDefault(kind, 0);
    }

    public Map<Removal, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** {@code "tracked deletions dropped 1, comments 2"}, in a fixed order; {@code "nothing"} when empty. */
    public String describe() {
        return counts.isEmpty() ? "nothing"
                : counts.entrySet().stream().map(e -> e.getKey().words() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
    }
}
