package io.plugsync.api.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.v3.V3Document;
import java.util.Map;

/** Tool arguments that are JSON objects arrive as maps; the draft services take Jackson trees. */
final class Json {
    private Json() {}

    static JsonNode object(String name, Map<String, Object> value) {
        if (value == null) {
            throw Args.invalid(name, "required: a JSON object");
        }
        return V3Document.mapper().valueToTree(value);
    }

    /** The {@code If-Match} value for an optional expected draft revision. */
    static String ifMatch(Long revision) {
        return revision == null ? null : "\"" + revision + "\"";
    }
}
