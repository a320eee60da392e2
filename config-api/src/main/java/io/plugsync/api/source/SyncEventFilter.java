package io.plugsync.api.source;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.source.SourceStatus;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Filters of {@code GET /sync-events}. */
public record SyncEventFilter(UUID connectorInstanceId, String status) {
    static final Set<String> STATUSES = Set.copyOf(SourceStatus.Sync.wires());

    public static SyncEventFilter of(String instance, String status) {
        UUID instanceId = null;
        if (instance != null) {
            try {
                instanceId = UUID.fromString(instance);
            } catch (IllegalArgumentException e) {
                throw bad("query:connector_instance_id", "not a UUID");
            }
        }
        if (status != null && !STATUSES.contains(status)) {
            throw bad("query:status", "unknown status");
        }
        return new SyncEventFilter(instanceId, status);
    }

    private static ProblemException bad(String pointer, String message) {
        return new ProblemException(Problem.of(400, "invalid-query", "Bad request", message)
                .withErrors(List.of(new Problem.FieldError(pointer, message, "invalid"))));
    }
}
