package io.plugsync.ingest.held;

import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgAccess;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.auth.TokenCaller;
import io.plugsync.common.source.SourceStatus;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Syncs held by the mass-deletion guard: list them, confirm one (it is re-queued and applied).
 * Organisation owners and admins only; other callers get 404 (non-members) or 403.
 */
@Path("/v1/orgs/{orgId}/connector-sync-events")
@Produces(MediaType.APPLICATION_JSON)
public class HeldSyncResource {
    private final HeldSyncService held;
    private final JsonWebToken token;

    public HeldSyncResource(HeldSyncService held, JsonWebToken token) {
        this.held = held;
        this.token = token;
    }

    /** Response shape of a list: {@code {items, next_cursor}}. */
    public record HeldPage(List<HeldSync> items, String nextCursor) {}

    @GET
    @Path("/held")
    public Uni<HeldPage> held(@PathParam("orgId") UUID orgId) {
        requireAdmin(orgId);
        return held.held(orgId).map(items -> new HeldPage(items, null));
    }

    @POST
    @Path("/{syncEventId}/confirm-deletions")
    public Uni<Response> confirm(@PathParam("orgId") UUID orgId, @PathParam("syncEventId") UUID syncEventId) {
        Caller caller = requireAdmin(orgId);
        return held.confirm(orgId, syncEventId, caller.subject())
                .replaceWith(() -> Response.accepted(
                                Map.of("item", Map.of("id", syncEventId, "status", SourceStatus.Sync.QUEUED.wire())))
                        .build());
    }

    private Caller requireAdmin(UUID orgId) {
        Caller caller = TokenCaller.from(token);
        OrgAccess.require(caller, orgId, OrgRole.ADMIN, "connector_sync_event.confirm", "organisation " + orgId);
        return caller;
    }
}
