package io.plugsync.api.source;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.source.SourceStatus;
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

/** {@code /v1/orgs/{orgId}/connector-instances}. */
@Path("/v1/orgs/{orgId}/connector-instances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InstanceResource {
    private final InstanceService service;
    private final CurrentCaller caller;

    public InstanceResource(InstanceService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@PathParam("orgId") UUID org, InstanceRequests.Create request) {
        return service.create(caller.get(), org, Validation.body(request))
                .map(created -> Response.status(201).entity(Item.of(created)).build());
    }

    /** Without {@code status}: every instance but the archived ones. */
    @GET
    public Uni<Page<InstanceView>> list(
            @PathParam("orgId") UUID org,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        SourceStatus.Instance wanted =
                SourceQuery.status("status", status, SourceStatus.Instance::parse, SourceStatus.Instance.wires());
        return service.list(caller.get(), org, wanted, Paging.of(cursor, limit));
    }

    @GET
    @Path("/{id}")
    public Uni<Item<InstanceView>> get(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.get(caller.get(), org, id).map(Item::of);
    }

    @PATCH
    @Path("/{id}")
    public Uni<Item<InstanceView>> update(
            @PathParam("orgId") UUID org, @PathParam("id") UUID id, InstanceRequests.Update request) {
        return service.update(caller.get(), org, id, Validation.body(request)).map(Item::of);
    }

    @POST
    @Path("/{id}/disable")
    public Uni<Item<InstanceView>> disable(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.disable(caller.get(), org, id).map(Item::of);
    }

    @POST
    @Path("/{id}/enable")
    public Uni<Item<InstanceView>> enable(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.enable(caller.get(), org, id).map(Item::of);
    }

    @POST
    @Path("/{id}/archive")
    public Uni<Item<InstanceView>> archive(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.archive(caller.get(), org, id).map(Item::of);
    }
}
