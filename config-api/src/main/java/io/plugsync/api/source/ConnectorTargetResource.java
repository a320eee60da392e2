package io.plugsync.api.source;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code /v1/orgs/{orgId}/connector-targets/{targetId}}: a target by its own id (admin-api.md), with
 * its mappings, their live preview and resyncs. The same service calls as the nested routes.
 */
@Path("/v1/orgs/{orgId}/connector-targets/{targetId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectorTargetResource {
    private final TargetService targets;
    private final MappingService mappings;
    private final MappingPreviewService previews;
    private final CurrentCaller caller;

    public ConnectorTargetResource(
            TargetService targets, MappingService mappings, MappingPreviewService previews, CurrentCaller caller) {
        this.targets = targets;
        this.mappings = mappings;
        this.previews = previews;
        this.caller = caller;
    }

    @GET
    public Uni<Item<TargetView>> get(@PathParam("orgId") UUID org, @PathParam("targetId") UUID id) {
        return targets.target(caller.get(), org, null, id).map(Item::of);
    }

    /** The branch and/or status; a changed branch queues a resync ({@code queued_sync_event_id}). */
    @PATCH
    public Uni<SourceChange<TargetView>> update(
            @PathParam("orgId") UUID org, @PathParam("targetId") UUID id, TargetPatch patch) {
        return targets.updateTarget(caller.get(), org, null, id, Validation.body(patch));
    }

    /** 202: a sync event is queued for the target. */
    @POST
    @Path("/resync")
    public Uni<Response> resync(@PathParam("orgId") UUID org, @PathParam("targetId") UUID id) {
        return targets.resync(caller.get(), org, null, id)
                .map(event -> Response.accepted(Item.of(event)).build());
    }

    /** Active mappings of the target; {@code status=retired} for the retired ones. */
    @GET
    @Path("/mappings")
    public Uni<Page<MappingView>> mappings(
            @PathParam("orgId") UUID org,
            @PathParam("targetId") UUID id,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return mappings.targetMappings(caller.get(), org, id, MappingResource.status(status), Paging.of(cursor, limit));
    }

    @POST
    @Path("/mappings")
    public Uni<Response> addMapping(
            @PathParam("orgId") UUID org, @PathParam("targetId") UUID id, MappingRequest request) {
        return mappings.addTargetMapping(caller.get(), org, id, Validation.body(request))
                .map(change -> Response.status(201).entity(change).build());
    }

    /** Which paths of the target's last synced tree a selector (not saved yet) matches. */
    @POST
    @Path("/mappings/preview")
    public Uni<Item<MappingPreview>> preview(
            @PathParam("orgId") UUID org,
            @PathParam("targetId") UUID id,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit,
            PreviewRequest request) {
        return previews.previewSelector(caller.get(), org, id, Validation.body(request), cursor, limit)
                .map(Item::of);
    }
}
