package io.plugsync.api.library.plugin;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** {@code /v1/orgs/{orgId}/plugins}: plugins, their members and the resolved view. */
@Path("/v1/orgs/{orgId}/plugins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PluginResource {
    private final PluginService service;
    private final CurrentCaller caller;

    public PluginResource(PluginService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@PathParam("orgId") UUID org, PluginRequests.Create request) {
        return service.create(caller.get(), org, Validation.body(request))
                .map(created -> Response.created(URI.create("/v1/orgs/" + org + "/plugins/" + created.id()))
                        .entity(Item.of(created))
                        .build());
    }

    @GET
    public Uni<Page<PluginView>> list(
            @PathParam("orgId") UUID org, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), org, Paging.of(cursor, limit));
    }

    @GET
    @Path("/{id}")
    public Uni<Item<PluginView>> get(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.get(caller.get(), org, id).map(Item::of);
    }

    @PATCH
    @Path("/{id}")
    public Uni<Item<PluginView>> update(
            @PathParam("orgId") UUID org, @PathParam("id") UUID id, PluginRequests.Update request) {
        return service.update(caller.get(), org, id, Validation.body(request)).map(Item::of);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.delete(caller.get(), org, id)
                .map(done -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/archive")
    public Uni<Item<PluginView>> archive(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.archive(caller.get(), org, id).map(Item::of);
    }

    @POST
    @Path("/{id}/restore")
    public Uni<Item<PluginView>> restore(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.restore(caller.get(), org, id).map(Item::of);
    }

    @GET
    @Path("/{id}/members")
    public Uni<Page<MemberView>> members(
            @PathParam("orgId") UUID org,
            @PathParam("id") UUID id,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.members(caller.get(), org, id, Paging.of(cursor, limit));
    }

    /** 201 when the object joined (or rejoined) the plugin, 200 when it already was a member. */
    @POST
    @Path("/{id}/members")
    public Uni<Response> addMember(
            @PathParam("orgId") UUID org, @PathParam("id") UUID id, PluginRequests.AddMember request) {
        return service.addMember(caller.get(), org, id, Validation.body(request))
                .map(change -> Response.status(change.changed() ? 201 : 200)
                        .entity(Item.of(change.member()))
                        .build());
    }

    @DELETE
    @Path("/{id}/members/{objectId}")
    public Uni<Response> removeMember(
            @PathParam("orgId") UUID org, @PathParam("id") UUID id, @PathParam("objectId") UUID objectId) {
        return service.removeMember(caller.get(), org, id, objectId)
                .map(done -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/resolved")
    public Uni<Item<ResolvedPlugin>> resolved(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.resolved(caller.get(), org, id).map(Item::of);
    }
}
