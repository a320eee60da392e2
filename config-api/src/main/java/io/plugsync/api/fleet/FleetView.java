package io.plugsync.api.fleet;

import io.plugsync.api.rollout.RolloutView;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/connectors/{id}/fleet}: the connector's workers (a page, by worker id) with the
 * version each runs, the version it should run and how long it has lagged behind that; a summary of
 * the whole fleet by version; and the rollout (the open one, else the newest, with its steps).
 *
 * @param servingVersion what a worker the rollout does not reach runs (the stable version during a
 *     rollout; the active version otherwise; 0 before any publish)
 */
public record FleetView(
        UUID connectorId,
        int activeVersion,
        int servingVersion,
        Summary summary,
        RolloutView rollout,
        List<Worker> items,
        String nextCursor,
        OffsetDateTime at) {

    /** Workers by the version they last reported. */
    public record Summary(long workers, List<VersionCount> versions) {}

    public record VersionCount(int version, long workers) {}

    /**
     * One worker.
     *
     * @param targetVersion the version the pointer gives this worker now
     * @param onTarget whether its last report names the target version
     * @param lagSeconds 0 on target; else seconds since the target became this worker's target
     * @param reportAgeSeconds seconds since its last report
     */
    public record Worker(
            String workerId,
            String group,
            int version,
            int targetVersion,
            boolean onTarget,
            long lagSeconds,
            OffsetDateTime lastReportAt,
            long reportAgeSeconds,
            long events,
            long errors,
            long reports,
            OffsetDateTime firstSeenAt) {}
}
