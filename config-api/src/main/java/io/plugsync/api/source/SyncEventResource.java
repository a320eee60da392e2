package io.plugsync.api.source;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.library.support.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code /v1/orgs/{orgId}/connector-sync-events}: connector sync history, retries, and the syncs
 * the mass-deletion guard held (confirm or discard). The one server of this path.
 */
@Path("/v1/orgs/{orgId}/connector-sync-events")
@Produces(MediaType.APPLICATION_JSON)
public class SyncEventResource {
    private final SyncEventService service;
    private final CurrentCaller caller;

    public SyncEventResource(SyncEventService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<Page<SyncEventView>> list(
            @PathParam("orgId") UUID org,
            @QueryParam("connector_instance_id") String instance,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), org, SyncEventFilter.of(instance, status), Paging.of(cursor, limit));
    }

    /** Syncs waiting for a confirmation of their deletions, newest first. */
    @GET
    @Path("/held")
    public Uni<Page<HeldSyncView>> held(
            @PathParam("orgId") UUID org,
            @QueryParam("connector_instance_id") String instance,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.held(
                caller.get(), org, SyncEventFilter.of(instance, null).connectorInstanceId(), Paging.of(cursor, limit));
    }

    @GET
    @Path("/{id}")
    public Uni<Item<SyncEventView>> get(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.get(caller.get(), org, id).map(Item::of);
    }

    /** 202: the event is queued again; a worker picks it up. */
    @POST
    @Path("/{id}/retry")
    public Uni<Response> retry(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.retry(caller.get(), org, id)
                .map(event -> Response.accepted(Item.of(event)).build());
    }

    /** 202: the held sync is queued again and applies its deletions. */
    @POST
    @Path("/{id}/confirm-deletions")
    public Uni<Response> confirmDeletions(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.confirmDeletions(caller.get(), org, id)
                .map(event -> Response.accepted(Item.of(event)).build());
    }

    /** The held sync is cancelled; nothing of it is applied. */
    @POST
    @Path("/{id}/discard")
    public Uni<Item<SyncEventView>> discard(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.discard(caller.get(), org, id).map(Item::of);
    }
}
