package io.plugsync.api.version;

import io.plugsync.api.auth.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** {@code GET /api/connectors/{id}/active}: the active version with its document (404 before the first publish). */
@Path("/api/connectors/{id}/active")
@Produces(MediaType.APPLICATION_JSON)
public class ActiveResource {
    private final VersionService versions;
    private final CurrentCaller caller;

    public ActiveResource(VersionService versions, CurrentCaller caller) {
        this.versions = versions;
        this.caller = caller;
    }

    @GET
    public Uni<VersionView> get(@PathParam("id") UUID id) {
        return versions.active(caller.get(), id);
    }
}
