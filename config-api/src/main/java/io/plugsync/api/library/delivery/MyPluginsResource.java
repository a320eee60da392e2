package io.plugsync.api.library.delivery;

import io.plugsync.api.auth.CurrentCaller;
import io.plugsync.api.http.Item;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/me/plugins}: the plugins the caller may install, as the outbox-dispatcher delivered
 * them to the library replica (DynamoDB). Both answers carry a strong ETag and honour {@code
 * If-None-Match}, so an installer polls cheaply.
 */
@Path("/v1/me/plugins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My plugins", description = "Plugins delivered to the caller, read from the library replica")
public class MyPluginsResource {
    private static final String ORG_ID = "org_id";
    private static final CacheControl REVALIDATE = CacheControl.valueOf("private, no-cache");

    private final MyPluginsService service;
    private final CurrentCaller caller;

    public MyPluginsResource(MyPluginsService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "List the plugins I may install",
            description = "Active plugins granted to the caller (directly, through a team or org-wide) or"
                    + " created by it, without content. ETag over (plugin_id, version, checksum) of every item.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MyPluginList.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match matched: nothing changed")
    @APIResponse(
            responseCode = "400",
            description = "org_id missing while the token names several organisations, or malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "The organisation is not one of the token's",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "503",
            description = "The library replica is unavailable; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> list(
            @Parameter(description = "Organisation id; may be omitted when the token names exactly one")
                    @QueryParam(ORG_ID)
                    String orgId,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Caller current = caller.get();
        UUID org = MyPluginsService.organisation(current, orgId, ORG_ID);
        return service.list(current, org).map(list -> conditional(list, ETags.of(list), ifNoneMatch));
    }

    @GET
    @Path("/{pluginId}")
    @Operation(
            summary = "Get one plugin I may install, with every member's content",
            description = "The whole delivered plugin: each member's path inside the plugin and its text."
                    + " ETag is the plugin's checksum.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MyPlugin.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match matched: nothing changed")
    @APIResponse(
            responseCode = "404",
            description = "Not entitled, not active, or not a plugin of this organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "503",
            description = "The library replica is unavailable; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> get(
            @PathParam("pluginId") UUID pluginId,
            @Parameter(description = "Organisation id; may be omitted when the token names exactly one")
                    @QueryParam(ORG_ID)
                    String orgId,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Caller current = caller.get();
        UUID org = MyPluginsService.organisation(current, orgId, ORG_ID);
        return service.get(current, org, pluginId)
                .map(plugin -> conditional(Item.of(plugin), ETags.of(plugin), ifNoneMatch));
    }

    private static Response conditional(Object body, String etag, String ifNoneMatch) {
        Response.ResponseBuilder response = ETags.matches(ifNoneMatch, etag)
                ? Response.notModified()
                : Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.ETAG, etag).cacheControl(REVALIDATE).build();
    }
}
