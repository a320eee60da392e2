package io.plugsync.api.library.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** jsonb columns to and from the API. */
public final class Json {
    private Json() {}

    /** A jsonb object parameter; {@code {}} for null. */
    public static JsonObject param(JsonNode node) {
        return node == null ? new JsonObject() : new JsonObject(node.toString());
    }

    public static Map<String, Object> map(JsonObject value) {
        return value == null ? Map.of() : value.getMap();
    }
}
