package io.plugsync.common.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code config_object.changed}: a config object changed without a new version: its status
 * (archived, restored, ingestion error) or its current path (a connector file moved). Plugins that
 * hold it resolve differently (an archived object is no longer delivered; a moved file ships under
 * its new path).
 */
@RegisterForReflection
public record ConfigObjectChanged(
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("config_object_id") UUID configObjectId,
        @JsonProperty("status") String status)
        implements OutboxPayload {

    public ConfigObjectChanged {
        Objects.requireNonNull(organizationId, "organization_id");
        Objects.requireNonNull(configObjectId, "config_object_id");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public EventType<ConfigObjectChanged> eventType() {
        return OutboxContract.CONFIG_OBJECT_CHANGED;
    }

    @Override
    public String aggregateId() {
        return configObjectId.toString();
    }
}
