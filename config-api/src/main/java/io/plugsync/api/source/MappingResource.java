package io.plugsync.api.source;

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

/** {@code /v1/orgs/{orgId}/connector-instances/{instanceId}/mappings}. */
@Path("/v1/orgs/{orgId}/connector-instances/{instanceId}/mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MappingResource {
    private final ConnectorSourceService service;
    private final CurrentCaller caller;

    public MappingResource(ConnectorSourceService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<Page<MappingView>> list(
            @PathParam("orgId") UUID org,
            @PathParam("instanceId") UUID instanceId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.mappings(caller.get(), org, instanceId, Paging.of(cursor, limit));
    }

    @POST
    public Uni<Response> add(
            @PathParam("orgId") UUID org, @PathParam("instanceId") UUID instanceId, MappingRequest request) {
        return service.addMapping(caller.get(), org, instanceId, Validation.body(request))
                .map(mapping -> Response.status(201).entity(Item.of(mapping)).build());
    }

    @GET
    @Path("/{mappingId}")
    public Uni<Item<MappingView>> get(
            @PathParam("orgId") UUID org, @PathParam("instanceId") UUID instanceId, @PathParam("mappingId") UUID id) {
        return service.mapping(caller.get(), org, instanceId, id).map(Item::of);
    }

    @DELETE
    @Path("/{mappingId}")
    public Uni<Response> delete(
            @PathParam("orgId") UUID org, @PathParam("instanceId") UUID instanceId, @PathParam("mappingId") UUID id) {
        return service.deleteMapping(caller.get(), org, instanceId, id)
                .map(done -> Response.noContent().build());
    }
}
