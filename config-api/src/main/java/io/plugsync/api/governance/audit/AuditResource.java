package io.plugsync.api.governance.audit;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Page;
import io.plugsync.common.http.Cursor;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/connectors/{id}/audit?action=&cursor=&limit=}: every review request, approval,
 * change request, comment, withdrawal, publish, refused publish, scheduled publish (scheduled,
 * cancelled, failed) and policy change of a connector, newest first, with subject and writer kind.
 * Members of the connector's organisation read it.
 */
@Path("/api/connectors/{id}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private final AuditService audit;
    private final CurrentCaller caller;

    public AuditResource(AuditService audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    public Uni<Page<AuditEntry>> list(
            @PathParam("id") UUID id,
            @QueryParam("action") List<String> actions,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        int size = Cursor.limit(limit);
        Long before = cursor == null ? null : cursorId(cursor);
        return audit.page(caller.get(), id, selected(actions), before, size);
    }

    private static List<String> selected(List<String> actions) {
        if (actions == null || actions.isEmpty()) {
            return AuditActions.AUDITED;
        }
        for (String action : actions) {
            if (!AuditActions.AUDITED.contains(action)) {
                throw ProblemException.invalid(
                        "unknown action " + action,
                        List.of(new Problem.FieldError(
                                "query:action", "one of " + String.join(", ", AuditActions.AUDITED), "enum")));
            }
        }
        return List.copyOf(actions);
    }

    private static long cursorId(String cursor) {
        try {
            return Long.parseLong(Cursor.decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this API issued");
        }
    }
}
