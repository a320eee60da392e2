package io.plugsync.api.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 202 answer to a report: what was stored and, when a rollout is open, whether the report counted
 * towards its health ({@code counted}: the worker runs its stable or candidate version).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FleetReportResult(
        String workerId,
        int version,
        OffsetDateTime receivedAt,
        UUID rolloutId,
        Integer rolloutStep,
        boolean counted) {}
