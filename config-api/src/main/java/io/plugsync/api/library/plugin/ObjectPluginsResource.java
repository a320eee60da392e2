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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code /v1/orgs/{orgId}/config-objects/{id}/plugins}: plugin membership seen from the object.
 * Plugin composition belongs to the plugin, so this sits with the plugin feature and shares its
 * membership rules and writes.
 */
@Path("/v1/orgs/{orgId}/config-objects/{id}/plugins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ObjectPluginsResource {
    private final ObjectMembershipService service;
    private final CurrentCaller caller;

    public ObjectPluginsResource(ObjectMembershipService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<Page<ObjectPluginView>> list(
            @PathParam("orgId") UUID org,
            @PathParam("id") UUID id,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.pluginsOf(caller.get(), org, id, Paging.of(cursor, limit));
    }

    /** 201 when the object joined (or rejoined) the plugin, 200 when it already was a member. */
    @POST
    public Uni<Response> add(
            @PathParam("orgId") UUID org, @PathParam("id") UUID id, PluginRequests.AddToPlugin request) {
        return service.addToPlugin(caller.get(), org, id, Validation.body(request))
                .map(change -> Response.status(change.changed() ? 201 : 200)
                        .entity(Item.of(change.plugin()))
                        .build());
    }

    @DELETE
    @Path("/{pluginId}")
    public Uni<Response> remove(
            @PathParam("orgId") UUID org, @PathParam("id") UUID id, @PathParam("pluginId") UUID pluginId) {
        return service.removeFromPlugin(caller.get(), org, id, pluginId)
                .map(done -> Response.noContent().build());
    }
}
