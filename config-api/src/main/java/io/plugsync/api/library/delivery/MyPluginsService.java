package io.plugsync.api.library.delivery;

import io.plugsync.api.library.access.Actor;
import io.plugsync.api.library.access.Actors;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.delivery.DynamoPluginStore;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The plugins a caller may install, read from the library replica the outbox-dispatcher writes.
 * PostgreSQL is asked one thing only: the caller's {@code org_membership} id (who the caller is, not
 * what it may use); entitlements and content come from DynamoDB.
 */
@ApplicationScoped
public class MyPluginsService {
    private final Pool pool;
    private final Actors actors;
    private final DynamoPluginStore store;
    private final LibraryReplicaConfig config;

    public MyPluginsService(Pool pool, Actors actors, DynamoPluginStore store, LibraryReplicaConfig config) {
        this.pool = pool;
        this.actors = actors;
        this.store = store;
        this.config = config;
    }

    /** The active plugins the caller may use in the organisation, manifest form, by name. */
    public Uni<MyPluginList> list(Caller caller, UUID org) {
        return membership(caller, org)
                .flatMap(membership -> membership.isEmpty()
                        ? Uni.createFrom().item(new MyPluginList(List.of()))
                        : replica(() -> store.entitled(org, membership.get()))
                                .map(plugins -> new MyPluginList(plugins.stream()
                                        .map(MyPluginSummary::of)
                                        .toList())));
    }

    /** One plugin, whole; 404 unless the caller may use it and it is active in this organisation. */
    public Uni<MyPlugin> get(Caller caller, UUID org, UUID pluginId) {
        ProblemException notFound = ProblemException.notFound("plugin " + pluginId);
        return membership(caller, org)
                .flatMap(membership -> membership.isEmpty()
                        ? Uni.createFrom().failure(notFound)
                        : replica(() -> store.entitledPlugin(org, membership.get(), pluginId))
                                .map(found -> found.map(MyPlugin::of).orElseThrow(() -> notFound)));
    }

    /**
     * The organisation a request means: {@code org_id} when given, otherwise the token's only
     * organisation; 400 naming {@code field} when that is ambiguous or malformed.
     */
    public static UUID organisation(Caller caller, String orgId, String field) {
        if (orgId != null && !orgId.isBlank()) {
            try {
                return UUID.fromString(orgId.trim());
            } catch (IllegalArgumentException e) {
                throw badField(field, "not a UUID: " + orgId, "invalid");
            }
        }
        if (caller.orgRoles().size() == 1) {
            return caller.orgRoles().keySet().iterator().next();
        }
        throw badField(
                field,
                caller.orgRoles().isEmpty()
                        ? "required: your token names no organisation"
                        : "required: your token names " + caller.orgRoles().size() + " organisations",
                "required");
    }

    private static ProblemException badField(String field, String message, String code) {
        return new ProblemException(Problem.of(400, "invalid-parameter", "Bad request", field + ": " + message)
                .withErrors(List.of(new Problem.FieldError("/" + field, message, code))));
    }

    /** The caller's membership id (empty: no row, so nothing granted); 404 when the token lacks the org. */
    private Uni<Optional<UUID>> membership(Caller caller, UUID org) {
        return pool.withConnection(db -> actors.reader(db, caller, org))
                .map(actor -> Optional.ofNullable(actor).map(Actor::membershipId));
    }

    /** A replica read, bounded in time; DynamoDB unreachable, throttled or without its table is a 503. */
    private <T> Uni<T> replica(Supplier<CompletionStage<T>> read) {
        return Uni.createFrom()
                .completionStage(read)
                .ifNoItem()
                .after(config.timeout())
                .failWith(() -> new ReplicaUnavailableException("the library replica did not answer within "
                        + config.timeout().toMillis() + " ms"))
                .onFailure(e -> unavailable(cause(e)))
                .transform(e -> new ReplicaUnavailableException(describe(cause(e))));
    }

    private static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static boolean unavailable(Throwable e) {
        if (e instanceof ReplicaUnavailableException) {
            return false;
        }
        if (e instanceof SdkClientException || e instanceof ResourceNotFoundException) {
            return true;
        }
        return e instanceof AwsServiceException aws && (aws.isThrottlingException() || aws.statusCode() >= 500);
    }

    private String describe(Throwable e) {
        if (e instanceof ResourceNotFoundException) {
            return "the library replica table " + config.table() + " does not exist yet (the outbox-dispatcher"
                    + " creates it)";
        }
        return "the library replica (DynamoDB) is unavailable: " + e.getClass().getSimpleName();
    }
}
