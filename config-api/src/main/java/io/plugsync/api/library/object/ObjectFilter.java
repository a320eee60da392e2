package io.plugsync.api.library.object;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.library.ObjectType;
import io.plugsync.common.library.SourceMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** List filters of {@code GET /config-objects}; invalid values are a 400 naming the parameter. */
public record ObjectFilter(
        String objectType, String status, String sourceMode, UUID connectorInstanceId, String query) {
    static final Set<String> STATUSES = Set.of("active", "inactive", "deleted", "archived", "ingestion_error");

    public static ObjectFilter of(String type, String status, String sourceMode, String instance, String query) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (type != null && ObjectType.parse(type).isEmpty()) {
            errors.add(new Problem.FieldError("query:object_type", "unknown object type", "enum"));
        }
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new Problem.FieldError("query:status", "unknown status", "enum"));
        }
        if (sourceMode != null && SourceMode.parse(sourceMode).isEmpty()) {
            errors.add(new Problem.FieldError("query:source_mode", "one of cloud, import, connector", "enum"));
        }
        UUID instanceId = null;
        if (instance != null) {
            try {
                instanceId = UUID.fromString(instance);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("query:connector_instance_id", "not a UUID", "uuid"));
            }
        }
        if (query != null && query.length() > 200) {
            errors.add(new Problem.FieldError("query:q", "at most 200 characters", "length"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "invalid-query", "Bad request", "invalid list filters")
                    .withErrors(errors));
        }
        return new ObjectFilter(type, status, sourceMode, instanceId, query == null || query.isBlank() ? null : query);
    }
}
