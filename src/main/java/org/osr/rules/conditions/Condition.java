package org.osr.rules.conditions;

/**
 * One layout condition of a rule's {@code where} (it must hold) or {@code unless} (when it holds, the hit is not a
 * finding). Each condition is one small class; {@link Conditions} maps its YAML key to it.
 */
public interface Condition {
    boolean holds(HitSite site);

    /** Plain-language form for finding explanations and {@code osr rules show}. */
    String describe();
}
