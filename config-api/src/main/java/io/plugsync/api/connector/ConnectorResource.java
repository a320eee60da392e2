package io.plugsync.api.connector;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Page;
import io.plugsync.api.http.Writers;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** {@code /api/connectors}: the connectors of the caller's organisations. */
@Path("/api/connectors")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectorResource {
    private final ConnectorService service;
    private final CurrentCaller caller;

    public ConnectorResource(ConnectorService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@HeaderParam(WriterKind.HEADER) String writer, CreateConnectorRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("missing-body", "a JSON body is required");
        }
        return service.create(caller.get(), Writers.parse(writer), request)
                .map(created -> Response.created(URI.create("/api/connectors/" + created.id()))
                        .entity(created)
                        .build());
    }

    @GET
    public Uni<Page<ConnectorView>> list(
            @QueryParam("organization_id") UUID organizationId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), organizationId, cursor, limit);
    }

    @GET
    @Path("/{id}")
    public Uni<ConnectorView> get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }
}
