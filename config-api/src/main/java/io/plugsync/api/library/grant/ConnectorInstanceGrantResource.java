package io.plugsync.api.library.grant;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.library.support.Item;
import io.plugsync.api.library.support.ItemList;
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

/** {@code /v1/orgs/{orgId}/connector-instances/{id}/grants}: sharing a connector instance. */
@Path("/v1/orgs/{orgId}/connector-instances/{id}/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectorInstanceGrantResource {
    private final GrantService service;
    private final CurrentCaller caller;

    public ConnectorInstanceGrantResource(GrantService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<ItemList<GrantView>> list(
            @PathParam("orgId") UUID org,
            @PathParam("id") UUID id,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), org, GrantTarget.CONNECTOR_INSTANCE, id, Paging.of(cursor, limit));
    }

    @POST
    public Uni<Response> add(@PathParam("orgId") UUID org, @PathParam("id") UUID id, GrantRequest request) {
        return service.add(caller.get(), org, GrantTarget.CONNECTOR_INSTANCE, id, Validation.body(request))
                .map(grant -> Response.status(201).entity(Item.of(grant)).build());
    }

    @DELETE
    @Path("/{grantId}")
    public Uni<Response> remove(
            @PathParam("orgId") UUID org, @PathParam("id") UUID id, @PathParam("grantId") UUID grantId) {
        return service.remove(caller.get(), org, GrantTarget.CONNECTOR_INSTANCE, id, grantId)
                .map(done -> Response.noContent().build());
    }
}
