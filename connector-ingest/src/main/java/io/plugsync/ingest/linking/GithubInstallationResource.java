package io.plugsync.ingest.linking;

import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgAccess;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.auth.TokenCaller;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An organisation's GitHub App installations: install links (owners and admins), the linked
 * installations (every member), and for setting up targets (editors and up, who may create
 * connector instances) the repositories an installation can access and a target check.
 * Non-members get 404, members without the role 403.
 */
@Path("/v1/orgs/{orgId}/github")
@Produces(MediaType.APPLICATION_JSON)
public class GithubInstallationResource {
    private final InstallationLinkService service;
    private final TargetSetupService targets;
    private final JsonWebToken token;

    public GithubInstallationResource(InstallationLinkService service, TargetSetupService targets, JsonWebToken token) {
        this.service = service;
        this.targets = targets;
        this.token = token;
    }

    @POST
    @Path("/install-links")
    public Uni<InstallLink> installLink(@PathParam("orgId") UUID orgId) {
        Caller caller = TokenCaller.from(token);
        OrgAccess.require(caller, orgId, OrgRole.ADMIN, "github_installation.link", "organisation " + orgId);
        return service.installLink(caller, orgId);
    }

    @GET
    @Path("/installations")
    public Uni<LinkedInstallationPage> installations(@PathParam("orgId") UUID orgId) {
        OrgAccess.require(
                TokenCaller.from(token), orgId, OrgRole.VIEWER, "github_installation.read", "organisation " + orgId);
        return service.list(orgId).map(items -> new LinkedInstallationPage(items, null));
    }

    @GET
    @Path("/installations/{installationId}/repositories")
    public Uni<AccessibleRepositoryPage> repositories(
            @PathParam("orgId") UUID orgId,
            @PathParam("installationId") String installationId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        OrgAccess.require(
                TokenCaller.from(token),
                orgId,
                OrgRole.EDITOR,
                "github_installation.repositories",
                "organisation " + orgId);
        return targets.repositories(orgId, installationId, cursor, limit);
    }

    @POST
    @Path("/validate-target")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ValidatedTargetItem> validateTarget(@PathParam("orgId") UUID orgId, ValidateTargetRequest body) {
        OrgAccess.require(
                TokenCaller.from(token), orgId, OrgRole.EDITOR, "github_target.validate", "organisation " + orgId);
        return targets.validateTarget(orgId, ValidateTargetRequest.validated(body));
    }
}
