package io.plugsync.api.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.library.ObjectType;
import io.plugsync.common.source.PathSelector;
import io.plugsync.common.source.SourceKinds;
import java.util.Set;
import java.util.UUID;

/** {@code POST .../mappings}. */
public record MappingRequest(
        UUID connectorTargetId,
        String selector,
        String objectType,
        UUID pluginId,
        Boolean autoAddToPlugin,
        String mappingKind,
        JsonNode mappingConfig) {
    static final Set<String> KINDS = Set.copyOf(SourceKinds.MAPPING_KINDS);

    Validation validate() {
        Validation check = new Validation()
                .require(connectorTargetId != null, "/connector_target_id", "required", "required")
                .require(
                        ObjectType.parse(objectType).isPresent(),
                        "/object_type",
                        "one of skill, mcp, command, agent," + " hook, context, custom",
                        "enum")
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
}
