package org.osr.worker;

import java.util.HexFormat;
import org.osr.review.DocumentResult;
import org.osr.extract.Document;
import org.osr.extract.DocumentJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON lines {@link WorkerPool} and {@link WorkerLoop} exchange, one line each. No document text crosses unless a
 * request asks for it ({@code "document":true}, for {@code osr sweep --index}): then the reply carries the whole
 * extracted document ({@link DocumentJson}) beside the masked result.
 */
final class WorkerProtocol {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final String RESULT = "result";
    static final String UNREADABLE = "unreadable";
    static final String INTERNAL = "internal";
    static final String READY = "ready";
    static final String DOCUMENT = "document";

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

    static String request(long id, String path, String displayPath, boolean withDocument) {
        ObjectNode request = MAPPER.createObjectNode().put("id", id).put("path", path).put("display", displayPath);
        if (withDocument) {
            request.put(DOCUMENT, true);
        }
        return request.toString();
    }

    static String result(long id, DocumentResult result, Document document) {
        return "{\"id\":" + id + ",\"" + RESULT + "\":" + result.toJson()
                + (document == null ? "" : ",\"" + DOCUMENT + "\":" + DocumentJson.toJson(document)) + "}";
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
