package io.plugsync.common.replica;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One worker's report to {@code POST /api/connectors/{id}/fleet/reports}: the version it runs and
 * what happened since its previous report.
 *
 * @param workerId a stable identity of the worker (the same one it passes to {@link
 *     DynamoConfigStore#active(java.util.UUID, String)}), never an address
 * @param group the worker's group, if rollouts name groups ({@code null}: none)
 * @param version the version the worker applied (0: none yet)
 * @param events events it handled since its previous report
 * @param errors of those, the ones that failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FleetReport(
        @JsonProperty("worker_id") String workerId,
        @JsonProperty("group") String group,
        @JsonProperty("version") int version,
        @JsonProperty("events") long events,
        @JsonProperty("errors") long errors) {}
