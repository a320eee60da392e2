package io.plugsync.common.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code team.changed}: a team was created, renamed ({@code deleted} false) or deleted ({@code
 * deleted} true: its memberships and grants went with it).
 */
@RegisterForReflection
public record TeamChanged(
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("team_id") UUID teamId,
        @JsonProperty("deleted") boolean deleted)
        implements OutboxPayload {

    public TeamChanged {
        Objects.requireNonNull(organizationId, "organization_id");
        Objects.requireNonNull(teamId, "team_id");
    }

    @Override
    public EventType<TeamChanged> eventType() {
        return OutboxContract.TEAM_CHANGED;
    }

    @Override
    public String aggregateId() {
        return teamId.toString();
    }
}
