package io.plugsync.api.rollout;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * An organisation's rollout default: {@code GET, PUT {"rollout": ...}, DELETE (204)
 * /v1/orgs/{orgId}/rollout-defaults} (owners and admins change it; members read it).
 */
@Path("/v1/orgs/{orgId}/rollout-defaults")
@Produces(MediaType.APPLICATION_JSON)
public class OrgRolloutDefaultsResource {
    private final RolloutDefaultsService defaults;
    private final CurrentCaller caller;

    public OrgRolloutDefaultsResource(RolloutDefaultsService defaults, CurrentCaller caller) {
        this.defaults = defaults;
        this.caller = caller;
    }

    @GET
    public Uni<Item<RolloutDefaults>> get(@PathParam("orgId") UUID orgId) {
        return defaults.ofOrganisation(caller.get(), orgId).map(Item::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Item<RolloutDefaults>> put(@PathParam("orgId") UUID orgId, RolloutDefaultsService.Request body) {
        return defaults.putOrganisation(caller.get(), orgId, body).map(Item::of);
    }

    @DELETE
    public Uni<Void> delete(@PathParam("orgId") UUID orgId) {
        return defaults.deleteOrganisation(caller.get(), orgId);
    }
}
