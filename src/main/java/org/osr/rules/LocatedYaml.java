package org.osr.rules;

import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.DefaultNodeReader;
import com.networknt.schema.serialization.NodeReader;
import com.networknt.schema.utils.JsonNodes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * YAML 1.2 read into a tree whose nodes remember their file:line:column (Jackson 3 on SnakeYAML Engine: no object
 * construction from tags, duplicate keys rejected). Rule packs and waiver files are read this way, so both report
 * every mistake where it is.
 */
public final class LocatedYaml {
    private final NodeReader reader;

    public LocatedYaml() {
        YAMLMapper yaml = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        this.reader = DefaultNodeReader.builder().yamlMapper(yaml).locationAware().build();
    }

    NodeReader reader() {
        return reader;
    }

    /** The tree (null or missing when the text is empty); a syntax error is one PackError at its place. */
    public JsonNode read(String origin, String text) throws RulePackException {
        try {
            return reader.readTree(text, InputFormat.YAML);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
            int column = loc == null ? 1 : Math.max(1, loc.getColumnNr());
            String message = firstLine(e.getOriginalMessage());
            if (message.startsWith("Duplicate Object property ")) {
                message = "key " + message.substring("Duplicate Object property ".length())
                        + " appears twice in the same mapping";
            }
            throw new RulePackException(new RulePackException.PackError(new SourcePosition(origin, line, column),
                    "YAML: " + message));
        } catch (RuntimeException e) {
            // SnakeYAML Engine limits (alias bombs, nesting) surface as plain runtime exceptions.
            throw new RulePackException(new RulePackException.PackError(new SourcePosition(origin, 1, 1),
                    "YAML: " + firstLine(String.valueOf(e.getMessage()))));
        }
    }

    /** Where a node of a tree {@link #read} made starts; 1:1 when it is not known. */
    public static SourcePosition position(String origin, JsonNode node) {
        TokenStreamLocation loc = node == null ? null : JsonNodes.tokenStreamLocationOf(node);
        if (loc == null) {
            return new SourcePosition(origin, 1, 1);
        }
        return new SourcePosition(origin, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
