package org.osr.rules;

import java.util.List;
import org.osr.rules.conditions.Condition;

/**
 * One compiled rule of a pack.
 *
 * @param unless    layout conditions that make a hit prose (quoted, a list of the levels, a heading ...)
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
        List<Condition> unless,
        Near near,
        boolean mask,
        String validator,
        List<Example> matchExamples,
        List<Example> noMatchExamples,
        SourcePosition position) {

    public Rule {
        java.util.Objects.requireNonNull(id, "id");
        where = where.isEmpty() ? List.of(Where.ANYWHERE) : List.copyOf(where);
        unless = List.copyOf(unless);
        matchExamples = List.copyOf(matchExamples);
        noMatchExamples = List.copyOf(noMatchExamples);
    }

    /** The same rule with another action, message or position conditions (a user pack's override). */
    public Rule with(Action newAction, Localized newMessage, List<Where> newWhere) {
        return new Rule(id, pack, category, newAction == null ? action : newAction,
                newMessage == null ? message : newMessage, matcher, newWhere == null ? where : newWhere, unlessNear,
                unless, near, mask, validator, matchExamples, noMatchExamples, position);
    }

    /** The same rule as part of another pack (a pack that extends this rule's pack). */
    public Rule inPack(String packId) {
        return new Rule(id, packId, category, action, message, matcher, where, unlessNear, unless, near, mask, validator,
                matchExamples, noMatchExamples, position);
    }

    /** The same matcher with no position or context conditions: what the rule would find before judging position. */
    public Rule unconditioned() {
        return new Rule(id, pack, category, action, message, matcher, List.of(), null, List.of(), null, mask, null,
                matchExamples, noMatchExamples, position);
    }

    /** Whether anything beyond the matcher decides (position, context, checksum). */
    public boolean hasConditions() {
        return unlessNear != null || !unless.isEmpty() || near != null || validator != null || where.stream().anyMatch(w -> !w.equals(Where.ANYWHERE));
    }
}
