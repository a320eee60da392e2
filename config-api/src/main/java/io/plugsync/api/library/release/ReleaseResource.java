package io.plugsync.api.library.release;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.library.support.Paging;
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
import java.net.URI;
import java.util.UUID;

/** {@code /v1/orgs/{orgId}/plugins/{pluginId}/releases}. */
@Path("/v1/orgs/{orgId}/plugins/{pluginId}/releases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReleaseResource {
    private final ReleaseService service;
    private final ReleaseRollback rollback;
    private final CurrentCaller caller;

    public ReleaseResource(ReleaseService service, ReleaseRollback rollback, CurrentCaller caller) {
        this.service = service;
        this.rollback = rollback;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(
            @PathParam("orgId") UUID org, @PathParam("pluginId") UUID pluginId, ReleaseRequests request) {
        return service.create(caller.get(), org, pluginId, request)
                .map(release -> Response.created(
                                URI.create("/v1/orgs/" + org + "/plugins/" + pluginId + "/releases/" + release.id()))
                        .entity(Item.of(release))
                        .build());
    }

    @GET
    public Uni<Page<ReleaseView>> list(
            @PathParam("orgId") UUID org,
            @PathParam("pluginId") UUID pluginId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), org, pluginId, Paging.of(cursor, limit));
    }

    @GET
    @Path("/{releaseId}")
    public Uni<Item<ReleaseView>> get(
            @PathParam("orgId") UUID org,
            @PathParam("pluginId") UUID pluginId,
            @PathParam("releaseId") UUID releaseId) {
        return service.get(caller.get(), org, pluginId, releaseId).map(Item::of);
    }

    @GET
    @Path("/{releaseId}/diff")
    public Uni<Item<ReleaseDiff>> diff(
            @PathParam("orgId") UUID org,
            @PathParam("pluginId") UUID pluginId,
            @PathParam("releaseId") UUID releaseId) {
        return service.diff(caller.get(), org, pluginId, releaseId).map(Item::of);
    }

    /** Restores the plugin to the release; the answer is the {@code system} release recording it and what changed. */
    @POST
    @Path("/{releaseId}/rollback")
    public Uni<Response> rollback(
            @PathParam("orgId") UUID org,
            @PathParam("pluginId") UUID pluginId,
            @PathParam("releaseId") UUID releaseId) {
        return rollback.rollback(caller.get(), org, pluginId, releaseId)
                .map(result -> Response.created(URI.create("/v1/orgs/" + org + "/plugins/" + pluginId + "/releases/"
                                + result.release().id()))
                        .entity(Item.of(result))
                        .build());
    }
}
