package org.osr.rules;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schema violations in a pack author's terms. A value that fits none of a {@code oneOf}'s forms yields one error per
 * form plus a summary; only the errors of the form the value was meant to have are kept (the ones about its content),
 * or, when it has none of the forms' types, one line naming them all.
 */
final class SchemaErrors {
    private static final JsonNode SCHEMA = JsonMapper.builder().build().readTree(PackLoader.schemaText());

    /** The schema's id patterns, in words. */
    private static final Map<String, String> PATTERNS = Map.of(
            "^[a-z0-9][a-z0-9.-]*$", "lower-case letters, digits, '.' and '-', starting with a letter or digit",
            "^[a-z0-9][a-z0-9._-]*$", "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit",
            "^[a-z][a-z0-9-]*$", "lower-case letters, digits and '-', starting with a letter");

    private SchemaErrors() {
    }

    static List<RulePackException.PackError> describe(String origin, List<Error> errors) {
        // A misspelt required property is reported once, as the misspelling.
        Set<String> misspelt = new HashSet<>();
        for (Error e : errors) {
            if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null) {
                closest(e.getProperty(), allowedProperties(e)).ifPresent(p -> misspelt.add(e.getInstanceLocation()
                        .append(p).toString()));
            }
        }
        List<RulePackException.PackError> result = new ArrayList<>();
        Set<NodePath> typeMismatchesReported = new HashSet<>();
        for (Error e : errors) {
            String keyword = e.getKeyword();
            NodePath at = e.getInstanceLocation();
            JsonNode node = e.getInstanceNode();
            String message;
            if (isAlternative(e) && errors.stream().anyMatch(o -> o.getInstanceLocation().equals(at)
                    ? !isAlternative(o) : o.getInstanceLocation().startsWith(at))) {
                continue;
            } else if ("oneOf".equals(keyword) || "anyOf".equals(keyword)) {
                continue;
            } else if ("type".equals(keyword)) {
                if (!typeMismatchesReported.add(at)) {
                    continue;
                }
                List<String> expected = expectedTypes(errors, e);
                String found = String.valueOf(e.getArguments()[0]);
                message = found + " found, " + String.join(" or ", expected) + " expected" + hint(found, expected);
            } else if ("required".equals(keyword) && misspelt.contains(at.append(e.getProperty()).toString())) {
                continue;
            } else if ("enum".equals(keyword) && node != null && node.isValueNode()) {
                message = "'" + node.asString() + "' is not one of " + e.getSchemaNode().valueStream()
                        .map(JsonNode::asString).reduce((a, b) -> a + ", " + b).orElse("");
            } else if ("pattern".equals(keyword) && node != null
                    && PATTERNS.containsKey(e.getSchemaNode().asString())) {
                message = "'" + node.asString() + "' is not allowed: use " + PATTERNS.get(e.getSchemaNode().asString());
            } else if ("additionalProperties".equals(keyword) && e.getProperty() != null) {
                List<String> allowed = allowedProperties(e);
                message = "unknown property '" + e.getProperty() + "'" + closest(e.getProperty(), allowed)
                        .map(p -> " (did you mean '" + p + "'?)")
                        .orElse(allowed.isEmpty() ? "" : " (allowed here: " + String.join(", ", allowed) + ")");
                node = node == null ? null : node.get(e.getProperty());
            } else {
                message = e.getMessage();
            }
            result.add(new RulePackException.PackError(PackLoader.position(origin, node),
                    at.getNameCount() == 0 ? message : at + ": " + message));
        }
        result.sort(Comparator.comparingInt((RulePackException.PackError p) -> p.position().line())
                .thenComparingInt(p -> p.position().column()));
        return result;
    }

    private static String hint(String found, List<String> expected) {
        if (expected.equals(List.of("string")) && !found.equals("object") && !found.equals("array")) {
            return " (put the value in quotes)";
        }
        if (expected.equals(List.of("array")) && !found.equals("object")) {
            return " (write a list: [value] or one '- value' per line)";
        }
        return "";
    }

    /** An error that only says the value is not of one of a oneOf's forms. */
    private static boolean isAlternative(Error e) {
        return "oneOf".equals(e.getKeyword()) || "anyOf".equals(e.getKeyword()) || "type".equals(e.getKeyword());
    }

    private static List<String> expectedTypes(List<Error> errors, Error first) {
        return errors.stream().filter(o -> "type".equals(o.getKeyword())
                        && o.getInstanceLocation().equals(first.getInstanceLocation()))
                .map(o -> String.valueOf(o.getArguments()[1])).distinct().toList();
    }

    /** The properties the schema allows where the unknown one was written, read from the schema itself. */
    private static List<String> allowedProperties(Error e) {
        NodePath fragment = e.getSchemaLocation().getFragment();
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < fragment.getNameCount() - 1; i++) {
            pointer.append('/').append(fragment.getName(i));
        }
        JsonNode properties = SCHEMA.at(pointer + "/properties");
        return properties.isObject() ? List.copyOf(properties.propertyNames()) : List.of();
    }

    private static Optional<String> closest(String name, List<String> allowed) {
        String closest = null;
        int best = name.length() < 5 ? 1 : 2;
        for (String candidate : allowed) {
            int distance = editDistance(name, candidate);
            if (distance <= best) {
                closest = candidate;
                best = distance - 1;
            }
        }
        return Optional.ofNullable(closest);
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
