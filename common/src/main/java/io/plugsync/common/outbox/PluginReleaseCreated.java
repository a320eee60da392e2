package io.plugsync.common.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;
import java.util.UUID;

/** {@code plugin.release.created}: a plugin release pinned a snapshot of its members' versions. */
@RegisterForReflection
public record PluginReleaseCreated(
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("plugin_id") UUID pluginId,
        @JsonProperty("release_id") UUID releaseId,
        @JsonProperty("item_count") int itemCount)
        implements OutboxPayload {

    public PluginReleaseCreated {
        Objects.requireNonNull(organizationId, "organization_id");
        Objects.requireNonNull(pluginId, "plugin_id");
        Objects.requireNonNull(releaseId, "release_id");
    }

    @Override
    public EventType<PluginReleaseCreated> eventType() {
        return OutboxContract.PLUGIN_RELEASE_CREATED;
    }

    @Override
    public String aggregateId() {
        return pluginId.toString();
    }
}
