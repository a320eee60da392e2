package io.plugsync.api.version;

import io.plugsync.api.auth.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** {@code GET /api/connectors/{id}/diff?from=active&to=draft} ({@code draft}, {@code active} or a version number). */
@Path("/api/connectors/{id}/diff")
@Produces(MediaType.APPLICATION_JSON)
public class DiffResource {
    private final VersionService versions;
    private final CurrentCaller caller;

    public DiffResource(VersionService versions, CurrentCaller caller) {
        this.versions = versions;
        this.caller = caller;
    }

    @GET
    public Uni<DiffView> diff(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return versions.diff(caller.get(), id, from, to);
    }
}
