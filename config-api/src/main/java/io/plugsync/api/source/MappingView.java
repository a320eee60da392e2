package io.plugsync.api.source;

import io.plugsync.api.library.support.Json;
import io.plugsync.common.source.SourceMapping;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A mapping: which paths of a target become which object type, and optionally join which plugin.
 * Its creator is the creator of the objects it syncs; a retired mapping is kept for provenance.
 */
public record MappingView(
        UUID id,
        UUID connectorInstanceId,
        UUID connectorTargetId,
        String connectorType,
        String mappingKind,
        String selector,
        String objectType,
        UUID pluginId,
        boolean autoAddToPlugin,
        Map<String, Object> mappingConfig,
        UUID createdByOrgMembershipId,
        String status,
        OffsetDateTime retiredAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static MappingView from(SourceMapping row) {
        return new MappingView(
                row.id(),
                row.connectorInstanceId(),
                row.connectorTargetId(),
                row.connectorType(),
                row.mappingKind(),
                row.selector(),
                row.objectType(),
                row.pluginId(),
                row.autoAddToPlugin(),
                Json.map(row.mappingConfig()),
                row.createdByOrgMembershipId(),
                row.status(),
                row.retiredAt(),
                row.createdAt(),
                row.updatedAt());
    }
}
