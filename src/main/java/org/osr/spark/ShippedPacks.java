package org.osr.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.rules.RulePack;
import org.osr.rules.RulePackException;

/**
 * The user's rule packs as bytes, read on the driver and broadcast to the executors, which write them into a private
 * folder laid out as on the driver and load them from there — once per executor, not per file. A pack's terms file
 * sits beside it or below: so a {@code --rules} file travels with the files of its folder and below, a {@code --rules}
 * folder with everything below it (hidden entries left out), at most {@link #LIMIT} bytes in all.
 */
record ShippedPacks(List<RulesPath> paths, boolean noBundled) implements Serializable {
    static final long LIMIT = 64L << 20;

    /**
     * One {@code --rules} argument.
     *
     * @param pack  the pack file's name within {@code files}, or null when the argument named a folder
     * @param files relative path (with {@code /}) to bytes
     */
    record RulesPath(String pack, Map<String, byte[]> files) implements Serializable {
    }

    ShippedPacks {
        paths = List.copyOf(paths);
    }

    /** Reads the {@code --rules} paths the driver was given (after {@link #load} has checked them). */
    static ShippedPacks read(List<Path> rules, boolean noBundled) throws IOException {
        List<RulesPath> paths = new ArrayList<>();
        long[] total = {0};
        for (Path rule : rules) {
            boolean folder = Files.isDirectory(rule);
            Path root = folder ? rule : rule.toAbsolutePath().getParent();
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    Path relative = root.relativize(f);
                    boolean hidden = false;
                    for (Path part : relative) {
                        hidden |= part.toString().startsWith(".");
                    }
                    if (hidden) {
                        continue;
                    }
                    total[0] += Files.size(f);
                    if (total[0] > LIMIT) {
                        throw new IOException("the rule packs and the folders they sit in hold more than "
                                + (LIMIT >> 20) + " MiB (" + root + "); put each pack with its terms files in a "
                                + "folder of its own");
                    }
                    files.put(relative.toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
            paths.add(new RulesPath(folder ? null : rule.getFileName().toString(), files));
        }
        return new ShippedPacks(paths, noBundled);
    }

    /** Writes the packs under {@code dir}; returns the {@code --rules} paths that name them there. */
    List<Path> writeTo(Path dir) throws IOException {
        List<Path> named = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path root = Files.createDirectories(dir.resolve(Integer.toString(i)));
            for (Map.Entry<String, byte[]> f : paths.get(i).files().entrySet()) {
                Path file = root.resolve(f.getKey()).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("a shipped rules file escapes its folder: " + f.getKey());
                }
                Files.createDirectories(file.getParent());
                Files.write(file, f.getValue());
            }
            named.add(paths.get(i).pack() == null ? root : root.resolve(paths.get(i).pack()));
        }
        return named;
    }

    static List<RulePack> load(List<Path> rules, boolean noBundled) throws IOException, RulePackException {
        return PackSources.inUse(new PackLoader(), rules, noBundled);
    }
}
