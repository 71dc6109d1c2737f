package org.osr.rules.conditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * The layout conditions a pack may use, by YAML key. {@code where} conditions must hold; {@code unless} conditions
 * make a hit prose. A new condition is one class here and one line in {@link #WHERE} or {@link #UNLESS} (and its
 * key in {@code rule-pack.schema.json}).
 */
public final class Conditions {
    /** Builds a condition from its YAML value; reports a bad value through the callback and returns null. */
    private interface Parser extends BiFunction<JsonNode, Errors, Condition> {
    }

    /** Where a bad value is reported (the loader turns it into file:line:column). */
    public interface Errors {
        void fail(JsonNode at, String message);
    }

    private static final Map<String, Parser> WHERE = Map.of(
            "first-blocks", (v, e) -> new FirstBlocks(positive(v, e)),
            "last-blocks", (v, e) -> new LastBlocks(positive(v, e)),
            "region", Conditions::region,
            "cell-after", (v, e) -> new CellAfter(strings(v, e)),
            "heading", (v, e) -> flag(v, e, new Heading()),
            "repeated", (v, e) -> flag(v, e, new Repeated()),
            "page-has", (v, e) -> new PageHas(strings(v, e)));

    private static final Map<String, Parser> UNLESS = Map.of(
            "quoted", (v, e) -> flag(v, e, new Quoted()),
            "prose", (v, e) -> flag(v, e, new Prose()),
            "heading", (v, e) -> flag(v, e, new Heading()),
            "lists-levels", Conditions::listsLevels);

    private Conditions() {
    }

    public static boolean isWhereKey(String key) {
        return WHERE.containsKey(key);
    }

    public static boolean isUnlessKey(String key) {
        return UNLESS.containsKey(key);
    }

    public static Condition where(String key, JsonNode value, Errors errors) {
        return WHERE.get(key).apply(value, errors);
    }

    public static Condition unless(String key, JsonNode value, Errors errors) {
        return UNLESS.get(key).apply(value, errors);
    }

    private static int positive(JsonNode v, Errors e) {
        if (!v.isInt() || v.asInt() < 1) {
            e.fail(v, "expected a whole number of at least 1");
            return 1;
        }
        return v.asInt();
    }

    /** {@code key: true} switches a condition on; {@code false} leaves it out. */
    private static Condition flag(JsonNode v, Errors e, Condition condition) {
        if (!v.isBoolean()) {
            e.fail(v, "expected true or false");
            return null;
        }
        return v.asBoolean() ? condition : null;
    }

    private static List<String> strings(JsonNode v, Errors e) {
        List<String> out = new ArrayList<>();
        if (v.isString()) {
            out.add(v.asString());
        } else if (v.isArray()) {
            v.forEach(x -> out.add(x.asString()));
        }
        if (out.isEmpty() || out.stream().anyMatch(String::isBlank)) {
            e.fail(v, "expected a list of non-empty texts");
        }
        return out.stream().map(s -> org.osr.normalize.Normalizer.normalize(s).text().strip()).toList();
    }

    private static Condition region(JsonNode v, Errors e) {
        List<Region.Area> areas = new ArrayList<>();
        for (String s : strings(v, e)) {
            try {
                areas.add(Region.Area.fromId(s));
            } catch (IllegalArgumentException ex) {
                e.fail(v, "unknown region '" + s + "' (top, top-left, top-right, bottom, margin)");
            }
        }
        return areas.isEmpty() ? null : new Region(areas);
    }

    private static Condition listsLevels(JsonNode v, Errors e) {
        if (v.isObject()) {
            JsonNode levels = v.get("levels");
            int min = v.has("min") ? positive(v.get("min"), e) : 2;
            if (levels == null) {
                e.fail(v, "lists-levels needs 'levels'");
                return null;
            }
            return new ListsLevels(strings(levels, e), min);
        }
        return new ListsLevels(strings(v, e), 2);
    }
}
