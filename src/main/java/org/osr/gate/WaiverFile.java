package org.osr.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.osr.rules.LocatedYaml;
import org.osr.rules.RulePackException;
import org.osr.rules.SourcePosition;
import tools.jackson.databind.JsonNode;

/**
 * {@code .osr-waivers.yaml}: a mapping with one key, {@code waivers}, a list of entries. Each entry names a
 * {@code rule} and at least one of {@code fingerprint} (a finding's), {@code sha256} (a document's) and {@code path}
 * (a glob over the path as reported); then {@code reason}, {@code approvedBy}, {@code approvedOn} and optionally
 * {@code expires} (ISO dates). Every mistake is reported with file:line:column.
 */
public final class WaiverFile {
    public static final String DEFAULT_NAME = ".osr-waivers.yaml";
    static final int MAX_BYTES = 4 << 20;
    private static final String KIND = "waiver file";
    private static final Set<String> KEYS = Set.of("fingerprint", "sha256", "path", "rule", "reason", "approvedBy",
            "approvedOn", "expires");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String HEADER = """
            # Findings osr lets through, each with who approved it and why. Add entries with
            #   osr waive FINGERPRINT --rule RULE --reason "..." --by NAME [--expires YYYY-MM-DD]
            # (the fingerprint is in every report). A waiver never covers a file osr could not read completely.
            waivers:
            """;

    private WaiverFile() {
    }

    public static List<Waiver> load(Path file) throws GateFileException, IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new GateFileException(KIND, new SourcePosition(file.toString(), 1, 1),
                    "the file is " + size + " bytes; the limit is " + MAX_BYTES);
        }
        return parse(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    static List<Waiver> parse(String origin, String text) throws GateFileException {
        JsonNode root;
        try {
            root = new LocatedYaml().read(origin, text);
        } catch (RulePackException e) {
            throw new GateFileException(KIND, e.errors().stream()
                    .map(p -> new GateFileException.Error(p.position(), p.message())).toList());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        List<GateFileException.Error> errors = new ArrayList<>();
        if (!root.isObject() || !root.has("waivers")) {
            throw new GateFileException(KIND, LocatedYaml.position(origin, root),
                    "expected a mapping with the key 'waivers' holding a list of entries");
        }
        for (String key : root.propertyNames()) {
            if (!key.equals("waivers")) {
                errors.add(new GateFileException.Error(LocatedYaml.position(origin, root.get(key)),
                        "unknown key '" + key + "' (the file has one key, 'waivers')"));
            }
        }
        JsonNode list = root.get("waivers");
        List<Waiver> waivers = new ArrayList<>();
        if (list.isArray()) {
            for (JsonNode entry : list) {
                Waiver w = entry(origin, entry, errors);
                if (w != null) {
                    waivers.add(w);
                }
            }
        } else if (!list.isNull()) {
            errors.add(new GateFileException.Error(LocatedYaml.position(origin, list),
                    "'waivers' must be a list of entries ('- rule: ...')"));
        }
        if (!errors.isEmpty()) {
            throw new GateFileException(KIND, errors);
        }
        return List.copyOf(waivers);
    }

    private static Waiver entry(String origin, JsonNode entry, List<GateFileException.Error> errors) {
        SourcePosition at = LocatedYaml.position(origin, entry);
        if (!entry.isObject()) {
            errors.add(new GateFileException.Error(at, "an entry must be a mapping of rule, fingerprint, reason, "
                    + "approvedBy, approvedOn (and optionally sha256, path, expires)"));
            return null;
        }
        int before = errors.size();
        for (String key : entry.propertyNames()) {
            if (!KEYS.contains(key)) {
                errors.add(new GateFileException.Error(LocatedYaml.position(origin, entry.get(key)),
                        "unknown key '" + key + "' (allowed: fingerprint, sha256, path, rule, reason, approvedBy, "
                                + "approvedOn, expires)"));
            }
        }
        String rule = text(origin, entry, "rule", true, errors);
        String fingerprint = hex(origin, entry, "fingerprint", errors);
        String sha256 = hex(origin, entry, "sha256", errors);
        String path = text(origin, entry, "path", false, errors);
        String reason = text(origin, entry, "reason", true, errors);
        String approvedBy = text(origin, entry, "approvedBy", true, errors);
        LocalDate approvedOn = date(origin, entry, "approvedOn", true, errors);
        LocalDate expires = date(origin, entry, "expires", false, errors);
        if (fingerprint == null && sha256 == null && path == null && errors.size() == before) {
            errors.add(new GateFileException.Error(at, "the entry waives nothing in particular: give the finding's "
                    + "fingerprint (or a document sha256 or a path glob)"));
        }
        if (approvedOn != null && expires != null && expires.isBefore(approvedOn)) {
            errors.add(new GateFileException.Error(LocatedYaml.position(origin, entry.get("expires")),
                    "expires " + expires + " is before approvedOn " + approvedOn));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Waiver(rule, fingerprint == null ? null : fingerprint.toLowerCase(java.util.Locale.ROOT),
                sha256, path, reason, approvedBy, approvedOn, expires, at);
    }

    private static String text(String origin, JsonNode entry, String key, boolean required,
                               List<GateFileException.Error> errors) {
        JsonNode node = entry.get(key);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new GateFileException.Error(LocatedYaml.position(origin, entry),
                        "the entry has no '" + key + "'"));
            }
            return null;
        }
        if (!node.isValueNode() || node.asString().isBlank()) {
            errors.add(new GateFileException.Error(LocatedYaml.position(origin, node),
                    "'" + key + "' must be a non-empty text"));
            return null;
        }
        return node.asString().strip();
    }

    private static String hex(String origin, JsonNode entry, String key, List<GateFileException.Error> errors) {
        String value = text(origin, entry, key, false, errors);
        if (value != null && !HEX64.matcher(value).matches()) {
            errors.add(new GateFileException.Error(LocatedYaml.position(origin, entry.get(key)),
                    "'" + key + "' must be 64 hexadecimal digits, as a report prints it; got '" + value + "'"));
            return null;
        }
        return value;
    }

    private static LocalDate date(String origin, JsonNode entry, String key, boolean required,
                                  List<GateFileException.Error> errors) {
        String value = text(origin, entry, key, required, errors);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new GateFileException.Error(LocatedYaml.position(origin, entry.get(key)),
                    "'" + key + "' must be a date written YYYY-MM-DD; got '" + value + "'"));
            return null;
        }
    }

    /**
     * Appends an entry (creating the file with a header when absent), then reads the whole file back: an entry that
     * would not load is not left behind.
     */
    public static void append(Path file, Waiver w) throws GateFileException, IOException {
        boolean exists = Files.exists(file);
        String before = exists ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (exists) {
            parse(file.toString(), before);
        }
        StringBuilder sb = new StringBuilder();
        if (before.isBlank()) {
            sb.append(HEADER);
        } else if (!before.endsWith("\n")) {
            sb.append('\n');
        }
        sb.append("  - rule: ").append(quoted(w.rule())).append('\n');
        if (w.fingerprint() != null) {
            sb.append("    fingerprint: ").append(quoted(w.fingerprint())).append('\n');
        }
        if (w.sha256() != null) {
            sb.append("    sha256: ").append(quoted(w.sha256())).append('\n');
        }
        if (w.path() != null) {
            sb.append("    path: ").append(quoted(w.path())).append('\n');
        }
        sb.append("    reason: ").append(quoted(w.reason())).append('\n');
        sb.append("    approvedBy: ").append(quoted(w.approvedBy())).append('\n');
        sb.append("    approvedOn: ").append(quoted(w.approvedOn().toString())).append('\n');
        if (w.expires() != null) {
            sb.append("    expires: ").append(quoted(w.expires().toString())).append('\n');
        }
        String after = (before.isBlank() ? "" : before) + sb;
        List<Waiver> reread = parse(file.toString(), after);
        int had = before.isBlank() ? 0 : parse(file.toString(), before).size();
        if (reread.size() != had + 1) {
            throw new GateFileException(KIND, new SourcePosition(file.toString(), 1, 1), "cannot append an entry: "
                    + "'waivers' is not a block list at the end of the file; add the entry by hand");
        }
        if (exists) {
            Files.writeString(file, after, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.writeString(file, after, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
    }

    /** A YAML double-quoted scalar: every value is written as text, whatever it looks like. */
    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}
