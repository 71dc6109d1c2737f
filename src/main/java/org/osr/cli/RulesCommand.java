package org.osr.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.osr.match.ExampleRunner;
import org.osr.review.Masking;
import org.osr.review.Redactor;
import org.osr.rules.Example;
import org.osr.rules.Lang;
import org.osr.rules.Matcher;
import org.osr.rules.Rule;
import org.osr.rules.RulePack;
import org.osr.rules.Where;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Inspect and test rule packs.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Show.class, RulesCommand.Test.class,
            RulesCommand.Lint.class})
final class RulesCommand implements Runnable {
    final Io io;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    RulesCommand(Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, show, test or lint");
    }

    /** Options every rules subcommand shares. */
    abstract static class Sub implements Callable<Integer> {
        @CommandLine.ParentCommand
        RulesCommand parent;

        @Mixin
        PackOptions packOptions = new PackOptions();

        @Option(names = "--lang", paramLabel = "LANG", description = "zh or en (default: locale).")
        String lang;

        Io io() {
            return parent.io;
        }

        /** Checked by every subcommand, so a wrong {@code --lang} is a usage error even where nothing is localized. */
        Lang language() {
            return ScanCommand.language(lang);
        }
    }

    /** An example as printed: masked like report text, every long number masked for personal-data rules. */
    static String shown(Example example, Rule rule, Redactor redactor) {
        String text = laidOut(example);
        return rule.mask() ? redactor.maskNumbers(text) : redactor.mask(text);
    }

    /** An example's text with its table rows on one line each, cells apart: {@code 密级 | 机密}. */
    private static String laidOut(Example example) {
        if (example.blocks().stream().noneMatch(b -> b.cell() != null)) {
            return example.text();
        }
        StringBuilder sb = new StringBuilder();
        org.osr.extract.Block previous = null;
        for (org.osr.extract.Block b : example.blocks()) {
            if (previous != null) {
                boolean sameRow = b.cell() != null && previous.cell() != null
                        && b.cell().table() == previous.cell().table() && b.cell().row() == previous.cell().row();
                sb.append(sameRow ? " | " : "\n");
            }
            sb.append(example.text(), b.start(), b.end());
            previous = b;
        }
        return sb.toString();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules of every pack in use.")
    static final class ListRules extends Sub {
        @Override
        public Integer call() throws Exception {
            Lang language = language();
            for (RulePack pack : packOptions.load()) {
                io().out().println(pack.id() + " " + pack.version() + "  " + pack.title().in(language) + "  ("
                        + pack.origin() + ", " + pack.rules().size() + " rules)");
                for (Rule r : pack.rules()) {
                    io().out().printf("  %-40s %-9s %-24s %s%n", r.id(), r.action().id(), r.category(),
                            r.message().in(language));
                }
            }
            io().out().flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Explain one rule.")
    static final class Show extends Sub {
        @Parameters(paramLabel = "ID", description = "Rule id, e.g. cn-marking.level-star-period")
        String id;

        @Override
        public Integer call() throws Exception {
            Lang language = language();
            List<RulePack> packs = packOptions.load();
            for (RulePack pack : packs) {
                for (Rule r : pack.rules()) {
                    if (r.id().equals(id)) {
                        print(pack, r, language, Masking.of(packs).plain());
                        return 0;
                    }
                }
            }
            throw new Main.UsageException("no rule with id '" + id + "' (see 'osr rules list')");
        }

        private void print(RulePack pack, Rule r, Lang language, Redactor redactor) {
            var out = io().out();
            out.println(r.id());
            out.println("  pack:      " + pack.id() + " " + pack.version() + " (" + r.position() + ")");
            out.println("  category:  " + r.category());
            out.println("  action:    " + r.action().id());
            out.println("  message:   " + r.message().in(language));
            if (pack.basis() != null) {
                out.println("  basis:     " + pack.basis());
            }
            if (r.matcher() instanceof Matcher.Terms t) {
                out.println("  terms:     " + String.join(", ", t.terms()));
            } else if (r.matcher() instanceof Matcher.Regex x) {
                out.println("  regex:     " + x.source() + (x.caseSensitive() != null ? "  (case-sensitive)" : ""));
                if (!x.requires().isEmpty()) {
                    out.println("  requires:  " + String.join(", ", x.requires()));
                }
            } else if (r.matcher() instanceof Matcher.Cluster c) {
                out.println("  cluster:   at least " + c.min() + " different of [" + String.join(", ", c.anyOf())
                        + "] within " + (c.withinLines() > 0 ? c.withinLines() + " lines" : c.withinChars()
                        + " characters") + (c.asLabels() ? ", each standing as a label (not inside a longer word)" : "")
                        + (c.withOneOf().isEmpty() ? "" : ", one of them " + String.join(" or ", c.withOneOf())));
            }
            if (r.validator() != null) {
                out.println("  validate:  " + r.validator() + " (the match must pass this checksum)");
            }
            out.println("  where:     " + r.where().stream().map(Where::describe).collect(Collectors.joining("; or ")));
            if (r.unlessNear() != null) {
                out.println("  unless within " + r.unlessNear().within() + " chars of: "
                        + String.join(", ", r.unlessNear().terms()));
            }
            for (var condition : r.unless()) {
                out.println("  unless:    " + condition.describe());
            }
            if (r.near() != null) {
                out.println("  only within " + r.near().within() + " chars of" + (r.near().linesAbove() > 0
                        ? " (or " + r.near().linesAbove() + " lines below)" : "") + ": "
                        + String.join(", ", r.near().terms()));
            }
            if (r.mask()) {
                out.println("  masked:    yes (the match is never printed whole)");
            }
            printExamples("match", r.matchExamples(), r, redactor);
            printExamples("no-match", r.noMatchExamples(), r, redactor);
            out.flush();
        }

        /** The example's layout in a few words: its tables, headings and placed lines. */
        private static String layoutOf(Example e) {
            java.util.Map<String, Long> kinds = e.blocks().stream().collect(Collectors.groupingBy(
                    b -> b.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    java.util.TreeMap::new, Collectors.counting()));
            return kinds.entrySet().stream().map(k -> k.getValue() + " " + k.getKey() + (k.getValue() > 1 ? "s" : ""))
                    .collect(Collectors.joining(", "));
        }

        /** Examples of personal-data rules are personal-data-shaped: they are masked like any report text. */
        private void printExamples(String label, List<Example> examples, Rule r, Redactor redactor) {
            for (Example e : examples) {
                io().out().println("  " + label + ": " + shown(e, r, redactor).replace("\n", "\\n")
                        .replace("\f", " ⏎page⏎ ")
                        + (e.part() == org.osr.extract.PartKind.BODY ? "" : "  [" + e.part().id() + "]")
                        + (e.blocks().isEmpty() ? "" : "  [" + layoutOf(e) + "]"));
            }
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run every example of every rule; exit 1 if any example fails.")
    static final class Test extends Sub {
        @Override
        public Integer call() throws Exception {
            language();
            List<RulePack> packs = packOptions.load();
            List<ExampleRunner.Result> results = ExampleRunner.run(packs);
            Redactor redactor = Masking.of(packs).plain();
            int failed = 0;
            for (ExampleRunner.Result r : results) {
                if (!r.passed()) {
                    failed++;
                    io().err().println(r.example().position() + ": " + r.rule().id() + ": expected "
                            + (r.expectMatch() ? "a finding" : "no finding") + " for '"
                            + shown(r.example(), r.rule(), redactor).replace("\n", "\\n") + "'"
                            + (r.example().part() == org.osr.extract.PartKind.BODY ? "" : " in " + r.example().part().id()));
                }
            }
            long rulesWithoutExamples = packs.stream().flatMap(p -> p.rules().stream())
                    .filter(r -> r.matchExamples().isEmpty()).count();
            if (rulesWithoutExamples > 0) {
                io().err().println("warning: " + rulesWithoutExamples + " rule(s) have no match examples");
            }
            io().out().println("rules: " + (results.size() - failed) + " passed, " + failed + " failed");
            io().out().flush();
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = "Warn about rules without examples or whose examples never exercise their conditions.")
    static final class Lint extends Sub {
        @Option(names = "--strict", description = "Exit 1 when there are warnings.")
        boolean strict;

        @Override
        public Integer call() throws Exception {
            language();
            List<org.osr.match.RuleLinter.Warning> warnings = org.osr.match.RuleLinter.lint(packOptions.load());
            warnings.forEach(w -> io().out().println(w));
            io().out().println(warnings.size() + " warning(s)");
            io().out().flush();
            return strict && !warnings.isEmpty() ? 1 : 0;
        }
    }
}
