package org.osr.rules;

import java.util.List;

/**
 * One compiled rule of a pack.
 *
 * @param validator name of a checksum validator the match must pass ({@code cn-resident-id}, {@code cn-uscc},
 *                  {@code luhn}), or null
 */
public record Rule(
        String id,
        String pack,
        String category,
        Action action,
        Localized message,
        Matcher matcher,
        List<Where> where,
        UnlessNear unlessNear,
        Near near,
        boolean mask,
        String validator,
        List<Example> matchExamples,
        List<Example> noMatchExamples,
        SourcePosition position) {

    public Rule {
        java.util.Objects.requireNonNull(id, "id");
        where = where.isEmpty() ? List.of(Where.ANYWHERE) : List.copyOf(where);
        matchExamples = List.copyOf(matchExamples);
        noMatchExamples = List.copyOf(noMatchExamples);
    }

    /** The same rule with another action, message or position conditions (a user pack's override). */
    public Rule with(Action newAction, Localized newMessage, List<Where> newWhere) {
        return new Rule(id, pack, category, newAction == null ? action : newAction,
                newMessage == null ? message : newMessage, matcher, newWhere == null ? where : newWhere, unlessNear,
                near, mask, validator, matchExamples, noMatchExamples, position);
    }

    /** The same rule as part of another pack (a pack that extends this rule's pack). */
    public Rule inPack(String packId) {
        return new Rule(id, packId, category, action, message, matcher, where, unlessNear, near, mask, validator,
                matchExamples, noMatchExamples, position);
    }

    /** The same matcher with no position or context conditions: what the rule would find before judging position. */
    public Rule unconditioned() {
        return new Rule(id, pack, category, action, message, matcher, List.of(), null, null, mask, null,
                matchExamples, noMatchExamples, position);
    }

    /** Whether anything beyond the matcher decides (position, context, checksum). */
    public boolean hasConditions() {
        return unlessNear != null || near != null || validator != null || where.stream().anyMatch(w -> !w.equals(Where.ANYWHERE));
    }
}
