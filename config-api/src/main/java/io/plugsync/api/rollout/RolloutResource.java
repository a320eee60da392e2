package io.plugsync.api.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.draft.JsonBodies;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Writers;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A connector's rollout: {@code GET /api/connectors/{id}/rollout} (the open one, else the newest)
 * and the manual actions {@code POST .../rollout/pause|resume|promote|abort} with an optional {@code
 * {"reason": "..."}}. The history is {@link RolloutHistoryResource}'s.
 */
@Path("/api/connectors/{id}/rollout")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutResource {
    private final RolloutService rollouts;
    private final CurrentCaller caller;

    public RolloutResource(RolloutService rollouts, CurrentCaller caller) {
        this.rollouts = rollouts;
        this.caller = caller;
    }

    @GET
    public Uni<Item<RolloutView>> current(@PathParam("id") UUID id) {
        return rollouts.current(caller.get(), id).map(Item::of);
    }

    @POST
    @Path("/pause")
    public Uni<Item<RolloutView>> pause(
            @PathParam("id") UUID id, @HeaderParam(WriterKind.HEADER) String writer, String body) {
        return act(id, writer, RolloutService.Action.PAUSE, body);
    }

    @POST
    @Path("/resume")
    public Uni<Item<RolloutView>> resume(
            @PathParam("id") UUID id, @HeaderParam(WriterKind.HEADER) String writer, String body) {
        return act(id, writer, RolloutService.Action.RESUME, body);
    }

    @POST
    @Path("/promote")
    public Uni<Item<RolloutView>> promote(
            @PathParam("id") UUID id, @HeaderParam(WriterKind.HEADER) String writer, String body) {
        return act(id, writer, RolloutService.Action.PROMOTE, body);
    }

    @POST
    @Path("/abort")
    public Uni<Item<RolloutView>> abort(
            @PathParam("id") UUID id, @HeaderParam(WriterKind.HEADER) String writer, String body) {
        return act(id, writer, RolloutService.Action.ABORT, body);
    }

    /** The body is optional (an action needs no input), so it is read here rather than bound. */
    private Uni<Item<RolloutView>> act(UUID id, String writer, RolloutService.Action action, String body) {
        return rollouts.act(caller.get(), Writers.parse(writer), id, action, reason(body))
                .map(Item::of);
    }

    /** {@code reason} of an optional {@code {"reason": "..."}} body. */
    static String reason(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode json = JsonBodies.parse(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!json.isObject()) {
            errors.add(new Problem.FieldError("", "an object: {\"reason\": \"...\"}", "type"));
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!name.equals("reason")) {
                errors.add(new Problem.FieldError("/" + name, "unknown field; known: reason", "unknown"));
            }
        });
        JsonNode reason = json.get("reason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            errors.add(new Problem.FieldError("/reason", "a string", "type"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the body is invalid", errors);
        }
        return reason == null || reason.isNull() ? null : reason.asText();
    }
}
