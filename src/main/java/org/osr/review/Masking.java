package org.osr.review;

import java.util.ArrayList;
import java.util.List;
import org.osr.match.Hit;
import org.osr.match.RuleEngine;
import org.osr.rules.Rule;
import org.osr.rules.RulePack;

/**
 * The masking rules in use ({@code mask: true} rules of every pack), compiled once per run, and the {@link Redactor}
 * each printed text goes through.
 */
public final class Masking {
    public static final Masking NONE = new Masking(null);

    private final RuleEngine maskRules;

    private Masking(RuleEngine maskRules) {
        this.maskRules = maskRules;
    }

    public static Masking of(List<RulePack> packs) {
        List<RulePack> masking = new ArrayList<>();
        for (RulePack p : packs) {
            List<Rule> rules = p.rules().stream().filter(Rule::mask).toList();
            if (!rules.isEmpty()) {
                masking.add(p.withRules(rules));
            }
        }
        return new Masking(masking.isEmpty() ? null : new RuleEngine(masking));
    }

    /** For text about one document: its own personal data is masked wherever it shows up. */
    public Redactor forDocument(List<Hit> findings) {
        return Redactor.of(findings, maskRules);
    }

    /**
     * For quoting a text that was not reviewed (a search hit's snippet): what the {@code mask: true} rules find in the
     * whole part is masked wherever it shows up, as in a reviewed document's report.
     */
    public Redactor forUnreviewed(org.osr.extract.Part part) {
        return Redactor.of(maskRules == null ? List.of() : maskRules.match(part), maskRules);
    }

    /** For text about no document in particular (input errors, rule examples). */
    public Redactor plain() {
        return Redactor.of(List.of(), maskRules);
    }
}
