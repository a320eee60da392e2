package io.plugsync.api.source;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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
 * {@code /v1/orgs/{orgId}/connector-instances/{instanceId}/targets}; a single target is also at
 * {@code /connector-targets/{id}} ({@link ConnectorTargetResource}).
 */
@Path("/v1/orgs/{orgId}/connector-instances/{instanceId}/targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TargetResource {
    private final TargetService service;
    private final CurrentCaller caller;

    public TargetResource(TargetService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<Page<TargetView>> list(
            @PathParam("orgId") UUID org,
            @PathParam("instanceId") UUID instanceId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.targets(caller.get(), org, instanceId, Paging.of(cursor, limit));
    }

    /** 201 with the target and its queued initial sync ({@code queued_sync_event_id}). */
    @POST
    public Uni<Response> add(
            @PathParam("orgId") UUID org, @PathParam("instanceId") UUID instanceId, TargetRequest request) {
        return service.addTarget(caller.get(), org, instanceId, Validation.body(request))
                .map(change -> Response.status(201).entity(change).build());
    }

    @GET
    @Path("/{targetId}")
    public Uni<Item<TargetView>> get(
            @PathParam("orgId") UUID org, @PathParam("instanceId") UUID instanceId, @PathParam("targetId") UUID id) {
        return service.target(caller.get(), org, instanceId, id).map(Item::of);
    }

    /** 202: a sync event is queued for the target. */
    @POST
    @Path("/{targetId}/resync")
    public Uni<Response> resync(
            @PathParam("orgId") UUID org, @PathParam("instanceId") UUID instanceId, @PathParam("targetId") UUID id) {
        return service.resync(caller.get(), org, instanceId, id)
                .map(event -> Response.accepted(Item.of(event)).build());
    }
}
