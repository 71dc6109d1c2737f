package org.osr.extract;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole extracted {@link Document} — every part's text, blocks and coverage — as one line of JSON, and back, exactly:
 * {@code osr sweep --index} moves what a worker process read to the coordinator, which indexes it. Every non-ASCII
 * character is written as a {@code \\u} escape, so even a lone surrogate half (which some extracted texts hold, and
 * which UTF-8 cannot carry) comes back as it was and the index's offsets stay the extractor's.
 */
public final class DocumentJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private DocumentJson() {
    }

    public static String toJson(Document document) {
        return MAPPER.writeValueAsString(document);
    }

    public static Document fromJson(String json) {
        return MAPPER.readValue(json, Document.class);
    }

    /** From JSON already parsed (a worker's reply line). */
    public static Document fromJson(JsonNode json) {
        return MAPPER.treeToValue(json, Document.class);
    }
}
