package io.plugsync.api.version;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** {@code /api/connectors/{id}/versions}: published versions, newest first; immutable. */
@Path("/api/connectors/{id}/versions")
@Produces(MediaType.APPLICATION_JSON)
public class VersionResource {
    private final VersionService versions;
    private final CurrentCaller caller;

    public VersionResource(VersionService versions, CurrentCaller caller) {
        this.versions = versions;
        this.caller = caller;
    }

    @GET
    public Uni<Page<VersionView>> list(
            @PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return versions.list(caller.get(), id, cursor, limit);
    }

    @GET
    @Path("/{version}")
    public Uni<VersionView> get(@PathParam("id") UUID id, @PathParam("version") int version) {
        return versions.get(caller.get(), id, version);
    }

    /** {@code {version, committed, replicated, replicated_at}} from the dispatcher's progress. */
    @GET
    @Path("/{version}/status")
    public Uni<VersionStatus> status(@PathParam("id") UUID id, @PathParam("version") int version) {
        return versions.status(caller.get(), id, version);
    }
}
