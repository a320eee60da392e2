package io.plugsync.common.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;
import java.util.UUID;

/** {@code plugin.changed}: a plugin was created, or its name, description or status changed. */
@RegisterForReflection
public record PluginChanged(
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("plugin_id") UUID pluginId,
        @JsonProperty("status") String status)
        implements OutboxPayload {

    public PluginChanged {
        Objects.requireNonNull(organizationId, "organization_id");
        Objects.requireNonNull(pluginId, "plugin_id");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public EventType<PluginChanged> eventType() {
        return OutboxContract.PLUGIN_CHANGED;
    }

    @Override
    public String aggregateId() {
        return pluginId.toString();
    }
}
