package org.osr.match;

import java.util.ArrayList;
import java.util.List;
import org.osr.extract.Part;
import org.osr.rules.Example;
import org.osr.rules.Rule;
import org.osr.rules.RulePack;

/**
 * Runs every rule's examples through the real engine: a {@code match} example must produce a finding of that rule,
 * a {@code no-match} example must not. Each example is a one-part document (body unless the example names a part).
 */
public final class ExampleRunner {

    /** The outcome of one example. */
    public record Result(Rule rule, Example example, boolean expectMatch, boolean passed) {
    }

    private ExampleRunner() {
    }

    public static List<Result> run(List<RulePack> packs) {
        List<Result> results = new ArrayList<>();
        for (RulePack pack : packs) {
            for (Rule rule : pack.rules()) {
                RuleEngine engine = new RuleEngine(List.of(pack.withRules(List.of(rule))));
                for (Example ex : rule.matchExamples()) {
                    results.add(new Result(rule, ex, true, fires(engine, ex)));
                }
                for (Example ex : rule.noMatchExamples()) {
                    results.add(new Result(rule, ex, false, !fires(engine, ex)));
                }
            }
        }
        return results;
    }

    private static boolean fires(RuleEngine engine, Example ex) {
        return !engine.match(ex.asPart()).isEmpty();
    }
}
