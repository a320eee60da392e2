package io.plugsync.common.outbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * {@code connector.rollout.moved}: a rollout moved the connector's replica pointer: a step (a larger
 * share of the workers runs the candidate), or its end: completed (every worker runs the candidate),
 * rolled back or aborted (every worker runs the stable version again). Written by config-api's
 * rollout service and step evaluator, one event per move, in the transaction that decides the move.
 *
 * @param move the rollout's move number, from 1; the pointer's revision is {@code
 *     PointerRevision.rollout(candidate_version, move)}
 * @param state the rollout's state after the move: {@code in_progress}, {@code completed}, {@code
 *     rolled_back} or {@code aborted}
 * @param step the plan's step the move enters (for an end: the step it ended in)
 * @param basisPoints share of the workers that run the candidate while in progress (0 to 10,000)
 * @param groups worker groups that run the candidate while in progress
 * @param reason why the rollout ended (rollback, abort, promote), or null
 */
@RegisterForReflection
public record ConnectorRolloutMoved(
        @JsonProperty("connector_id") UUID connectorId,
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("rollout_id") UUID rolloutId,
        @JsonProperty("move") int move,
        @JsonProperty("state") String state,
        @JsonProperty("step") int step,
        @JsonProperty("stable_version") int stableVersion,
        @JsonProperty("stable_checksum") String stableChecksum,
        @JsonProperty("candidate_version") int candidateVersion,
        @JsonProperty("candidate_checksum") String candidateChecksum,
        @JsonProperty("basis_points") int basisPoints,
        @JsonProperty("groups") List<String> groups,
        @JsonProperty("reason") String reason,
        @JsonProperty("moved_at") OffsetDateTime movedAt)
        implements OutboxPayload {

    /** The rollout is running: the pointer names the candidate and who runs it. */
    public static final String IN_PROGRESS = "in_progress";
    /** Every worker runs the candidate, which is now the stable version. */
    public static final String COMPLETED = "completed";
    /** The thresholds were breached: every worker runs the stable version again. */
    public static final String ROLLED_BACK = "rolled_back";
    /** A person stopped the rollout: every worker runs the stable version again. */
    public static final String ABORTED = "aborted";

    private static final Set<String> STATES = Set.of(IN_PROGRESS, COMPLETED, ROLLED_BACK, ABORTED);

    public ConnectorRolloutMoved {
        Objects.requireNonNull(connectorId, "connector_id");
        Objects.requireNonNull(organizationId, "organization_id");
        Objects.requireNonNull(rolloutId, "rollout_id");
        Objects.requireNonNull(stableChecksum, "stable_checksum");
        Objects.requireNonNull(candidateChecksum, "candidate_checksum");
        Objects.requireNonNull(movedAt, "moved_at");
        Objects.requireNonNull(groups, "groups");
        groups = List.copyOf(groups);
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("state must be one of " + STATES);
        }
        if (move < 1) {
            throw new IllegalArgumentException("move must be positive");
        }
        if (stableVersion < 1 || candidateVersion <= stableVersion) {
            throw new IllegalArgumentException("need 0 < stable_version < candidate_version");
        }
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("basis_points must be 0 to 10000");
        }
        if (step < 0) {
            throw new IllegalArgumentException("step must be 0 or more");
        }
    }

    /** Whether the move ends the rollout (the pointer then names one version for every worker). */
    @JsonIgnore
    public boolean ends() {
        return !IN_PROGRESS.equals(state);
    }

    /** The version every worker runs after an end; during the rollout, the stable one. */
    @JsonIgnore
    public int settledVersion() {
        return COMPLETED.equals(state) ? candidateVersion : stableVersion;
    }

    /** The checksum of {@link #settledVersion()}. */
    @JsonIgnore
    public String settledChecksum() {
        return COMPLETED.equals(state) ? candidateChecksum : stableChecksum;
    }

    @Override
    public EventType<ConnectorRolloutMoved> eventType() {
        return OutboxContract.CONNECTOR_ROLLOUT_MOVED;
    }

    @Override
    public String aggregateId() {
        return connectorId.toString();
    }
}
