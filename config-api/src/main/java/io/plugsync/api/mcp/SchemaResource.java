package io.plugsync.api.mcp;

import io.plugsync.common.v3.V3Validator;
import io.quarkiverse.mcp.server.Resource;
import io.quarkiverse.mcp.server.TextResourceContents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The V3 connector config JSON Schema, the same file the API validates drafts with. */
public class SchemaResource {
    static final String URI = "plugsync://schemas/connector-config-v3";

    private final String schema;

    public SchemaResource() {
        try (InputStream in = V3Validator.class.getResourceAsStream(V3Validator.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + V3Validator.SCHEMA_RESOURCE);
            }
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Resource(
            uri = URI,
            name = "connector_config_v3_schema",
            title = "Connector config V3 JSON Schema",
            description = "JSON Schema (draft 2020-12) of a connector config document: entities, event_flows"
                    + " (keyed source/type) and settings. Drafts must satisfy it before they can be published.",
            mimeType = "application/schema+json")
    TextResourceContents schema() {
        return new TextResourceContents(URI, schema, "application/schema+json");
    }
}
