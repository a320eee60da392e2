package io.plugsync.common.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;
import java.util.UUID;

/** {@code plugin.membership.changed}: a config object was added to or removed from a plugin. */
@RegisterForReflection
public record PluginMembershipChanged(
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("plugin_id") UUID pluginId,
        @JsonProperty("config_object_id") UUID configObjectId,
        @JsonProperty("change") ChangeKind change)
        implements OutboxPayload {

    public PluginMembershipChanged {
        Objects.requireNonNull(organizationId, "organization_id");
        Objects.requireNonNull(pluginId, "plugin_id");
        Objects.requireNonNull(configObjectId, "config_object_id");
        Objects.requireNonNull(change, "change");
    }

    @Override
    public EventType<PluginMembershipChanged> eventType() {
        return OutboxContract.PLUGIN_MEMBERSHIP_CHANGED;
    }

    @Override
    public String aggregateId() {
        return pluginId.toString();
    }
}
