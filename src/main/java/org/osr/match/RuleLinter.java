package org.osr.match;

import java.util.ArrayList;
import java.util.List;
import org.osr.extract.Part;
import org.osr.rules.Example;
import org.osr.rules.Matcher;
import org.osr.rules.Rule;
import org.osr.rules.RulePack;
import org.osr.rules.SourcePosition;

/**
 * Warnings about rules that may be right but are not shown to be: no examples, or negative examples that never reach
 * the conditions that are supposed to reject them (so a broken {@code where} or {@code unless-near} would go unseen).
 */
public final class RuleLinter {

    /** One warning, positioned at the rule it is about. */
    public record Warning(SourcePosition position, String ruleId, String message) {
        @Override
        public String toString() {
            return position + ": warning: " + ruleId + ": " + message;
        }
    }

    private RuleLinter() {
    }

    public static List<Warning> lint(List<RulePack> packs) {
        List<Warning> warnings = new ArrayList<>();
        for (RulePack pack : packs) {
            for (Rule rule : pack.rules()) {
                lint(pack, rule, warnings);
            }
        }
        return warnings;
    }

    private static void lint(RulePack pack, Rule rule, List<Warning> warnings) {
        if (rule.matchExamples().isEmpty()) {
            warnings.add(new Warning(rule.position(), rule.id(), "no 'match' examples: nothing shows the rule fires"));
        }
        if (rule.noMatchExamples().isEmpty()) {
            warnings.add(new Warning(rule.position(), rule.id(),
                    "no 'no-match' examples: nothing shows what the rule must leave alone"));
        } else if (rule.hasConditions()) {
            RuleEngine bare = new RuleEngine(List.of(pack.withRules(List.of(rule.unconditioned()))));
            boolean exercised = false;
            for (Example ex : rule.noMatchExamples()) {
                if (!bare.match(ex.asPart()).isEmpty()) {
                    exercised = true;
                    break;
                }
            }
            if (!exercised) {
                warnings.add(new Warning(rule.position(), rule.id(), "no 'no-match' example contains a candidate the "
                        + "matcher finds, so the where/unless-near conditions are never exercised"));
            }
        }
        if (rule.matcher() instanceof Matcher.Regex regex && regex.requires().isEmpty()) {
            warnings.add(new Warning(rule.position(), rule.id(), "regex without 'requires': it runs on every part; "
                    + "list literals it needs so the Aho-Corasick pass can skip parts without them"));
        }
    }
}
