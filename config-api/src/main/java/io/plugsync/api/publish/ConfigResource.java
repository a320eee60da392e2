package io.plugsync.api.publish;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.draft.JsonBodies;
import io.plugsync.api.http.Writers;
import io.plugsync.common.auth.WriterKind;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code PUT /api/connectors/{id}/config?publish=false|true&base_version=N[&rollout=linear:25%/10m]} for
 * setup scripts:
 * replaces the whole draft and, with {@code publish=true}, publishes it in the same transaction.
 * Answers {@code {draft, published}}: 200 when only the draft changed, 201 when a version was
 * published.
 */
@Path("/api/connectors/{id}/config")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {
    private final ConfigApplyService configs;
    private final CurrentCaller caller;

    public ConfigResource(ConfigApplyService configs, CurrentCaller caller) {
        this.configs = configs;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> put(
            @PathParam("id") UUID id,
            @QueryParam("publish") @DefaultValue("false") boolean publish,
            @QueryParam("base_version") Integer baseVersion,
            @QueryParam("force") @DefaultValue("false") boolean force,
            @QueryParam("message") String message,
            @QueryParam("rollout") String rollout,
            @QueryParam("supersede_rollout") @DefaultValue("false") boolean supersedeRollout,
            @HeaderParam(WriterKind.HEADER) String writer,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(PublishResource.IDEMPOTENCY_KEY) String idempotencyKey,
            String body) {
        var apply = new ConfigApplyService.Apply(
                id,
                ifMatch,
                JsonBodies.parse(body),
                publish,
                baseVersion,
                force,
                message,
                idempotencyKey,
                rollout,
                supersedeRollout);
        return configs.replace(caller.get(), Writers.parse(writer), apply, TraceContext.current())
                .map(result -> Response.status(result.published() == null ? 200 : 201)
                        .entity(result)
                        .header(HttpHeaders.ETAG, result.draft().etag())
                        .build());
    }
}
