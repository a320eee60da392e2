package io.plugsync.api.fleet;

import java.time.OffsetDateTime;

/** One {@code fleet_worker} row: a worker's last report. */
public record FleetWorkerRow(
        String workerId,
        String group,
        int version,
        long events,
        long errors,
        long reports,
        OffsetDateTime firstSeenAt,
        OffsetDateTime lastReportAt) {}
