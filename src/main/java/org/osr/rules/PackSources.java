package org.osr.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Where packs come from: the ones bundled in the jar, and files or folders a user names with {@code --rules}. */
public final class PackSources {
    /** Bundled packs, in the order they are reported. Each is {@code rules/NAME} in the repository. */
    public static final List<String> BUNDLED = List.of("cn-classification-markings.yaml");

    private PackSources() {
    }

    public static List<RulePack> bundled(PackLoader loader) throws RulePackException {
        List<RulePack> packs = new ArrayList<>();
        for (String name : BUNDLED) {
            try (InputStream in = PackSources.class.getResourceAsStream("/osr/rules/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("bundled rule pack missing from the jar: " + name);
                }
                packs.add(loader.load("bundled:rules/" + name, in.readAllBytes()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled rule pack " + name, e);
            }
        }
        return packs;
    }

    /** Loads each named file, and every {@code *.yaml}/{@code *.yml} in each named folder (sorted by name). */
    public static List<RulePack> fromPaths(PackLoader loader, List<Path> paths) throws RulePackException, IOException {
        List<RulePack> packs = new ArrayList<>();
        List<RulePackException.PackError> errors = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : packFiles(path)) {
                try {
                    packs.add(loader.load(file));
                } catch (RulePackException e) {
                    errors.addAll(e.errors());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RulePackException(errors);
        }
        return packs;
    }

    private static List<Path> packFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such rule pack file or folder");
            }
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"));
            }).sorted().toList();
        }
    }

    /** Two packs may not define the same rule id: findings, fingerprints and baselines key on it. */
    public static void checkUniqueRuleIds(List<RulePack> packs) throws RulePackException {
        Map<String, Rule> seen = new HashMap<>();
        List<RulePackException.PackError> errors = new ArrayList<>();
        for (RulePack pack : packs) {
            for (Rule rule : pack.rules()) {
                Rule first = seen.putIfAbsent(rule.id(), rule);
                if (first != null) {
                    errors.add(new RulePackException.PackError(rule.position(),
                            "rule id '" + rule.id() + "' is already defined at " + first.position()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RulePackException(errors);
        }
    }
}
