package org.osr.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osr.rules.conditions.Condition;
import org.osr.rules.conditions.Conditions;
import org.osr.extract.PartKind;
import org.osr.normalize.Normalizer;
import tools.jackson.databind.JsonNode;

/**
 * Reads rule packs: YAML 1.2 (Jackson 3 on SnakeYAML Engine: no object construction from tags, duplicate keys
 * rejected), checked against the JSON Schema shipped in the jar, then compiled. Every problem, syntactic or semantic,
 * is reported with file:line:column.
 */
public final class PackLoader {
    /** A pack is a human-edited file; anything bigger is a mistake or an attack. Term lists have their own files. */
    public static final int MAX_PACK_BYTES = 4 << 20;
    static final String SCHEMA_RESOURCE = "/osr/rule-pack.schema.json";

    private final LocatedYaml yaml = new LocatedYaml();
    /** Compiled on first use: building it costs a third of a second, and the bundled packs do not need it. */
    private Schema schema;

    private synchronized Schema schema() {
        if (schema == null) {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.nodeReader(yaml.reader()));
            schema = registry.getSchema(schemaText(), InputFormat.JSON);
        }
        return schema;
    }

    /** The schema text, for editors and {@code osr rules schema}. */
    public static String schemaText() {
        try (InputStream in = PackLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the file a pack's {@code terms-file:} names; relative names are resolved beside the pack. */
    @FunctionalInterface
    public interface TermsFiles {
        byte[] read(String name) throws IOException;

        TermsFiles NONE = name -> {
            throw new IOException("terms files are not available for this pack");
        };
    }

    public RulePack load(Path file) throws RulePackException, IOException {
        return load(file, List.of());
    }

    /**
     * Loads a pack file. Its {@code terms-file:} may name a file in the pack's folder (or below it), or in one of
     * {@code userFolders}: the folders the user named on the command line.
     */
    public RulePack load(Path file, List<Path> userFolders) throws RulePackException, IOException {
        long size = Files.size(file);
        if (size > MAX_PACK_BYTES) {
            throw new RulePackException(new RulePackException.PackError(new SourcePosition(file.toString(), 1, 1),
                    "rule pack is " + size + " bytes; the limit is " + MAX_PACK_BYTES
                            + " (put long term lists in a terms file)"));
        }
        Path dir = file.toAbsolutePath().getParent();
        return load(file.toString(), Files.readAllBytes(file), name -> TermsFile.read(dir, name, userFolders));
    }

    public RulePack load(String origin, byte[] bytes) throws RulePackException {
        return load(origin, bytes, TermsFiles.NONE);
    }

    public RulePack load(String origin, byte[] bytes, TermsFiles termsFiles) throws RulePackException {
        return load(origin, bytes, termsFiles, true);
    }

    /**
     * @param checkSchema false only for packs shipped in the jar, which the test suite checks against the schema
     *                    ({@code BundledPacksTest}); every user pack is checked
     */
    RulePack load(String origin, byte[] bytes, TermsFiles termsFiles, boolean checkSchema) throws RulePackException {
        if (bytes.length > MAX_PACK_BYTES) {
            throw error(origin, null, "rule pack is " + bytes.length + " bytes; the limit is " + MAX_PACK_BYTES);
        }
        String text = PackText.read(origin, bytes);
        JsonNode root = yaml.read(origin, text);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw error(origin, null, "the file is empty; a rule pack needs pack, version, title and rules");
        }
        if (!root.isObject()) {
            throw error(origin, root, "not a rule pack: a pack is a YAML mapping of pack, version, title and rules "
                    + "(a plain list of terms goes in a terms file that a rule names with terms-file)");
        }
        List<RulePackException.PackError> errors = new ArrayList<>();
        if (checkSchema) {
            errors.addAll(SchemaErrors.describe(origin, schema().validate(root)));
        }
        if (!errors.isEmpty()) {
            throw new RulePackException(errors);
        }
        return new Compiler(origin, errors, termsFiles).compile(root, org.osr.source.Digests.sha256(bytes));
    }

    /** Turns the validated tree into rules; collects every semantic problem before failing. */
    private static final class Compiler {
        private final String origin;
        private final List<RulePackException.PackError> errors;
        private final TermsFiles termsFiles;

        Compiler(String origin, List<RulePackException.PackError> errors, TermsFiles termsFiles) {
            this.origin = origin;
            this.errors = errors;
            this.termsFiles = termsFiles;
        }

        RulePack compile(JsonNode root, String sha256) throws RulePackException {
            String packId = root.get("pack").asString();
            List<Rule> rules = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            JsonNode ruleNodes = root.has("rules") ? root.get("rules") : tools.jackson.databind.node.JsonNodeFactory
                    .instance.arrayNode();
            if (ruleNodes.isEmpty() && !root.has("extends") && !root.has("disable") && !root.has("overrides")) {
                fail(root.has("rules") ? ruleNodes : root,
                        "a pack needs rules, or extends/disable/overrides to change other packs' rules");
            }
            for (JsonNode node : ruleNodes) {
                String id = node.get("id").asString();
                if (!ids.add(id)) {
                    fail(node.get("id"), "rule id '" + id + "' appears twice in this pack");
                    continue;
                }
                Rule rule = rule(packId, node);
                if (rule != null) {
                    rules.add(rule);
                }
            }
            if (!errors.isEmpty()) {
                throw new RulePackException(errors);
            }
            RulePack.RuleRef extendsRef = root.has("extends")
                    ? new RulePack.RuleRef(root.get("extends").asString(), position(origin, root.get("extends"))) : null;
            List<RulePack.RuleRef> disabled = new ArrayList<>();
            if (root.has("disable")) {
                root.get("disable").forEach(d -> disabled.add(new RulePack.RuleRef(d.asString(), position(origin, d))));
            }
            List<RulePack.RuleOverride> overrides = new ArrayList<>();
            if (root.has("overrides")) {
                for (var entry : root.get("overrides").properties()) {
                    JsonNode o = entry.getValue();
                    overrides.add(new RulePack.RuleOverride(entry.getKey(),
                            o.has("action") ? Action.fromId(o.get("action").asString()) : null,
                            o.has("message") ? localized(o.get("message")) : null,
                            o.has("where") ? where(o.get("where")) : null, position(origin, o)));
                }
            }
            return new RulePack(packId, root.get("version").asString(), localized(root.get("title")),
                    root.has("basis") ? root.get("basis").asString() : null, rules, origin, sha256, extendsRef,
                    disabled, overrides, position(origin, root.get("pack")));
        }

        private Rule rule(String packId, JsonNode node) {
            Matcher matcher = matcher(node);
            if (matcher == null) {
                return null;
            }
            UnlessNear unless = null;
            JsonNode nearNode = node.has("unless-near") ? node.get("unless-near")
                    : node.has("unless") ? node.get("unless").get("near") : null;
            if (node.has("unless-near") && node.has("unless") && node.get("unless").has("near")) {
                fail(node.get("unless"), "'unless-near' and 'unless: {near: …}' say the same thing; keep one");
            }
            if (nearNode != null) {
                unless = new UnlessNear(normalizedTerms(nearNode.get("terms")),
                        nearNode.has("within") ? nearNode.get("within").asInt() : 12);
            }
            Near near = null;
            if (node.has("near")) {
                JsonNode n = node.get("near");
                near = new Near(normalizedTerms(n.get("terms")), n.has("within") ? n.get("within").asInt() : 12,
                        n.has("lines-above") ? n.get("lines-above").asInt() : 0);
            }
            JsonNode examples = node.get("examples");
            String validator = node.has("validate") ? node.get("validate").asString() : null;
            if (validator != null && !(matcher instanceof Matcher.Regex)) {
                fail(node.get("validate"), "'validate' applies to 'regex' rules (the validator checks what the regex found)");
            }
            return new Rule(node.get("id").asString(), packId, node.get("category").asString(),
                    Action.fromId(node.get("action").asString()), localized(node.get("message")), matcher,
                    where(node.get("where")), unless, unless(node.get("unless")), near, node.has("mask") && node.get("mask").asBoolean(), validator,
                    examples(examples == null ? null : examples.get("match")),
                    examples(examples == null ? null : examples.get("no-match")),
                    position(origin, node));
        }

        private Matcher matcher(JsonNode node) {
            boolean hasTerms = node.has("terms") || node.has("terms-file");
            int kinds = (hasTerms ? 1 : 0) + (node.has("regex") ? 1 : 0) + (node.has("cluster") ? 1 : 0);
            if (kinds != 1) {
                fail(node, "a rule needs exactly one matcher: 'terms' (and/or 'terms-file'), 'regex' or 'cluster'");
                return null;
            }
            if (node.has("requires") && !node.has("regex")) {
                fail(node.get("requires"), "'requires' only applies to 'regex' rules");
            }
            if (node.has("case-sensitive") && !node.has("regex")) {
                fail(node.get("case-sensitive"), "'case-sensitive' only applies to 'regex' rules");
            }
            if (hasTerms) {
                List<String> terms = new ArrayList<>();
                if (node.has("terms")) {
                    terms.addAll(normalizedTerms(node.get("terms")));
                }
                if (node.has("terms-file")) {
                    terms.addAll(termsFile(node.get("terms-file")));
                }
                return terms.isEmpty() ? null : new Matcher.Terms(terms.stream().distinct().toList());
            }
            if (node.has("cluster")) {
                JsonNode c = node.get("cluster");
                List<String> anyOf = normalizedTerms(c.get("any-of")).stream().distinct().toList();
                int min = c.get("min").asInt();
                if (min > anyOf.size()) {
                    fail(c.get("min"), "min " + min + " is more than the " + anyOf.size() + " distinct terms in any-of");
                }
                List<String> withOneOf = c.has("with-one-of") ? normalizedTerms(c.get("with-one-of")) : List.of();
                for (String label : withOneOf) {
                    if (!anyOf.contains(label)) {
                        fail(c.get("with-one-of"), "'" + label + "' is not one of the cluster's any-of labels");
                    }
                }
                JsonNode within = c.get("within");
                return new Matcher.Cluster(anyOf, min, within.has("lines") ? within.get("lines").asInt() : 0,
                        within.has("chars") ? within.get("chars").asInt() : 0,
                        c.has("as-labels") && c.get("as-labels").asBoolean(), withOneOf);
            }
            JsonNode regexNode = node.get("regex");
            String source = regexNode.asString();
            String tooLarge = RegexLimits.beforeCompiling(source);
            if (tooLarge != null) {
                fail(regexNode, tooLarge);
                return null;
            }
            try {
                Pattern pattern = Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
                tooLarge = RegexLimits.afterCompiling(pattern);
                if (tooLarge != null) {
                    fail(regexNode, tooLarge);
                    return null;
                }
                List<String> requires = node.has("requires") ? normalizedTerms(node.get("requires")) : List.of();
                for (String group : pattern.namedGroups().keySet()) {
                    if (!group.equals("match")) {
                        fail(regexNode, "named group '" + group + "': the only named group a rule may use is 'match' "
                                + "(it narrows the reported span); use (?:...) for other groups");
                    }
                }
                Pattern caseSensitive = node.has("case-sensitive") && node.get("case-sensitive").asBoolean()
                        ? Pattern.compile(source, Pattern.MULTILINE) : null;
                return new Matcher.Regex(source, pattern, requires, caseSensitive);
            } catch (PatternSyntaxException e) {
                fail(regexNode, "invalid regex (RE2 syntax; no look-around or back-references): "
                        + e.getDescription() + " near '" + e.getPattern() + "'");
                return null;
            }
        }

        private List<String> termsFile(JsonNode nameNode) {
            String name = nameNode.asString();
            byte[] bytes;
            try {
                bytes = termsFiles.read(name);
            } catch (IOException e) {
                fail(nameNode, "cannot read terms file '" + name + "': " + e.getMessage());
                return List.of();
            }
            try {
                List<String> terms = TermsFile.parse(bytes);
                if (terms.isEmpty()) {
                    fail(nameNode, "terms file '" + name + "' has no terms (only blank lines and # comments)");
                }
                return terms;
            } catch (TermsFile.BadLine e) {
                fail(nameNode, "terms file '" + name + "' line " + e.line() + ": " + e.getMessage());
                return List.of();
            }
        }

        /** Terms are normalized exactly like document text, so {@code 機密} in a pack matches {@code 机密} and back. */
        private List<String> normalizedTerms(JsonNode array) {
            List<String> terms = new ArrayList<>();
            for (JsonNode t : array) {
                String normalized = Normalizer.normalize(t.asString()).text().strip();
                if (normalized.isEmpty()) {
                    fail(t, "term is empty after normalization (only spaces or invisible characters)");
                } else if (normalized.indexOf('\n') >= 0 || normalized.indexOf('\f') >= 0) {
                    fail(t, "a term cannot span lines");
                } else {
                    terms.add(normalized);
                }
            }
            return terms;
        }

        private List<Where> where(JsonNode node) {
            if (node == null) {
                return List.of();
            }
            List<Where> result = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(w -> result.add(oneWhere(w)));
            } else {
                result.add(oneWhere(node));
            }
            return result;
        }

        private Where oneWhere(JsonNode w) {
            Set<PartKind> parts = EnumSet.noneOf(PartKind.class);
            if (w.has("parts")) {
                w.get("parts").forEach(p -> parts.add(PartKind.fromId(p.asString())));
            }
            List<Condition> layout = new ArrayList<>();
            for (var entry : w.properties()) {
                if (Conditions.isWhereKey(entry.getKey())) {
                    Condition c = Conditions.where(entry.getKey(), entry.getValue(), this::fail);
                    if (c != null) {
                        layout.add(c);
                    }
                }
            }
            return new Where(parts, w.has("own-line") && w.get("own-line").asBoolean(),
                    w.has("first-lines") ? w.get("first-lines").asInt() : 0, layout);
        }

        /** The {@code unless:} map: {@code near} is {@code unless-near}; every other key a layout condition. */
        private List<Condition> unless(JsonNode node) {
            List<Condition> result = new ArrayList<>();
            if (node == null) {
                return result;
            }
            for (var entry : node.properties()) {
                if (Conditions.isUnlessKey(entry.getKey())) {
                    Condition c = Conditions.unless(entry.getKey(), entry.getValue(), this::fail);
                    if (c != null) {
                        result.add(c);
                    }
                }
            }
            return result;
        }

        private List<Example> examples(JsonNode array) {
            List<Example> result = new ArrayList<>();
            if (array == null) {
                return result;
            }
            for (JsonNode e : array) {
                if (e.isString()) {
                    result.add(new Example(e.asString(), PartKind.BODY, position(origin, e)));
                } else {
                    PartKind part = e.has("part") ? PartKind.fromId(e.get("part").asString()) : PartKind.BODY;
                    result.add(e.has("blocks") ? ExampleLayout.build(e.get("blocks"), part, position(origin, e), this::fail)
                            : new Example(e.get("text").asString(), part, position(origin, e)));
                }
            }
            return result;
        }

        private void fail(JsonNode node, String message) {
            errors.add(new RulePackException.PackError(position(origin, node), message));
        }
    }

    private static Localized localized(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return new Localized(node.asString(), node.asString());
        }
        return new Localized(node.has("zh") ? node.get("zh").asString() : null,
                node.has("en") ? node.get("en").asString() : null);
    }

    static SourcePosition position(String origin, JsonNode node) {
        return LocatedYaml.position(origin, node);
    }

    private static RulePackException error(String origin, JsonNode node, String message) {
        return new RulePackException(new RulePackException.PackError(position(origin, node), message));
    }
}
