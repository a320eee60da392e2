package io.plugsync.common.replica;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The replica's pointer item as a worker reads it: the version every worker runs ({@code version},
 * the stable one during a rollout), its revision, and the rollout in progress if any.
 *
 * @param revision {@link PointerRevision}; 0 for an item written before revisions existed
 */
public record ReplicaPointer(UUID connectorId, int version, String checksum, long revision, Optional<Rollout> rollout) {

    /**
     * A rollout in progress: the candidate version and who runs it.
     *
     * @param basisPoints share of the workers (by {@link WorkerBuckets}) that run the candidate
     * @param groups worker groups that run the candidate whatever their bucket
     * @param step the plan's step (0 first)
     */
    public record Rollout(
            UUID rolloutId,
            String state,
            int candidateVersion,
            String candidateChecksum,
            int basisPoints,
            List<String> groups,
            int step) {
        public Rollout {
            groups = List.copyOf(groups);
        }
    }

    /** The version the worker must run: the candidate when the rollout reaches it, else {@link #version}. */
    public int versionFor(String workerId, String group) {
        return rollout.filter(r -> reaches(r, workerId, group))
                .map(Rollout::candidateVersion)
                .orElse(version);
    }

    /** Whether the rollout in progress reaches the worker. */
    public boolean candidateFor(String workerId, String group) {
        return rollout.filter(r -> reaches(r, workerId, group)).isPresent();
    }

    private boolean reaches(Rollout r, String workerId, String group) {
        return (group != null && r.groups().contains(group))
                || WorkerBuckets.reaches(r.basisPoints(), connectorId, workerId);
    }
}
