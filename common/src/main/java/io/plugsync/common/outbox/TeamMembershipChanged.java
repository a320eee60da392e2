package io.plugsync.common.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;
import java.util.UUID;

/** {@code team.membership.changed}: an organisation member joined or left a team. */
@RegisterForReflection
public record TeamMembershipChanged(
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("team_id") UUID teamId,
        @JsonProperty("org_membership_id") UUID orgMembershipId,
        @JsonProperty("change") ChangeKind change)
        implements OutboxPayload {

    public TeamMembershipChanged {
        Objects.requireNonNull(organizationId, "organization_id");
        Objects.requireNonNull(teamId, "team_id");
        Objects.requireNonNull(orgMembershipId, "org_membership_id");
        Objects.requireNonNull(change, "change");
    }

    @Override
    public EventType<TeamMembershipChanged> eventType() {
        return OutboxContract.TEAM_MEMBERSHIP_CHANGED;
    }

    @Override
    public String aggregateId() {
        return teamId.toString();
    }
}
