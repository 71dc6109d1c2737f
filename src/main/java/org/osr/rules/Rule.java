package org.osr.rules;

import java.util.List;

/** One compiled rule of a pack. */
public record Rule(
        String id,
        String pack,
        String category,
        Action action,
        Localized message,
        Matcher matcher,
        List<Where> where,
        UnlessNear unlessNear,
        boolean mask,
        List<Example> matchExamples,
        List<Example> noMatchExamples,
        SourcePosition position) {

    public Rule {
        where = where.isEmpty() ? List.of(Where.ANYWHERE) : List.copyOf(where);
        matchExamples = List.copyOf(matchExamples);
        noMatchExamples = List.copyOf(noMatchExamples);
    }
}
