package io.plugsync.api.connector;

import io.plugsync.api.http.Page;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgAccess;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Cursor;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Connectors: create, read, list, scoped to the caller's organisations. */
@ApplicationScoped
public class ConnectorService {
    private static final Pattern NAME = Pattern.compile("^[a-z0-9]+([-_][a-z0-9]+)*$");

    private final Pool pool;
    private final ConnectorRepository connectors;

    public ConnectorService(Pool pool, ConnectorRepository connectors) {
        this.pool = pool;
        this.connectors = connectors;
    }

    public Uni<ConnectorView> create(Caller caller, WriterKind writer, CreateConnectorRequest request) {
        UUID organizationId = organizationFor(caller, request.organizationId());
        OrgAccess.require(caller, organizationId, OrgRole.EDITOR, "connector:create", "organisation " + organizationId);
        validate(request);
        return pool.withTransaction(db -> connectors
                .nameTaken(db, organizationId, request.name())
                .flatMap(taken -> {
                    if (taken) {
                        throw new ProblemException(Problem.of(
                                        409,
                                        "name-taken",
                                        "Conflict",
                                        "a connector named '" + request.name() + "' exists in this organisation")
                                .withErrors(List.of(new Problem.FieldError("/name", "already used", "unique"))));
                    }
                    return connectors.insert(db, request, organizationId, caller.subject(), writer.wire());
                })
                .flatMap(id -> connectors.find(db, id))
                .map(found -> found.orElseThrow()));
    }

    /** The connector if the caller is a member of its organisation; 404 otherwise. */
    public Uni<ConnectorView> get(Caller caller, UUID id) {
        return pool.withConnection(db -> connectors.find(db, id)).map(found -> {
            ConnectorView connector = found.filter(c -> caller.isMemberOf(c.organizationId()))
                    .orElseThrow(() -> ProblemException.notFound("connector " + id));
            return connector;
        });
    }

    public Uni<Page<ConnectorView>> list(Caller caller, UUID organizationId, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        UUID[] orgs;
        if (organizationId != null) {
            OrgAccess.member(caller, organizationId, "organisation " + organizationId);
            orgs = new UUID[] {organizationId};
        } else {
            orgs = caller.orgRoles().keySet().toArray(UUID[]::new);
        }
        String afterName = null;
        UUID afterId = null;
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            afterName = keys.get(0);
            afterId = parseCursorId(keys.get(1));
        }
        String name = afterName;
        UUID id = afterId;
        return pool.withConnection(db -> connectors.list(db, orgs, name, id, size + 1))
                .map(rows -> {
                    List<ConnectorView> items = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
                    String next = rows.size() > size
                            ? Cursor.encode(
                                    items.get(size - 1).name(),
                                    items.get(size - 1).id().toString())
                            : null;
                    return new Page<>(items, next);
                });
    }

    private static UUID parseCursorId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this API issued");
        }
    }

    private static UUID organizationFor(Caller caller, UUID requested) {
        if (requested != null) {
            return requested;
        }
        if (caller.orgRoles().size() == 1) {
            return caller.orgRoles().keySet().iterator().next();
        }
        throw new ProblemException(Problem.of(
                        422,
                        "validation-failed",
                        "Validation failed",
                        "organization_id is required when the caller belongs to several organisations")
                .withErrors(List.of(new Problem.FieldError("/organization_id", "required", "required"))));
    }

    private static void validate(CreateConnectorRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.name() == null
                || !NAME.matcher(request.name()).matches()
                || request.name().length() > 100) {
            errors.add(new Problem.FieldError(
                    "/name",
                    "required; lower-case letters, digits, '-' or '_' between them, at most 100 characters",
                    "pattern"));
        }
        if (request.displayName() != null && request.displayName().length() > 200) {
            errors.add(new Problem.FieldError("/display_name", "at most 200 characters", "length"));
        }
        if (request.kind() != null
                && (request.kind().isBlank() || request.kind().length() > 100)) {
            errors.add(new Problem.FieldError("/kind", "1 to 100 characters", "length"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the connector is not valid", errors);
        }
    }
}
