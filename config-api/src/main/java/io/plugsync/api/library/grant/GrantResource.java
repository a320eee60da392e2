package io.plugsync.api.library.grant;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.QueryParams;
import io.plugsync.api.library.support.Validation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code /v1/orgs/{orgId}/{config-objects|plugins|connector-instances}/{id}/grants}: sharing a
 * config object, a plugin or a connector instance (one grant shape for the three).
 */
@Path("/v1/orgs/{orgId}/{kind: config-objects|plugins|connector-instances}/{id}/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GrantResource {
    private final GrantService service;
    private final AccessExplainer explainer;
    private final CurrentCaller caller;

    public GrantResource(GrantService service, AccessExplainer explainer, CurrentCaller caller) {
        this.service = service;
        this.explainer = explainer;
        this.caller = caller;
    }

    /** Why the member {@code org_membership_id} has the role it has on the resource (or none). */
    @GET
    @Path("/explain")
    public Uni<Item<AccessExplanation>> explain(
            @PathParam("orgId") UUID org,
            @PathParam("kind") String kind,
            @PathParam("id") UUID id,
            @QueryParam("org_membership_id") String member) {
        return explainer
                .explain(caller.get(), org, target(kind), id, QueryParams.requiredUuid("org_membership_id", member))
                .map(Item::of);
    }

    @GET
    public Uni<Page<GrantView>> list(
            @PathParam("orgId") UUID org,
            @PathParam("kind") String kind,
            @PathParam("id") UUID id,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), org, target(kind), id, Paging.of(cursor, limit));
    }

    @POST
    public Uni<Response> add(
            @PathParam("orgId") UUID org,
            @PathParam("kind") String kind,
            @PathParam("id") UUID id,
            GrantRequest request) {
        return service.add(caller.get(), org, target(kind), id, Validation.body(request))
                .map(grant -> Response.status(201).entity(Item.of(grant)).build());
    }

    @DELETE
    @Path("/{grantId}")
    public Uni<Response> remove(
            @PathParam("orgId") UUID org,
            @PathParam("kind") String kind,
            @PathParam("id") UUID id,
            @PathParam("grantId") UUID grantId) {
        return service.remove(caller.get(), org, target(kind), id, grantId)
                .map(done -> Response.noContent().build());
    }

    private static GrantTarget target(String kind) {
        return switch (kind) {
            case "config-objects" -> GrantTarget.CONFIG_OBJECT;
            case "plugins" -> GrantTarget.PLUGIN;
            default -> GrantTarget.CONNECTOR_INSTANCE;
        };
    }
}
