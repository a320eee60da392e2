package io.plugsync.common.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a connector config V3 document: the JSON Schema in {@code v3/connector-config.schema.json}
 * (shape, names, enums, unknown keys) plus the references a schema cannot express (a flow's entity
 * must exist, a mapping key and a primary key must be fields of the entity). Every error carries a
 * JSON pointer into the document. config-api answers 422 with these errors; the CLI shows the same
 * messages offline. Thread-safe.
 */
public final class V3Validator {
    /** Class-path location of the schema. */
    public static final String SCHEMA_RESOURCE = "/v3/connector-config.schema.json";

    private static final V3Validator INSTANCE = new V3Validator();

    private final Schema schema;

    private V3Validator() {
        try (InputStream in = V3Validator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCHEMA_RESOURCE);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static V3Validator get() {
        return INSTANCE;
    }

    /** All errors of the document, ordered by pointer; empty when it is valid. */
    public List<V3Error> validate(JsonNode document) {
        Set<V3Error> errors = new LinkedHashSet<>();
        // the schema library speaks Jackson 3; hand it the text rather than the Jackson 2 tree
        for (Error error : schema.validate(V3Document.write(document), InputFormat.JSON)) {
            errors.add(toV3Error(error));
        }
        if (document.isObject()) {
            checkReferences(document, errors);
        }
        List<V3Error> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(V3Error::pointer).thenComparing(V3Error::code));
        return sorted;
    }

    public boolean isValid(JsonNode document) {
        return validate(document).isEmpty();
    }

    private static void checkReferences(JsonNode document, Set<V3Error> errors) {
        JsonNode entities = document.path(V3Document.ENTITIES);
        for (Map.Entry<String, JsonNode> entity : entries(entities)) {
            JsonNode primaryKey = entity.getValue().path("primary_key");
            JsonNode fields = entity.getValue().path("fields");
            if (primaryKey.isTextual() && fields.isObject() && !fields.has(primaryKey.asText())) {
                errors.add(new V3Error(
                        "/entities/" + JsonPointers.escape(entity.getKey()) + "/primary_key",
                        "primary key '" + primaryKey.asText() + "' is not a field of entity '" + entity.getKey() + "'",
                        "unknown_field"));
            }
        }
        for (Map.Entry<String, JsonNode> flow : entries(document.path(V3Document.EVENT_FLOWS))) {
            String flowPointer = "/event_flows/" + JsonPointers.escape(flow.getKey());
            JsonNode entityName = flow.getValue().path("entity");
            if (!entityName.isTextual()) {
                continue;
            }
            JsonNode entity = entities.isObject() ? entities.get(entityName.asText()) : null;
            if (entity == null) {
                errors.add(new V3Error(
                        flowPointer + "/entity",
                        "entity '" + entityName.asText() + "' is not defined in /entities",
                        "unknown_entity"));
                continue;
            }
            JsonNode fields = entity.path("fields");
            for (Map.Entry<String, JsonNode> mapping : entries(flow.getValue().path("mapping"))) {
                if (fields.isObject() && !fields.has(mapping.getKey())) {
                    errors.add(new V3Error(
                            flowPointer + "/mapping/" + JsonPointers.escape(mapping.getKey()),
                            "'" + mapping.getKey() + "' is not a field of entity '" + entityName.asText() + "'",
                            "unknown_field"));
                }
            }
        }
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(out::add);
        }
        return out;
    }

    private static V3Error toV3Error(Error error) {
        String pointer = pointer(error.getInstanceLocation());
        String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
        String property = error.getProperty();
        String message = error.getMessage();
        // the library prefixes messages with its own path notation; keep only the explanation
        if (message != null) {
            int colon = message.indexOf(": ");
            if (message.startsWith("$") && colon > 0) {
                message = message.substring(colon + 2);
            }
        }
        switch (keyword) {
            case "required" -> {
                String missing = property == null ? "" : property;
                return new V3Error(JsonPointers.child(pointer, missing), "required property is missing", "required");
            }
            case "additionalProperties" -> {
                String unknown = property == null ? "" : property;
                return new V3Error(
                        JsonPointers.child(pointer, unknown), "unknown property '" + unknown + "'", "unknown_property");
            }
            case "propertyNames" -> {
                String named = property == null ? pointer : JsonPointers.child(pointer, property);
                return new V3Error(named, message, "invalid_name");
            }
            case "type" -> {
                return new V3Error(pointer, message, "wrong_type");
            }
            case "enum" -> {
                return new V3Error(pointer, message, "not_allowed");
            }
            default -> {
                return new V3Error(pointer, message, keyword.toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    private static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        if (path == null) {
            return "";
        }
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/').append(JsonPointers.escape(String.valueOf(path.getElement(i))));
        }
        return out.toString();
    }
}
