package io.plugsync.api.library.types;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.api.http.Page;
import io.plugsync.api.library.object.ConfigObjectView;
import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * {@code /v1/orgs/{orgId}/{skills|agents|commands|mcps}}: the config-object routes with the type
 * fixed, and per type {@code validate} and {@code preview} ({@code render-preview} for commands)
 * that parse content without writing it; {@code /mcps/{id}/install-check} for MCP configs.
 */
@Path("/v1/orgs/{orgId}/" + TypedKind.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TypedObjectResource {
    private final TypedObjectService service;
    private final CurrentCaller caller;

    public TypedObjectResource(TypedObjectService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<Page<ConfigObjectView>> list(
            @PathParam("orgId") UUID org,
            @PathParam("kind") String kind,
            @QueryParam("status") String status,
            @QueryParam("source_mode") String sourceMode,
            @QueryParam("connector_instance_id") String instance,
            @QueryParam("plugin_id") String plugin,
            @QueryParam("include_archived") String includeArchived,
            @QueryParam("q") String query,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.list(
                caller.get(),
                org,
                TypedKind.of(kind),
                status,
                sourceMode,
                instance,
                plugin,
                includeArchived,
                query,
                Paging.of(cursor, limit));
    }

    @POST
    public Uni<Response> create(
            @PathParam("orgId") UUID org, @PathParam("kind") String kind, TypedRequests.Create request) {
        return service.create(caller.get(), org, TypedKind.of(kind), Validation.body(request))
                .map(created -> Response.created(URI.create("/v1/orgs/" + org + "/" + kind + "/" + created.id()))
                        .entity(Item.of(created))
                        .build());
    }

    @GET
    @Path("/{id}")
    public Uni<Item<ConfigObjectView>> get(
            @PathParam("orgId") UUID org, @PathParam("kind") String kind, @PathParam("id") UUID id) {
        return service.get(caller.get(), org, TypedKind.of(kind), id).map(Item::of);
    }

    /** A new version; 201 with the object (its {@code latest_version_id} is the new version). */
    @POST
    @Path("/{id}/versions")
    public Uni<Response> newVersion(
            @PathParam("orgId") UUID org,
            @PathParam("kind") String kind,
            @PathParam("id") UUID id,
            TypedRequests.Content request) {
        return service.newVersion(caller.get(), org, TypedKind.of(kind), id, Validation.body(request))
                .map(object -> Response.created(URI.create(
                                "/v1/orgs/" + org + "/config-objects/" + id + "/versions/" + object.latestVersionId()))
                        .entity(Item.of(object))
                        .build());
    }

    @POST
    @Path("/validate")
    public Item<ContentCheck> validate(
            @PathParam("orgId") UUID org, @PathParam("kind") String kind, TypedRequests.Content request) {
        return Item.of(service.validate(caller.get(), org, TypedKind.of(kind), Validation.body(request)));
    }

    @POST
    @Path("/preview")
    public Item<ContentPreview> preview(
            @PathParam("orgId") UUID org, @PathParam("kind") String kind, TypedRequests.Content request) {
        return Item.of(service.preview(caller.get(), org, TypedKind.of(kind), Validation.body(request)));
    }

    /** admin-api.md's name of a command's preview; the same answer as {@code /commands/preview}. */
    @POST
    @Path("/render-preview")
    public Item<ContentPreview> renderPreview(
            @PathParam("orgId") UUID org, @PathParam("kind") String kind, TypedRequests.Content request) {
        if (TypedKind.of(kind) != TypedKind.COMMANDS) {
            throw ProblemException.notFound("/" + kind + "/render-preview");
        }
        return preview(org, kind, request);
    }

    @POST
    @Path("/{id}/install-check")
    public Uni<Item<McpInstallCheck>> installCheck(
            @PathParam("orgId") UUID org, @PathParam("kind") String kind, @PathParam("id") UUID id) {
        if (TypedKind.of(kind) != TypedKind.MCPS) {
            throw ProblemException.notFound("/" + kind + "/" + id + "/install-check");
        }
        return service.installCheck(caller.get(), org, id).map(Item::of);
    }
}
