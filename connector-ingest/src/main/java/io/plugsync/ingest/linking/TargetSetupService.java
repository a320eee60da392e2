package io.plugsync.ingest.linking;

import io.plugsync.common.http.Cursor;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.source.SourceStatus;
import io.plugsync.ingest.github.GithubApi;
import io.plugsync.ingest.github.GithubApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Setting up a GitHub target through an installation the organisation linked: which repositories
 * the installation can access, and whether a repository branch can be synced. GitHub is asked as
 * the installation (its token), never with a user's rights.
 */
@ApplicationScoped
public class TargetSetupService {
    private static final Logger LOG = Logger.getLogger(TargetSetupService.class);
    /** GitHub's largest page. */
    static final int MAX_PER_PAGE = 100;

    private final Pool pool;
    private final LinkRepository links;
    private final GithubApi github;

    public TargetSetupService(Pool pool, LinkRepository links, GithubApi github) {
        this.pool = pool;
        this.links = links;
        this.github = github;
    }

    /**
     * A page of the installation's repositories, in GitHub's order. 404 unless the organisation
     * linked the installation, 409 while that link is not active.
     */
    public Uni<AccessibleRepositoryPage> repositories(
            UUID organizationId, String installationId, String cursor, Integer limit) {
        int[] page = page(cursor, limit);
        return linked(organizationId, installationId)
                .map(found -> {
                    LinkedInstallation link =
                            found.orElseThrow(() -> ProblemException.notFound("GitHub installation " + installationId));
                    requireActive(link);
                    return link;
                })
                .flatMap(link -> ask(
                        () -> github.installationRepositories(installationId, page[0], page[1]),
                        e -> unavailable(installationId, e)))
                .map(result -> new AccessibleRepositoryPage(
                        result.repositories().stream()
                                .map(AccessibleRepository::of)
                                .toList(),
                        (long) page[0] * page[1] < result.totalCount()
                                        && !result.repositories().isEmpty()
                                ? Cursor.encode(Integer.toString(page[0] + 1), Integer.toString(page[1]))
                                : null,
                        result.totalCount()));
    }

    /**
     * Whether the installation can sync the branch: the repository's id, default branch and the
     * branch's head commit, or a 422 naming the field GitHub does not know.
     */
    public Uni<ValidatedTargetItem> validateTarget(UUID organizationId, ValidateTargetRequest request) {
        String installationId = request.installationId();
        return linked(organizationId, installationId)
                .map(found -> {
                    LinkedInstallation link = found.orElseThrow(() -> invalid(
                            "/installation_id", "not a GitHub installation linked to this organisation", "unknown"));
                    if (!SourceStatus.Account.ACTIVE.wire().equals(link.status())) {
                        throw invalid("/installation_id", "the installation's link is " + link.status(), "not_active");
                    }
                    return link;
                })
                // a token first: its failure is the installation's, not the repository's
                .flatMap(link -> github.installationToken(installationId)
                        .onFailure(GithubApiException.class)
                        .transform(e -> unavailable(installationId, e)))
                .flatMap(token -> github.repository(installationId, request.owner(), request.name())
                        .onFailure(GithubApiException.class)
                        .transform(e -> notFoundAs(
                                e,
                                installationId,
                                "/repository_full_name",
                                "the installation cannot access this repository (or it does not exist)")))
                .flatMap(repository -> github.branchHead(
                                installationId, request.owner(), request.name(), request.branch())
                        .onFailure(GithubApiException.class)
                        .transform(e -> notFoundAs(
                                e, installationId, "/branch", "the repository has no branch " + request.branch()))
                        .map(head -> new ValidatedTargetItem(new ValidatedTarget(
                                installationId,
                                repository.id(),
                                repository.fullName(),
                                repository.defaultBranch(),
                                request.branch(),
                                head.commitSha()))));
    }

    /** A GitHub call whose failures (also those thrown before it starts) become {@code problem}'s. */
    private static <T> Uni<T> ask(Supplier<Uni<? extends T>> call, Function<GithubApiException, Throwable> problem) {
        return Uni.createFrom()
                .deferred(call)
                .onFailure(GithubApiException.class)
                .transform(e -> problem.apply((GithubApiException) e));
    }

    private Uni<Optional<LinkedInstallation>> linked(UUID organizationId, String installationId) {
        return links.list(pool, organizationId)
                .map(all -> all.stream()
                        .filter(l -> l.installationId().equals(installationId))
                        .findFirst());
    }

    private static void requireActive(LinkedInstallation link) {
        if (!SourceStatus.Account.ACTIVE.wire().equals(link.status())) {
            throw new ProblemException(Problem.of(
                            409,
                            "installation-not-active",
                            "Conflict",
                            "the organisation's link to installation " + link.installationId() + " is " + link.status())
                    .with("status", link.status()));
        }
    }

    /** {@code [page, perPage]} from the cursor (which keeps its page size) or from {@code limit}. */
    private static int[] page(String cursor, Integer limit) {
        if (cursor == null) {
            return new int[] {1, Math.min(Cursor.limit(limit), MAX_PER_PAGE)};
        }
        List<String> keys = Cursor.decode(cursor, 2);
        try {
            int page = Integer.parseInt(keys.get(0));
            int perPage = Integer.parseInt(keys.get(1));
            if (page >= 2 && perPage >= 1 && perPage <= MAX_PER_PAGE) {
                return new int[] {page, perPage};
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this API issued");
    }

    private static Throwable notFoundAs(GithubApiException e, String installationId, String pointer, String message) {
        if (e.status() == 404 || e.status() == 422) {
            return invalid(pointer, message, "unknown");
        }
        return unavailable(installationId, e);
    }

    private static ProblemException invalid(String pointer, String message, String code) {
        return ProblemException.invalid(message, List.of(new Problem.FieldError(pointer, message, code)));
    }

    private static ProblemException unavailable(String installationId, Throwable e) {
        LOG.warnf("GitHub call for installation %s failed: %s", installationId, e.getMessage());
        return LinkingProblems.githubUnavailable(
                "GitHub did not answer for installation " + installationId + ": try again");
    }
}
