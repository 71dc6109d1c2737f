package org.osr.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.osr.source.Inputs;

/** Where packs come from: the ones bundled in the jar, and files or folders a user names with {@code --rules}. */
public final class PackSources {
    /** Bundled packs, in the order they are reported. Each is {@code rules/NAME} in the repository. */
    public static final List<String> BUNDLED = List.of("cn-classification-markings.yaml",
            "cn-telegram-headers.yaml", "cn-internal-markings.yaml", "cn-personal-information.yaml",
            "en-classification-markings.yaml", "sensitive-terms.yaml");

    private PackSources() {
    }

    public static List<RulePack> bundled(PackLoader loader) throws RulePackException {
        List<RulePack> packs = new ArrayList<>();
        for (String name : BUNDLED) {
            try (InputStream in = PackSources.class.getResourceAsStream("/osr/rules/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("bundled rule pack missing from the jar: " + name);
                }
                packs.add(loader.load("bundled:rules/" + name, in.readAllBytes(), PackSources::bundledTermsFile, false));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled rule pack " + name, e);
            }
        }
        return packs;
    }

    private static byte[] bundledTermsFile(String name) throws IOException {
        try (InputStream in = PackSources.class.getResourceAsStream("/osr/rules/" + name)) {
            if (in == null) {
                throw new java.io.FileNotFoundException("no bundled terms file " + name);
            }
            return in.readAllBytes();
        }
    }

    /**
     * Loads each named file, and every {@code *.yaml}/{@code *.yml} in each named folder (sorted by name; hidden
     * entries skipped). A file named twice, directly or through its folder, is loaded once. A pack's terms file may
     * be in any of the named folders, not only beside the pack.
     *
     * @throws UnreadablePath when a path names nothing, nothing readable, or a folder without packs
     */
    public static List<RulePack> fromPaths(PackLoader loader, List<Path> paths) throws RulePackException,
            UnreadablePath {
        List<RulePack> packs = new ArrayList<>();
        List<RulePackException.PackError> errors = new ArrayList<>();
        Set<Path> loaded = new HashSet<>();
        List<Path> folders = paths.stream().filter(Files::isDirectory).toList();
        for (Path path : paths) {
            for (Path file : packFiles(path)) {
                if (!loaded.add(file.toAbsolutePath().normalize())) {
                    continue;
                }
                try {
                    packs.add(loader.load(file, folders));
                } catch (RulePackException e) {
                    errors.addAll(e.errors());
                } catch (IOException e) {
                    throw new UnreadablePath(file, Inputs.reason(e));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RulePackException(errors);
        }
        return packs;
    }

    private static List<Path> packFiles(Path path) throws UnreadablePath {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new UnreadablePath(path, notARegularFile(path));
            }
            return List.of(path);
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(path)) {
            files = entries.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UnreadablePath(path, Inputs.reason(e));
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UnreadablePath(file, notARegularFile(file));
            }
        }
        if (files.isEmpty()) {
            throw new UnreadablePath(path, "the folder has no rule packs (*.yaml or *.yml files) in it");
        }
        return files;
    }

    private static String notARegularFile(Path path) {
        if (Files.isSymbolicLink(path) && !Files.exists(path)) {
            try {
                return "a link to " + Files.readSymbolicLink(path) + ", which does not exist";
            } catch (IOException e) {
                return "a link to a file that does not exist";
            }
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return "no such file or folder";
        }
        if (Files.isDirectory(path)) {
            return "a folder inside a rules folder (packs in sub-folders are not read; name it with --rules)";
        }
        return "not a regular file (a device, pipe or socket)";
    }

    /** A path given with {@code --rules} that cannot be read as rule packs, and why. */
    public static final class UnreadablePath extends IOException {
        private final transient Path path;
        private final String reason;

        UnreadablePath(Path path, String reason) {
            super(path + ": " + reason);
            this.path = path;
            this.reason = reason;
        }

        public Path path() {
            return path;
        }

        public String reason() {
            return reason;
        }
    }

    /** The same choice of packs as arguments of another osr process ({@code osr worker}). */
    public static List<String> arguments(List<Path> rules, boolean noBundled) {
        List<String> args = new ArrayList<>();
        for (Path p : rules) {
            args.add("--rules");
            args.add(p.toAbsolutePath().toString());
        }
        if (noBundled) {
            args.add("--no-bundled");
        }
        return args;
    }

    /** The packs a run uses: the bundled ones (unless {@code noBundled}) with the packs the {@code rules} paths hold. */
    public static List<RulePack> inUse(PackLoader loader, List<Path> rules, boolean noBundled)
            throws RulePackException, UnreadablePath {
        return assemble(bundled(loader), fromPaths(loader, rules), noBundled);
    }

    /**
     * The packs a run uses. Bundled packs are in use unless {@code noBundled}; a user pack that {@code extends} another
     * pack inherits its rules and takes its place; {@code disable} and {@code overrides} in any pack in use apply to
     * rules wherever they are defined. Every reference must resolve, or the run stops with file:line:column.
     */
    public static List<RulePack> assemble(List<RulePack> bundled, List<RulePack> user, boolean noBundled)
            throws RulePackException {
        Map<String, RulePack> available = new java.util.LinkedHashMap<>();
        for (RulePack p : bundled) {
            available.put(p.id(), p);
        }
        List<RulePackException.PackError> errors = new ArrayList<>();
        for (RulePack p : user) {
            RulePack clash = available.put(p.id(), p);
            if (clash != null && !bundled.contains(clash)) {
                errors.add(new RulePackException.PackError(p.position(), "pack id '" + p.id() + "' is also used at "
                        + clash.position() + "; pack ids must be unique"));
            }
        }
        Map<String, RulePack> extendedBy = new HashMap<>();
        for (RulePack p : user) {
            RulePack first = p.extendsRef() == null ? null : extendedBy.putIfAbsent(p.extendsRef().id(), p);
            if (first != null && !first.id().equals(p.id())) {
                errors.add(new RulePackException.PackError(p.extendsRef().position(), "pack '" + p.id()
                        + "' extends " + p.extendsRef().id() + ", which pack '" + first.id() + "' ("
                        + first.extendsRef().position() + ") also extends; only one pack may take its place (let '"
                        + p.id() + "' extend '" + first.id() + "' instead, or merge the two)"));
            }
        }
        List<RulePack> inUse = new ArrayList<>(noBundled ? List.of() : bundled);
        java.util.Set<String> replaced = new java.util.HashSet<>();
        for (RulePack p : user) {
            RulePack resolved = resolveExtends(p, available, new java.util.HashSet<>(), errors);
            if (p.extendsRef() != null) {
                replaced.add(p.extendsRef().id());
            }
            inUse.removeIf(q -> q.id().equals(p.id()));
            inUse.add(resolved);
        }
        inUse.removeIf(q -> replaced.contains(q.id()));
        if (!errors.isEmpty()) {
            throw new RulePackException(errors);
        }
        List<RulePack> result = applyDisableAndOverrides(inUse, errors);
        if (!errors.isEmpty()) {
            throw new RulePackException(errors);
        }
        checkUniqueRuleIds(result);
        return result;
    }

    private static RulePack resolveExtends(RulePack pack, Map<String, RulePack> available, java.util.Set<String> seen,
                                           List<RulePackException.PackError> errors) {
        if (pack.extendsRef() == null) {
            return pack;
        }
        String baseId = pack.extendsRef().id();
        RulePack base = available.get(baseId);
        if (base == null || base == pack || !seen.add(pack.id())) {
            errors.add(new RulePackException.PackError(pack.extendsRef().position(), base == null
                    ? "extends unknown pack '" + baseId + "' (bundled: " + String.join(", ", available.keySet()) + ")"
                    : "pack '" + pack.id() + "' extends itself, directly or through other packs"));
            return pack;
        }
        RulePack resolvedBase = resolveExtends(base, available, seen, errors);
        List<Rule> rules = new ArrayList<>();
        for (Rule r : resolvedBase.rules()) {
            rules.add(r.inPack(pack.id()));
        }
        rules.addAll(pack.rules());
        return new RulePack(pack.id(), pack.version(), pack.title(),
                pack.basis() != null ? pack.basis() : resolvedBase.basis(), rules, pack.origin(), pack.sha256(),
                pack.extendsRef(), pack.disabled(), pack.overrides(), pack.position());
    }

    private static List<RulePack> applyDisableAndOverrides(List<RulePack> packs,
                                                           List<RulePackException.PackError> errors) {
        java.util.Set<String> known = new java.util.HashSet<>();
        packs.forEach(p -> p.rules().forEach(r -> known.add(r.id())));
        java.util.Set<String> disabled = new java.util.HashSet<>();
        Map<String, RulePack.RuleOverride> overrides = new HashMap<>();
        for (RulePack p : packs) {
            for (RulePack.RuleRef ref : p.disabled()) {
                if (!known.contains(ref.id())) {
                    errors.add(new RulePackException.PackError(ref.position(), "disable: no rule with id '"
                            + ref.id() + "' in the packs in use"));
                }
                disabled.add(ref.id());
            }
            for (RulePack.RuleOverride o : p.overrides()) {
                if (!known.contains(o.id())) {
                    errors.add(new RulePackException.PackError(o.position(), "overrides: no rule with id '"
                            + o.id() + "' in the packs in use"));
                }
                overrides.put(o.id(), o);
            }
        }
        List<RulePack> result = new ArrayList<>();
        for (RulePack p : packs) {
            List<Rule> rules = new ArrayList<>();
            for (Rule r : p.rules()) {
                if (disabled.contains(r.id())) {
                    continue;
                }
                RulePack.RuleOverride o = overrides.get(r.id());
                rules.add(o == null ? r : r.with(o.action(), o.message(), o.where()));
            }
            result.add(p.withRules(rules));
        }
        return result;
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
