package io.plugsync.dispatcher.drift;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Result of comparing every connector's active version in PostgreSQL with the replica's pointer.
 *
 * @param repaired re-delivery events enqueued (missing or behind, with nothing already in line)
 * @param drifted the connectors that were not in sync (at most 100 listed)
 */
public record DriftReport(
        OffsetDateTime checkedAt,
        long checked,
        long inSync,
        long missing,
        long behind,
        long ahead,
        long repaired,
        List<Drift> drifted) {

    /** One connector out of sync; {@code replicaVersion} null when the replica has no pointer. */
    public record Drift(UUID connectorId, int activeVersion, Integer replicaVersion, boolean repairEnqueued) {}
}
