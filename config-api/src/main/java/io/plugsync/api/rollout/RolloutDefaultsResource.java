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
 * A connector's own rollout default: {@code GET, PUT {"rollout": ...}, DELETE (204)
 * /api/connectors/{id}/rollout-defaults} (editors change it). The organisation's is {@link
 * OrgRolloutDefaultsResource}'s.
 */
@Path("/api/connectors/{id}/rollout-defaults")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutDefaultsResource {
    private final RolloutDefaultsService defaults;
    private final CurrentCaller caller;

    public RolloutDefaultsResource(RolloutDefaultsService defaults, CurrentCaller caller) {
        this.defaults = defaults;
        this.caller = caller;
    }

    @GET
    public Uni<Item<RolloutDefaults>> get(@PathParam("id") UUID id) {
        return defaults.ofConnector(caller.get(), id).map(Item::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Item<RolloutDefaults>> put(@PathParam("id") UUID id, RolloutDefaultsService.Request body) {
        return defaults.putConnector(caller.get(), id, body).map(Item::of);
    }

    @DELETE
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return defaults.deleteConnector(caller.get(), id);
    }
}
