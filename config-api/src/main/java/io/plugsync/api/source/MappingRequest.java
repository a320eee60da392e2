package io.plugsync.api.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.library.support.Json;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.library.ObjectType;
import io.plugsync.common.source.PathSelector;
import io.plugsync.common.source.SourceKinds;
import io.plugsync.common.source.SourceMappings;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST .../mappings}: under {@code /connector-instances/{id}/mappings} the body names its
 * {@code connector_target_id}; under {@code /connector-targets/{id}/mappings} the path does (the
 * body may leave it out or repeat it).
 */
public record MappingRequest(
        UUID connectorTargetId,
        String selector,
        String objectType,
        UUID pluginId,
        Boolean autoAddToPlugin,
        String mappingKind,
        JsonNode mappingConfig) {
    static final Set<String> KINDS = Set.copyOf(SourceKinds.MAPPING_KINDS);
    static final String OBJECT_TYPES = "one of skill, mcp, command, agent, hook, context, custom";

    /** The checks of a body naming its target ({@code pathTarget} null) or under a target's path. */
    Validation validate(UUID pathTarget) {
        Validation check = new Validation();
        if (pathTarget == null) {
            check.require(connectorTargetId != null, "/connector_target_id", "required", "required");
        } else {
            check.require(
                    connectorTargetId == null || connectorTargetId.equals(pathTarget),
                    "/connector_target_id",
                    "the target of the path (or left out)",
                    "mismatch");
        }
        check.require(ObjectType.parse(objectType).isPresent(), "/object_type", OBJECT_TYPES, "enum")
                .require(mappingKind == null || KINDS.contains(mappingKind), "/mapping_kind", "one of " + KINDS, "enum")
                .require(
                        !Boolean.TRUE.equals(autoAddToPlugin) || pluginId != null,
                        "/auto_add_to_plugin",
                        "auto_add_to_plugin needs a plugin_id",
                        "dependency")
                .require(mappingConfig == null || mappingConfig.isObject(), "/mapping_config", "a JSON object", "type");
        PathSelector.problem(selector).ifPresent(problem -> check.require(false, "/selector", problem, "selector"));
        return check;
    }

    SourceMappings.Fields fields() {
        return new SourceMappings.Fields(
                selector, objectType, pluginId, Boolean.TRUE.equals(autoAddToPlugin), Json.param(mappingConfig));
    }
}
