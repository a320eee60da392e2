package io.plugsync.api.rollout;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** A connector's rollouts, newest first ({@code GET .../rollouts}), and one of them by id. */
@Path("/api/connectors/{id}/rollouts")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutHistoryResource {
    private final RolloutService rollouts;
    private final CurrentCaller caller;

    public RolloutHistoryResource(RolloutService rollouts, CurrentCaller caller) {
        this.rollouts = rollouts;
        this.caller = caller;
    }

    @GET
    public Uni<Page<RolloutView>> list(
            @PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return rollouts.list(caller.get(), id, cursor, limit);
    }

    @GET
    @Path("/{rolloutId}")
    public Uni<Item<RolloutView>> get(@PathParam("id") UUID id, @PathParam("rolloutId") UUID rolloutId) {
        return rollouts.get(caller.get(), id, rolloutId).map(Item::of);
    }
}
