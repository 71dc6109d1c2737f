package org.osr.cli;

import java.io.IOException;
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
            description = "A rule pack file or a folder of packs (repeatable). Replaces the bundled packs unless "
                    + "--with-bundled is given.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--with-bundled", description = "Use the bundled packs as well as those named with --rules.")
    boolean withBundled;

    List<RulePack> load() throws RulePackException {
        PackLoader loader = new PackLoader();
        List<RulePack> packs = new ArrayList<>();
        if (rules.isEmpty() || withBundled) {
            packs.addAll(PackSources.bundled(loader));
        }
        try {
            packs.addAll(PackSources.fromPaths(loader, rules));
        } catch (IOException e) {
            throw new Main.UsageException("cannot read rule pack: " + e.getMessage());
        }
        PackSources.checkUniqueRuleIds(packs);
        return packs;
    }

    static String basisOf(List<RulePack> packs, String packId) {
        for (RulePack p : packs) {
            if (p.id().equals(packId)) {
                return p.basis();
            }
        }
        return null;
    }
}
