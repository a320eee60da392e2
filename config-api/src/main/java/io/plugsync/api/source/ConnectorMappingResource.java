package io.plugsync.api.source;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
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
import java.util.UUID;

/**
 * {@code /v1/orgs/{orgId}/connector-mappings/{mappingId}}: a mapping by its own id (admin-api.md);
 * the same service calls as the nested routes, plus its preview.
 */
@Path("/v1/orgs/{orgId}/connector-mappings/{mappingId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectorMappingResource {
    private final MappingService mappings;
    private final MappingPreviewService previews;
    private final CurrentCaller caller;

    public ConnectorMappingResource(MappingService mappings, MappingPreviewService previews, CurrentCaller caller) {
        this.mappings = mappings;
        this.previews = previews;
        this.caller = caller;
    }

    @GET
    public Uni<Item<MappingView>> get(@PathParam("orgId") UUID org, @PathParam("mappingId") UUID id) {
        return mappings.mapping(caller.get(), org, null, id).map(Item::of);
    }

    @PATCH
    public Uni<SourceChange<MappingView>> update(
            @PathParam("orgId") UUID org, @PathParam("mappingId") UUID id, MappingPatch patch) {
        return mappings.updateMapping(caller.get(), org, null, id, Validation.body(patch));
    }

    /** 204 when the mapping was deleted, 200 with it when it had synced and was retired. */
    @DELETE
    public Uni<Response> delete(@PathParam("orgId") UUID org, @PathParam("mappingId") UUID id) {
        return mappings.deleteMapping(caller.get(), org, null, id).map(MappingResource::deleted);
    }

    /** Which paths of the target's last synced tree the mapping's selector matches. */
    @POST
    @Path("/preview")
    public Uni<Item<MappingPreview>> preview(
            @PathParam("orgId") UUID org,
            @PathParam("mappingId") UUID id,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return previews.previewMapping(caller.get(), org, id, cursor, limit).map(Item::of);
    }
}
