package io.plugsync.api.org;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.draft.JsonBodies;
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

/**
 * {@code /v1/orgs/{orgId}/settings}: organisation settings, the publish policy of its connectors
 * ({@code agent_publish}, {@code required_approvals}, {@code allow_self_approval}, {@code
 * publishers}, {@code freeze_windows}).
 */
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
    public Uni<Item<OrgSettings>> update(@PathParam("orgId") UUID orgId, String body) {
        return service.update(caller.get(), orgId, JsonBodies.parse(body)).map(Item::of);
    }
}
