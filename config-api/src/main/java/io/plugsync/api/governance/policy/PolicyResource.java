package io.plugsync.api.governance.policy;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.draft.JsonBodies;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Writers;
import io.plugsync.common.auth.WriterKind;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * {@code /api/connectors/{id}/publish-policy}: the publish policy in force for one connector and its
 * overrides of the organisation's ({@code PATCH}: JSON merge patch, owners and admins).
 */
@Path("/api/connectors/{id}/publish-policy")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {
    private final PolicyService policies;
    private final CurrentCaller caller;

    public PolicyResource(PolicyService policies, CurrentCaller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    public Uni<Item<ConnectorPolicyView>> get(@PathParam("id") UUID id) {
        return policies.get(caller.get(), id).map(Item::of);
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Uni<Item<ConnectorPolicyView>> update(
            @PathParam("id") UUID id, @HeaderParam(WriterKind.HEADER) String writer, String body) {
        return policies.update(caller.get(), Writers.parse(writer), id, JsonBodies.parse(body))
                .map(Item::of);
    }
}
