package org.osr.rules;

import java.util.List;

/**
 * A loaded, validated rule pack.
 *
 * @param origin where it was loaded from: a file path, or {@code bundled:NAME} for packs shipped in the jar
 * @param sha256 hash of the pack file's bytes, reported in the opinion so a review names exactly which rules ran
 */
public record RulePack(String id, String version, Localized title, String basis, List<Rule> rules, String origin,
                       String sha256) {
    public RulePack {
        rules = List.copyOf(rules);
    }
}
