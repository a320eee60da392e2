package io.plugsync.api.library.object;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.library.ObjectType;
import io.plugsync.common.library.SourceMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * List filters of {@code GET /config-objects}; invalid values are a 400 naming the parameter.
 * Without {@code status} the list hides deleted objects, and archived ones unless {@code
 * includeArchived}.
 */
public record ObjectFilter(
        String objectType,
        String status,
        String sourceMode,
        UUID connectorInstanceId,
        UUID pluginId,
        boolean includeArchived,
        String query) {
    static final Set<String> STATUSES = Set.of("active", "inactive", "deleted", "archived", "ingestion_error");

    /** Only the search words and the type (the MCP search tool). */
    public static ObjectFilter search(String type, String query) {
        return of(type, null, null, null, null, null, query);
    }

    public static ObjectFilter of(
            String type,
            String status,
            String sourceMode,
            String instance,
            String plugin,
            String includeArchived,
            String query) {
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
        UUID instanceId = uuid(instance, "query:connector_instance_id", errors);
        UUID pluginId = uuid(plugin, "query:plugin_id", errors);
        if (includeArchived != null && !includeArchived.equals("true") && !includeArchived.equals("false")) {
            errors.add(new Problem.FieldError("query:include_archived", "true or false", "type"));
        }
        if (query != null && query.length() > 200) {
            errors.add(new Problem.FieldError("query:q", "at most 200 characters", "length"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "invalid-query", "Bad request", "invalid list filters")
                    .withErrors(errors));
        }
        return new ObjectFilter(
                type,
                status,
                sourceMode,
                instanceId,
                pluginId,
                "true".equals(includeArchived),
                query == null || query.isBlank() ? null : query);
    }

    private static UUID uuid(String value, String pointer, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(pointer, "not a UUID", "uuid"));
            return null;
        }
    }
}
