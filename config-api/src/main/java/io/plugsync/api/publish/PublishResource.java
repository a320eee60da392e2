package io.plugsync.api.publish;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Writers;
import io.plugsync.common.auth.WriterKind;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * {@code POST /api/connectors/{id}/publish} {@code {"base_version": N, "message": "..."}}: 201
 * {@code {version, checksum, published_at, published_by}}; 409 {@code stale-base-version} or {@code
 * no-changes}; 422 with every validation error. {@code Idempotency-Key} replays the first answer.
 */
@Path("/api/connectors/{id}/publish")
@Produces(MediaType.APPLICATION_JSON)
public class PublishResource {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final PublishService publishes;
    private final CurrentCaller caller;

    public PublishResource(PublishService publishes, CurrentCaller caller) {
        this.publishes = publishes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> publish(
            @PathParam("id") UUID id,
            @HeaderParam(WriterKind.HEADER) String writer,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            PublishRequest request) {
        return publishes
                .publish(caller.get(), Writers.parse(writer), id, request, idempotencyKey, TraceContext.current())
                .map(outcome -> {
                    Response.ResponseBuilder response = Response.status(outcome.status())
                            .entity(outcome.result())
                            .location(URI.create("/api/connectors/" + id + "/versions/"
                                    + outcome.result().version()));
                    if (outcome.replayed()) {
                        response.header("Idempotent-Replayed", "true");
                    }
                    return response.build();
                });
    }
}
