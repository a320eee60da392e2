package io.plugsync.ingest.installation;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.source.SourceKinds;
import io.plugsync.common.source.SourceStatus;
import io.plugsync.common.source.SyncEvents;
import io.plugsync.common.source.TargetRef;
import io.plugsync.ingest.github.GithubConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Installation lifecycle from webhooks: installations come and go, repositories leave an
 * installation or get renamed. Runs inside the delivery's transaction.
 */
@ApplicationScoped
public class InstallationService {
    private static final Logger LOG = Logger.getLogger(InstallationService.class);

    private final InstallationRepository repository;
    private final GithubConfig config;

    public InstallationService(InstallationRepository repository, GithubConfig config) {
        this.repository = repository;
        this.config = config;
    }

    public Uni<InstallationResult> apply(SqlClient db, String deliveryId, String event, JsonNode payload) {
        String action = payload.path("action").asText("");
        JsonNode installationId = payload.at("/installation/id");
        if (!installationId.isIntegralNumber() && !event.equals("repository")) {
            throw new ProblemException(Problem.of(
                            400, "malformed-payload", "Bad request", "installation.id is required")
                    .withErrors(List.of(new Problem.FieldError("/installation/id", "must be an integer", "required"))));
        }
        String installation = installationId.isIntegralNumber() ? installationId.asText() : null;
        return switch (event) {
            case "installation" -> installation(db, installation, action, payload);
            case "installation_repositories" -> repositories(db, deliveryId, installation, action, payload);
            case "repository" -> repository(db, deliveryId, installation, action, payload);
            default -> Uni.createFrom().item(InstallationResult.ignored());
        };
    }

    private Uni<InstallationResult> installation(SqlClient db, String installation, String action, JsonNode payload) {
        String login = payload.at("/installation/account/login").asText(null);
        String type = payload.at("/installation/account/type").asText(null);
        String selection = payload.at("/installation/repository_selection").asText(null);
        return switch (action) {
            case "created", "unsuspend" ->
                repository
                        .upsert(db, installation, login, type, selection, SourceStatus.Installation.ACTIVE)
                        .flatMap(ignored ->
                                repository.setAccountStatus(db, installation, SourceStatus.Account.ACTIVE, login))
                        .flatMap(updated -> {
                            if (updated > 0 || config.defaultOrganizationId().isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            return repository.insertAccount(
                                    db, config.defaultOrganizationId().get(), installation, login);
                        })
                        .replaceWith(InstallationResult.applied());
            case "deleted", "suspend" -> {
                SourceStatus.Account accountStatus =
                        action.equals("deleted") ? SourceStatus.Account.DISCONNECTED : SourceStatus.Account.SUSPENDED;
                yield repository
                        .upsert(
                                db,
                                installation,
                                login,
                                type,
                                selection,
                                action.equals("deleted")
                                        ? SourceStatus.Installation.DELETED
                                        : SourceStatus.Installation.SUSPENDED)
                        .flatMap(ignored -> repository.setAccountStatus(db, installation, accountStatus, null))
                        .flatMap(ignored -> repository.targetIds(db, installation))
                        .flatMap(targets -> targets.isEmpty()
                                ? Uni.createFrom().item(0)
                                : SyncEvents.cancelQueued(db, targets, "installation " + action))
                        .invoke(cancelled -> LOG.infof(
                                "installation %s %s: account %s, %d queued syncs cancelled",
                                installation, action, accountStatus.wire(), cancelled))
                        .replaceWith(InstallationResult.applied());
            }
            default -> Uni.createFrom().item(InstallationResult.ignored());
        };
    }

    private Uni<InstallationResult> repositories(
            SqlClient db, String deliveryId, String installation, String action, JsonNode payload) {
        if (action.equals("removed")) {
            List<String> names = names(payload.path("repositories_removed"));
            return repository
                    .setTargetStatus(db, installation, names, SourceStatus.Target.DISABLED)
                    .flatMap(targets -> targets.isEmpty()
                            ? Uni.createFrom().item(0)
                            : SyncEvents.cancelQueued(
                                    db,
                                    targets.stream().map(TargetRef::targetId).toList(),
                                    "repository removed"))
                    .replaceWith(InstallationResult.applied());
        }
        if (action.equals("added")) {
            List<String> names = names(payload.path("repositories_added"));
            return repository
                    .setTargetStatus(db, installation, names, SourceStatus.Target.ACTIVE)
                    .flatMap(targets -> resync(db, deliveryId, SourceKinds.SyncEventType.REPOSITORIES_ADDED, targets));
        }
        return Uni.createFrom().item(InstallationResult.ignored());
    }

    private Uni<InstallationResult> repository(
            SqlClient db, String deliveryId, String installation, String action, JsonNode payload) {
        if (!action.equals("renamed")) {
            return Uni.createFrom().item(InstallationResult.ignored());
        }
        String newFullName = payload.at("/repository/full_name").asText(null);
        String owner = payload.at("/repository/owner/login").asText(null);
        String oldName = payload.at("/changes/repository/name/from").asText(null);
        JsonNode repositoryId = payload.at("/repository/id");
        List<Problem.FieldError> errors = new ArrayList<>();
        if (newFullName == null) errors.add(new Problem.FieldError("/repository/full_name", "required", "required"));
        if (owner == null) errors.add(new Problem.FieldError("/repository/owner/login", "required", "required"));
        if (oldName == null)
            errors.add(new Problem.FieldError("/changes/repository/name/from", "required", "required"));
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "malformed-payload", "Bad request", "incomplete rename payload")
                    .withErrors(errors));
        }
        return repository
                .rename(db, installation, owner + "/" + oldName, newFullName, repositoryId.asText(null))
                .flatMap(targets -> resync(db, deliveryId, SourceKinds.SyncEventType.REPOSITORY_RENAMED, targets));
    }

    private Uni<InstallationResult> resync(SqlClient db, String deliveryId, String eventType, List<TargetRef> targets) {
        return Multi.createFrom()
                .iterable(targets)
                .onItem()
                .transformToUniAndConcatenate(target -> SyncEvents.queue(
                        db, target, eventType, deliveryId, null, SyncEvents.summary("delivery_id", deliveryId)))
                .collect()
                .asList()
                .map(ids -> new InstallationResult(
                        ids.isEmpty() ? "applied" : "queued",
                        ids.stream().flatMap(Optional::stream).toList()));
    }

    private static List<String> names(JsonNode repositories) {
        List<String> out = new ArrayList<>();
        repositories.forEach(r -> {
            if (r.path("full_name").isTextual()) {
                out.add(r.path("full_name").asText());
            }
        });
        return out;
    }
}
