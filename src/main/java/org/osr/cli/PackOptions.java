package org.osr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.rules.RulePack;
import org.osr.rules.RulePackException;
import picocli.CommandLine.Option;

/** Which rule packs a command uses: the bundled ones, or the user's {@code --rules} (plus bundled on request). */
final class PackOptions {
    @Option(names = "--rules", paramLabel = "PATH",
            description = "Add a rule pack file or a folder of packs (repeatable). A pack may extend, disable or "
                    + "override bundled rules.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-bundled", description = "Do not use the bundled packs (a pack may still extend one).")
    boolean noBundled;

    @Option(names = "--with-bundled", hidden = true,
            description = "Accepted for compatibility: bundled packs are used unless --no-bundled.")
    boolean withBundled;

    /** The same choice as arguments of another osr process (a sweep's {@code osr worker} children). */
    List<String> arguments() {
        return PackSources.arguments(rules, noBundled);
    }

    List<RulePack> load() throws RulePackException {
        if (rules.stream().anyMatch(p -> p.toString().isEmpty())) {
            throw new Main.UsageException("--rules needs a pack file or folder, not an empty string");
        }
        PackLoader loader = new PackLoader();
        List<RulePack> packs;
        try {
            packs = PackSources.inUse(loader, rules, noBundled);
        } catch (PackSources.UnreadablePath e) {
            throw new Main.UsageException("cannot read rule pack " + e.path() + ": " + e.reason());
        }
        if (packs.stream().allMatch(p -> p.rules().isEmpty())) {
            throw new Main.UsageException("no rules in use (--no-bundled and no --rules pack with rules)");
        }
        return packs;
    }
}
