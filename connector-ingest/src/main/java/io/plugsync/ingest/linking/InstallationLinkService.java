package io.plugsync.ingest.linking;

import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.ingest.github.GithubApiException;
import io.plugsync.ingest.github.GithubUserApi;
import io.plugsync.ingest.github.OAuthCodeRejectedException;
import io.plugsync.ingest.github.UserInstallation;
import io.plugsync.ingest.metrics.IngestMetrics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Links GitHub App installations to organisations. An admin asks for an install link (a signed
 * state naming the organisation and the admin); GitHub sends the installer back with that state,
 * the installation id and an OAuth code. The id alone can be spoofed, so the code is exchanged for
 * the installer's token and GitHub must list the installation among that user's; only then is the
 * installation linked, in one transaction that holds the installation's row lock.
 */
@ApplicationScoped
public class InstallationLinkService {
    private static final Logger LOG = Logger.getLogger(InstallationLinkService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;
    private final LinkRepository links;
    private final GithubUserApi github;
    private final LinkingSettings settings;
    private final IngestMetrics metrics;

    public InstallationLinkService(
            Pool pool, LinkRepository links, GithubUserApi github, LinkingSettings settings, IngestMetrics metrics) {
        this.pool = pool;
        this.links = links;
        this.github = github;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** A link installing the App for {@code organizationId}, valid for the configured time. */
    public Uni<InstallLink> installLink(Caller caller, UUID organizationId) {
        settings.requireConfigured();
        return links.organizationExists(pool, organizationId).map(exists -> {
            if (!exists) {
                throw ProblemException.notFound("organisation " + organizationId);
            }
            Instant expiresAt = settings.clock().instant().plus(settings.stateTtl());
            String state =
                    settings.codec().sign(new InstallState(organizationId, caller.subject(), expiresAt, nonce()));
            return new InstallLink(settings.installUrl(state), expiresAt);
        });
    }

    /** The setup callback: verify everything, then link; nothing is written unless all checks pass. */
    public Uni<SetupResult> completeSetup(SetupRequest request) {
        return Uni.createFrom()
                .deferred(() -> {
                    settings.requireConfigured();
                    if (request.isRequest()) {
                        return Uni.createFrom().item(SetupResult.requested());
                    }
                    request.validate();
                    InstallState state = verify(request.state());
                    return verifiedInstallation(request.code(), request.installationId())
                            .flatMap(installation -> link(state, installation));
                })
                .invoke(result -> metrics.installationLink(result.status()))
                .onFailure(ProblemException.class)
                .invoke(e -> metrics.installationLink(outcome(((ProblemException) e).problem())));
    }

    public Uni<List<LinkedInstallation>> list(UUID organizationId) {
        return links.list(pool, organizationId);
    }

    private InstallState verify(String state) {
        try {
            return settings.codec().verify(state);
        } catch (InvalidStateException e) {
            throw LinkingProblems.invalidState(e);
        }
    }

    /** The installation, if the user who authorized on GitHub can access it. */
    private Uni<UserInstallation> verifiedInstallation(String code, String installationId) {
        return github.exchangeCode(code)
                .flatMap(token -> github.findInstallation(token, installationId))
                .map(found -> found.orElseThrow(() -> LinkingProblems.notVerified(installationId)))
                .onFailure(OAuthCodeRejectedException.class)
                .transform(e -> LinkingProblems.codeRejected(((OAuthCodeRejectedException) e).error()))
                .onFailure(GithubApiException.class)
                .transform(e -> {
                    LOG.warnf("setup callback: GitHub call failed: %s", e.getMessage());
                    return LinkingProblems.githubUnavailable("GitHub could not verify the installation: try again");
                });
    }

    private Uni<SetupResult> link(InstallState state, UserInstallation installation) {
        UUID org = state.organizationId();
        return pool.withTransaction(db -> links.organizationExists(db, org)
                .flatMap(exists -> {
                    if (!exists) {
                        throw ProblemException.notFound("organisation " + org);
                    }
                    return links.lockInstallation(db, installation);
                })
                .flatMap(locked -> links.linkedOrganizations(db, installation.id()))
                .flatMap(linkedTo -> {
                    if (linkedTo.stream().anyMatch(other -> !other.equals(org))) {
                        throw LinkingProblems.linkedElsewhere(installation.id());
                    }
                    return links.link(db, org, installation, state.subject());
                })
                .map(linked -> {
                    LOG.infof(
                            "installation %s linked to organisation %s by %s (%s)",
                            installation.id(), org, state.subject(), linked.created() ? "new" : "already linked");
                    return new SetupResult(
                            linked.created() ? "linked" : "already_linked",
                            org,
                            installation.id(),
                            linked.connectorAccountId());
                }));
    }

    private static String outcome(Problem problem) {
        return problem.type().substring(Problem.TYPE_PREFIX.length());
    }

    private static String nonce() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
