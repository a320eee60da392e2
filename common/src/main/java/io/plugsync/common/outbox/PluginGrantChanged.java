package io.plugsync.common.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code plugin.grant.changed}: a grant on a plugin was added (or its role changed) or removed. The
 * principal is exactly one of a member ({@code org_membership_id}), a team ({@code team_id}) or the
 * whole organisation ({@code org_wide}).
 */
@RegisterForReflection
public record PluginGrantChanged(
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("plugin_id") UUID pluginId,
        @JsonProperty("grant_id") UUID grantId,
        @JsonProperty("org_membership_id") UUID orgMembershipId,
        @JsonProperty("team_id") UUID teamId,
        @JsonProperty("org_wide") boolean orgWide,
        @JsonProperty("change") ChangeKind change)
        implements OutboxPayload {

    public PluginGrantChanged {
        Objects.requireNonNull(organizationId, "organization_id");
        Objects.requireNonNull(pluginId, "plugin_id");
        Objects.requireNonNull(grantId, "grant_id");
        Objects.requireNonNull(change, "change");
        int principals = (orgMembershipId != null ? 1 : 0) + (teamId != null ? 1 : 0) + (orgWide ? 1 : 0);
        if (principals != 1) {
            throw new IllegalArgumentException("exactly one of org_membership_id, team_id, org_wide");
        }
    }

    @Override
    public EventType<PluginGrantChanged> eventType() {
        return OutboxContract.PLUGIN_GRANT_CHANGED;
    }

    @Override
    public String aggregateId() {
        return pluginId.toString();
    }
}
