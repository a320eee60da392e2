package io.plugsync.api.library.object;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** {@code /v1/orgs/{orgId}/config-objects}: versioned, encrypted config objects. */
@Path("/v1/orgs/{orgId}/config-objects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConfigObjectResource {
    private final ConfigObjectService service;
    private final CurrentCaller caller;

    public ConfigObjectResource(ConfigObjectService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@PathParam("orgId") UUID org, ConfigObjectRequests.Create request) {
        return service.create(caller.get(), org, Validation.body(request))
                .map(created -> Response.created(URI.create("/v1/orgs/" + org + "/config-objects/" + created.id()))
                        .entity(Item.of(created))
                        .build());
    }

    @GET
    public Uni<Page<ConfigObjectView>> list(
            @PathParam("orgId") UUID org,
            @QueryParam("object_type") String type,
            @QueryParam("status") String status,
            @QueryParam("source_mode") String sourceMode,
            @QueryParam("connector_instance_id") String instance,
            @QueryParam("plugin_id") String plugin,
            @QueryParam("include_archived") String includeArchived,
            @QueryParam("q") String query,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        ObjectFilter filter = ObjectFilter.of(type, status, sourceMode, instance, plugin, includeArchived, query);
        return service.list(caller.get(), org, filter, Paging.of(cursor, limit));
    }

    @GET
    @Path("/{id}")
    public Uni<Item<ConfigObjectView>> get(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.get(caller.get(), org, id).map(Item::of);
    }

    @PUT
    @Path("/{id}")
    public Uni<Item<ConfigObjectView>> update(
            @PathParam("orgId") UUID org, @PathParam("id") UUID id, ConfigObjectRequests.Update request) {
        return service.update(caller.get(), org, id, Validation.body(request)).map(Item::of);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Item<ConfigObjectView>> delete(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.delete(caller.get(), org, id).map(Item::of);
    }

    @POST
    @Path("/{id}/archive")
    public Uni<Item<ConfigObjectView>> archive(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.archive(caller.get(), org, id).map(Item::of);
    }

    @POST
    @Path("/{id}/restore")
    public Uni<Item<ConfigObjectView>> restore(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.restore(caller.get(), org, id).map(Item::of);
    }

    @GET
    @Path("/{id}/versions")
    public Uni<Page<VersionSummary>> versions(
            @PathParam("orgId") UUID org,
            @PathParam("id") UUID id,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.versions(caller.get(), org, id, Paging.of(cursor, limit));
    }

    /** The newest version; literal segments win over {@code {versionId}} in JAX-RS matching. */
    @GET
    @Path("/{id}/versions/latest")
    public Uni<Item<VersionView>> latestVersion(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.latest(caller.get(), org, id).map(Item::of);
    }

    /** {@code ?from=<versionId>&to=<versionId>}: both required. */
    @GET
    @Path("/{id}/versions/compare")
    public Uni<Item<VersionComparison>> compare(
            @PathParam("orgId") UUID org,
            @PathParam("id") UUID id,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        VersionRange range = VersionRange.of(from, to);
        return service.compare(caller.get(), org, id, range.from(), range.to()).map(Item::of);
    }

    @GET
    @Path("/{id}/versions/{versionId}")
    public Uni<Item<VersionView>> version(
            @PathParam("orgId") UUID org, @PathParam("id") UUID id, @PathParam("versionId") UUID versionId) {
        return service.version(caller.get(), org, id, versionId).map(Item::of);
    }

    /** Kept for existing clients; {@code /{id}/versions/latest} is the documented path. */
    @GET
    @Path("/{id}/latest")
    public Uni<Item<VersionView>> latest(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.latest(caller.get(), org, id).map(Item::of);
    }

    @GET
    @Path("/{id}/provenance")
    public Uni<Item<Provenance>> provenance(@PathParam("orgId") UUID org, @PathParam("id") UUID id) {
        return service.provenance(caller.get(), org, id).map(Item::of);
    }
}
