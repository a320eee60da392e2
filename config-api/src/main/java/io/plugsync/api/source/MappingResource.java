package io.plugsync.api.source;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.source.SourceStatus;
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
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /v1/orgs/{orgId}/connector-instances/{instanceId}/mappings}; a single mapping is also at
 * {@code /connector-mappings/{id}} ({@link ConnectorMappingResource}).
 */
@Path("/v1/orgs/{orgId}/connector-instances/{instanceId}/mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MappingResource {
    private final MappingService service;
    private final CurrentCaller caller;

    public MappingResource(MappingService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** Active mappings of the instance; {@code status=retired} for the retired ones. */
    @GET
    public Uni<Page<MappingView>> list(
            @PathParam("orgId") UUID org,
            @PathParam("instanceId") UUID instanceId,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.mappings(caller.get(), org, instanceId, status(status), Paging.of(cursor, limit));
    }

    /** 201 with the mapping and, on a target that has synced, its queued resync. */
    @POST
    public Uni<Response> add(
            @PathParam("orgId") UUID org, @PathParam("instanceId") UUID instanceId, MappingRequest request) {
        return service.addMapping(caller.get(), org, instanceId, Validation.body(request))
                .map(change -> Response.status(201).entity(change).build());
    }

    @GET
    @Path("/{mappingId}")
    public Uni<Item<MappingView>> get(
            @PathParam("orgId") UUID org, @PathParam("instanceId") UUID instanceId, @PathParam("mappingId") UUID id) {
        return service.mapping(caller.get(), org, instanceId, id).map(Item::of);
    }

    @PATCH
    @Path("/{mappingId}")
    public Uni<SourceChange<MappingView>> update(
            @PathParam("orgId") UUID org,
            @PathParam("instanceId") UUID instanceId,
            @PathParam("mappingId") UUID id,
            MappingPatch patch) {
        return service.updateMapping(caller.get(), org, instanceId, id, Validation.body(patch));
    }

    @DELETE
    @Path("/{mappingId}")
    public Uni<Response> delete(
            @PathParam("orgId") UUID org, @PathParam("instanceId") UUID instanceId, @PathParam("mappingId") UUID id) {
        return service.deleteMapping(caller.get(), org, instanceId, id).map(MappingResource::deleted);
    }

    /** 204 when the mapping was deleted, 200 with it when it had synced and was retired. */
    static Response deleted(Optional<SourceChange<MappingView>> retired) {
        return retired.map(change -> Response.ok(change).build())
                .orElseGet(() -> Response.noContent().build());
    }

    static SourceStatus.Mapping status(String status) {
        return SourceQuery.status("status", status, SourceStatus.Mapping::parse, SourceStatus.Mapping.wires());
    }
}
