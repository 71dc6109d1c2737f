package org.osr.rules;

import java.util.List;

/**
 * A loaded, validated rule pack.
 *
 * @param origin     where it was loaded from: a file path, or {@code bundled:rules/NAME} for packs shipped in the jar
 * @param sha256     hash of the pack file's bytes, reported in the opinion so a review names exactly which rules ran
 * @param extendsRef the pack this one extends (its rules are inherited, minus disabled ones), or null
 * @param disabled   rule ids this pack switches off, wherever they are defined
 * @param overrides  changes this pack makes to rules defined elsewhere (action, message, where)
 * @param position   where the pack's id is written
 */
public record RulePack(String id, String version, Localized title, String basis, List<Rule> rules, String origin,
                       String sha256, RuleRef extendsRef, List<RuleRef> disabled, List<RuleOverride> overrides,
                       SourcePosition position) {
    public RulePack {
        rules = List.copyOf(rules);
        disabled = List.copyOf(disabled);
        overrides = List.copyOf(overrides);
    }

    public RulePack withRules(List<Rule> newRules) {
        return new RulePack(id, version, title, basis, newRules, origin, sha256, extendsRef, disabled, overrides,
                position);
    }

    /** A reference to a pack or rule id, with where it was written. */
    public record RuleRef(String id, SourcePosition position) {
    }

    /** A user pack's change to a rule defined in another pack; null fields keep the rule's own value. */
    public record RuleOverride(String id, Action action, Localized message, List<Where> where,
                               SourcePosition position) {
    }
}
