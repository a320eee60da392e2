package io.plugsync.common.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code config_object.version.created}: a config object got a new version (created, edited,
 * synced from a source, or deleted: {@code deleted} marks a tombstone version).
 */
@RegisterForReflection
public record ConfigObjectVersionCreated(
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("config_object_id") UUID configObjectId,
        @JsonProperty("version_id") UUID versionId,
        @JsonProperty("object_type") String objectType,
        @JsonProperty("deleted") boolean deleted)
        implements OutboxPayload {

    public ConfigObjectVersionCreated {
        Objects.requireNonNull(organizationId, "organization_id");
        Objects.requireNonNull(configObjectId, "config_object_id");
        Objects.requireNonNull(versionId, "version_id");
        Objects.requireNonNull(objectType, "object_type");
    }

    @Override
    public EventType<ConfigObjectVersionCreated> eventType() {
        return OutboxContract.CONFIG_OBJECT_VERSION_CREATED;
    }

    @Override
    public String aggregateId() {
        return configObjectId.toString();
    }
}
