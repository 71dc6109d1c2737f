package org.osr.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osr.rules.Lang;
import org.osr.rules.Rule;
import org.osr.rules.RulePack;

/** The words a result names by key: each rule's message and each pack's basis, from the packs of the run. */
public final class Messages {
    private final Map<String, Rule> rules = new HashMap<>();
    private final Map<String, String> bases = new HashMap<>();

    private Messages() {
    }

    public static Messages of(List<RulePack> packs) {
        Messages m = new Messages();
        for (RulePack p : packs) {
            m.bases.putIfAbsent(p.id(), p.basis());
            for (Rule r : p.rules()) {
                m.rules.putIfAbsent(r.pack() + "|" + r.id(), r);
            }
        }
        return m;
    }

    /** The rule's message in {@code lang}; its id when the rule is not among the packs. */
    public String message(String pack, String ruleId, Lang lang) {
        Rule r = rule(pack, ruleId);
        return r == null ? ruleId : r.message().in(lang);
    }

    /** The rule a finding names, or null when it is not among the packs (a result read back from elsewhere). */
    public Rule rule(String pack, String ruleId) {
        return rules.get(pack + "|" + ruleId);
    }

    /** The pack's legal basis, or null. */
    public String basis(String pack) {
        return bases.get(pack);
    }
}
