package io.plugsync.api.fleet;

import io.plugsync.api.rollout.RolloutMove;
import io.plugsync.api.rollout.RolloutRow;
import io.plugsync.api.rollout.RolloutState;
import io.plugsync.common.replica.WorkerBuckets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The version the replica pointer gives each worker, computed the way {@code DynamoConfigStore}
 * does ({@link WorkerBuckets}), and since when: what the fleet view compares reports with.
 */
final class FleetTargets {
    private final UUID connectorId;
    private final Optional<RolloutRow> rollout;
    private final List<RolloutMove> moves;
    private final FleetRepository.Active active;

    FleetTargets(
            UUID connectorId, Optional<RolloutRow> latest, List<RolloutMove> moves, FleetRepository.Active active) {
        this.connectorId = connectorId;
        // a finished rollout decides the pointer only while its candidate is still the active version
        this.rollout = latest.filter(r -> r.state().open() || r.candidateVersion() == active.version());
        this.moves = moves;
        this.active = active;
    }

    /** What a worker the rollout does not reach runs. */
    int servingVersion() {
        return rollout.map(r -> r.state() == RolloutState.COMPLETED ? r.candidateVersion() : r.stableVersion())
                .orElse(active.version());
    }

    record Target(int version, OffsetDateTime since) {}

    Target of(String workerId, String group) {
        if (rollout.isEmpty()) {
            return new Target(active.version(), active.publishedAt());
        }
        RolloutRow r = rollout.get();
        if (!r.state().open()) {
            int version = r.state() == RolloutState.COMPLETED ? r.candidateVersion() : r.stableVersion();
            return new Target(version, r.finishedAt());
        }
        // the first move whose share reached the worker made the candidate its target; shares only grow
        for (RolloutMove m : moves) {
            boolean reached = (group != null && m.groups().contains(group))
                    || WorkerBuckets.reaches((int) Math.round(m.percent() * 100), connectorId, workerId);
            if (m.state().equals("in_progress") && reached) {
                return new Target(r.candidateVersion(), m.movedAt());
            }
        }
        return new Target(r.stableVersion(), r.createdAt());
    }
}
