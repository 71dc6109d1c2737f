package org.osr.worker;

import java.util.HexFormat;
import org.osr.review.DocumentResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON lines {@link WorkerPool} and {@link WorkerLoop} exchange; one line each, no document text. */
final class WorkerProtocol {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final String RESULT = "result";
    static final String UNREADABLE = "unreadable";
    static final String INTERNAL = "internal";
    static final String READY = "ready";

    private WorkerProtocol() {
    }

    static String handshake(byte[] fingerprintKey) {
        return MAPPER.createObjectNode().put("fingerprintKey", HexFormat.of().formatHex(fingerprintKey)).toString();
    }

    static byte[] handshakeKey(String line) {
        return HexFormat.of().parseHex(MAPPER.readTree(line).get("fingerprintKey").asString());
    }

    static String ready(long pid) {
        return MAPPER.createObjectNode().put(READY, pid).toString();
    }

    static String request(long id, String path, String displayPath) {
        return MAPPER.createObjectNode().put("id", id).put("path", path).put("display", displayPath).toString();
    }

    static String result(long id, DocumentResult result) {
        return "{\"id\":" + id + ",\"" + RESULT + "\":" + result.toJson() + "}";
    }

    static String failure(long id, String kind, String message) {
        ObjectNode reply = MAPPER.createObjectNode().put("id", id).put(kind, message);
        return reply.toString();
    }

    /** A reply line, or null when it is not JSON (a child that printed garbage). */
    static JsonNode parse(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
