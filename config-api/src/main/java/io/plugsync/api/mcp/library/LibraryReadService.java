package io.plugsync.api.mcp.library;

import io.plugsync.api.connector.Page;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.Cursor;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Read-only search over the config objects the caller can see (see {@link LibraryReadRepository}). */
@ApplicationScoped
public class LibraryReadService {
    static final Set<String> TYPES = Set.of("skill", "mcp", "command", "agent", "hook", "context", "custom");

    private final Pool pool;
    private final LibraryReadRepository objects;

    public LibraryReadService(Pool pool, LibraryReadRepository objects) {
        this.pool = pool;
        this.objects = objects;
    }

    public Uni<Page<LibraryObjectView>> search(
            Caller caller, UUID organizationId, String query, String objectType, String cursor, Integer limit) {
        int size = Math.min(Cursor.limit(limit), 50);
        if (objectType != null && !TYPES.contains(objectType)) {
            throw ProblemException.invalid(
                    "unknown object_type",
                    List.of(new Problem.FieldError("/object_type", "one of " + String.join(", ", TYPES), "enum")));
        }
        UUID[] members = memberOrgs(caller, organizationId);
        UUID[] admins = adminOrgs(caller);
        String afterTitle = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> keys = Cursor.decode(cursor, 2);
            afterTitle = keys.get(0);
            try {
                afterId = UUID.fromString(keys.get(1));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this API issued");
            }
        }
        String q = query == null || query.isBlank() ? null : query.trim();
        String title = afterTitle;
        UUID id = afterId;
        return pool.withConnection(
                        db -> objects.search(db, members, admins, caller.subject(), q, objectType, title, id, size + 1))
                .map(rows -> {
                    List<LibraryObjectView> items = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
                    String next = rows.size() > size
                            ? Cursor.encode(
                                    items.get(size - 1).title(),
                                    items.get(size - 1).id().toString())
                            : null;
                    return new Page<>(items, next);
                });
    }

    public Uni<LibraryObjectView> get(Caller caller, UUID id) {
        return pool.withConnection(
                        db -> objects.find(db, memberOrgs(caller, null), adminOrgs(caller), caller.subject(), id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("config object " + id)));
    }

    private static UUID[] memberOrgs(Caller caller, UUID organizationId) {
        if (organizationId != null) {
            if (!caller.isMemberOf(organizationId)) {
                throw ProblemException.notFound("organisation " + organizationId);
            }
            return new UUID[] {organizationId};
        }
        return caller.orgRoles().keySet().toArray(UUID[]::new);
    }

    private static UUID[] adminOrgs(Caller caller) {
        return caller.orgRoles().entrySet().stream()
                .filter(e -> e.getValue().atLeast(OrgRole.ADMIN))
                .map(Map.Entry::getKey)
                .toArray(UUID[]::new);
    }
}
