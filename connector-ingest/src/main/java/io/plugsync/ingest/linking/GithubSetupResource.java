package io.plugsync.ingest.linking;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/**
 * Where GitHub sends the installer's browser after installing the App (the App's callback URL
 * with "Request user authorization (OAuth) during installation"). No bearer token: the signed
 * state from the install link says for which organisation, and GitHub's OAuth code proves who
 * installed. A browser (Accept: text/html) is sent on to the dashboard (303) when one is
 * configured; other clients get JSON. Problems are always problem+json.
 */
@Path("/api/github/setup")
public class GithubSetupResource {
    private final InstallationLinkService service;
    private final LinkingSettings settings;

    public GithubSetupResource(InstallationLinkService service, LinkingSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    // no @Produces: browsers ask for text/html and get the redirect (or a JSON answer)
    @GET
    public Uni<Response> setup(
            @QueryParam("installation_id") String installationId,
            @QueryParam("setup_action") String setupAction,
            @QueryParam("state") String state,
            @QueryParam("code") String code,
            @HeaderParam("Accept") String accept) {
        boolean browser = accept != null && accept.contains("text/html");
        return service.completeSetup(new SetupRequest(installationId, setupAction, state, code))
                .map(result -> settings.dashboardUrl()
                        .filter(dashboard -> browser)
                        .map(dashboard -> Response.seeOther(dashboardUri(dashboard, result))
                                .build())
                        .orElseGet(() -> Response.status(status(result))
                                .type(MediaType.APPLICATION_JSON)
                                .entity(result)
                                .build()));
    }

    private static URI dashboardUri(String dashboard, SetupResult result) {
        UriBuilder uri = UriBuilder.fromUri(dashboard).queryParam("status", result.status());
        if (result.organizationId() != null) {
            uri.queryParam("organization_id", result.organizationId());
        }
        if (result.installationId() != null) {
            uri.queryParam("installation_id", result.installationId());
        }
        return uri.build();
    }

    private static int status(SetupResult result) {
        return switch (result.status()) {
            case "linked" -> 201;
            case "requested" -> 202;
            default -> 200;
        };
    }
}
