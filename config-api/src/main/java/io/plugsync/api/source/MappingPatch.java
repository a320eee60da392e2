package io.plugsync.api.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.library.support.Json;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.library.ObjectType;
import io.plugsync.common.source.PathSelector;
import io.plugsync.common.source.SourceMapping;
import io.plugsync.common.source.SourceMappings;
import java.util.UUID;

/**
 * {@code PATCH /connector-mappings/{id}}: absent fields keep their value; {@code "plugin_id": null}
 * unbinds the plugin; {@code mapping_config} replaces the whole object.
 */
public record MappingPatch(
        String selector, String objectType, JsonNode pluginId, Boolean autoAddToPlugin, JsonNode mappingConfig) {

    /** The mapping's fields after this change; a 422 listing every bad field. */
    SourceMappings.Fields applyTo(SourceMapping current) {
        Validation check = new Validation();
        if (selector != null) {
            PathSelector.problem(selector).ifPresent(problem -> check.require(false, "/selector", problem, "selector"));
        }
        check.require(
                objectType == null || ObjectType.parse(objectType).isPresent(),
                "/object_type",
                MappingRequest.OBJECT_TYPES,
                "enum");
        UUID plugin = current.pluginId();
        if (pluginId != null) {
            plugin = pluginId.isNull() ? null : uuid(pluginId);
            check.require(pluginId.isNull() || plugin != null, "/plugin_id", "a plugin id or null", "type");
        }
        boolean autoAdd = autoAddToPlugin == null ? current.autoAddToPlugin() : autoAddToPlugin;
        check.require(
                        !autoAdd || plugin != null || (pluginId != null && !pluginId.isNull()),
                        "/auto_add_to_plugin",
                        "auto_add_to_plugin needs a plugin_id",
                        "dependency")
                .require(mappingConfig == null || mappingConfig.isObject(), "/mapping_config", "a JSON object", "type")
                .throwIfAny("the mapping change is not valid");
        return new SourceMappings.Fields(
                selector == null ? current.selector() : selector,
                objectType == null ? current.objectType() : objectType,
                plugin,
                autoAdd,
                mappingConfig == null ? current.mappingConfig() : Json.param(mappingConfig));
    }

    private static UUID uuid(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
