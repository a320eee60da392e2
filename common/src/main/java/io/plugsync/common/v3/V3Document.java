package io.plugsync.common.v3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.json.CanonicalJson;
import java.util.List;

/**
 * Shape constants and JSON helpers for the connector config V3 document: {@code {"entities": {},
 * "event_flows": {}, "settings": {}}}.
 */
public final class V3Document {
    public static final String ENTITIES = "entities";
    public static final String EVENT_FLOWS = "event_flows";
    public static final String SETTINGS = "settings";
    public static final List<String> SECTIONS = List.of(ENTITIES, EVENT_FLOWS, SETTINGS);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private V3Document() {}

    /** A document with the three sections empty: the draft of a new connector. */
    public static ObjectNode empty() {
        ObjectNode document = MAPPER.createObjectNode();
        SECTIONS.forEach(document::putObject);
        return document;
    }

    /** Parses JSON text; throws {@link IllegalArgumentException} with the parser's message. */
    public static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("empty JSON text");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON equality as publish sees it: equal canonical forms. */
    public static boolean sameContent(JsonNode a, JsonNode b) {
        return CanonicalJson.write(a).equals(CanonicalJson.write(b));
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
