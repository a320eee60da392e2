package io.plugsync.api.org;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** {@code /v1/orgs/{orgId}/settings}: organisation settings such as the agent publish policy. */
@Path("/v1/orgs/{orgId}/settings")
@Produces(MediaType.APPLICATION_JSON)
public class OrgSettingsResource {
    private final OrgSettingsService service;
    private final CurrentCaller caller;

    public OrgSettingsResource(OrgSettingsService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<Item<OrgSettings>> get(@PathParam("orgId") UUID orgId) {
        return service.get(caller.get(), orgId).map(Item::of);
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Uni<Item<OrgSettings>> update(@PathParam("orgId") UUID orgId, UpdateOrgSettingsRequest request) {
        return service.update(caller.get(), orgId, request).map(Item::of);
    }
}
