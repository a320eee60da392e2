package io.plugsync.api.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.connector.ConnectorAccess;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgAccess;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rollout defaults of an organisation (its owners and admins set them) and of a connector (its
 * editors do); everyone who can see them reads them. A default is stored validated and normalised
 * (the object form), so what a publish later finds always reads back.
 */
@ApplicationScoped
public class RolloutDefaultsService {
    static final String ORG_CAPABILITY = "org:rollout-defaults:update";

    private final Pool pool;
    private final ConnectorAccess access;
    private final RolloutDefaultsRepository defaults;

    public RolloutDefaultsService(Pool pool, ConnectorAccess access, RolloutDefaultsRepository defaults) {
        this.pool = pool;
        this.access = access;
        this.defaults = defaults;
    }

    /** Body of a PUT: {@code {"rollout": <object or short form>}}. */
    public record Request(JsonNode rollout) {}

    public Uni<RolloutDefaults> ofConnector(Caller caller, UUID connectorId) {
        return pool.withConnection(db -> access.read(db, caller, connectorId).chain(org -> view(db, org, connectorId)));
    }

    public Uni<RolloutDefaults> putConnector(Caller caller, UUID connectorId, Request request) {
        JsonNode spec = normalised(request);
        return pool.withTransaction(db -> access.require(db, caller, connectorId, OrgRole.EDITOR, RolloutService.MANAGE)
                .call(org -> defaults.put(db, org, connectorId, spec, caller.subject()))
                .chain(org -> view(db, org, connectorId)));
    }

    public Uni<Void> deleteConnector(Caller caller, UUID connectorId) {
        return pool.withTransaction(db -> access.require(db, caller, connectorId, OrgRole.EDITOR, RolloutService.MANAGE)
                .chain(org -> defaults.delete(db, org, connectorId))
                .replaceWithVoid());
    }

    public Uni<RolloutDefaults> ofOrganisation(Caller caller, UUID organizationId) {
        OrgAccess.member(caller, organizationId, "organisation " + organizationId);
        return pool.withConnection(db -> view(db, organizationId, null));
    }

    public Uni<RolloutDefaults> putOrganisation(Caller caller, UUID organizationId, Request request) {
        OrgAccess.require(caller, organizationId, OrgRole.ADMIN, ORG_CAPABILITY, "organisation " + organizationId);
        JsonNode spec = normalised(request);
        return pool.withTransaction(db -> requireOrganisation(db, organizationId)
                .call(() -> defaults.put(db, organizationId, null, spec, caller.subject()))
                .chain(() -> view(db, organizationId, null)));
    }

    public Uni<Void> deleteOrganisation(Caller caller, UUID organizationId) {
        OrgAccess.require(caller, organizationId, OrgRole.ADMIN, ORG_CAPABILITY, "organisation " + organizationId);
        return pool.withTransaction(db -> defaults.delete(db, organizationId, null))
                .replaceWithVoid();
    }

    private Uni<RolloutDefaults> view(SqlClient db, UUID organizationId, UUID connectorId) {
        Uni<Optional<JsonNode>> own = connectorId == null
                ? Uni.createFrom().item(Optional.empty())
                : defaults.find(db, organizationId, connectorId);
        return own.chain(connector -> defaults.find(db, organizationId, null)
                .map(org -> RolloutDefaults.of(connector.orElse(null), org.orElse(null))));
    }

    private Uni<Void> requireOrganisation(SqlClient db, UUID organizationId) {
        return db.preparedQuery("SELECT 1 FROM organization WHERE id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(organizationId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("organisation " + organizationId);
                    }
                    return null;
                });
    }

    private static JsonNode normalised(Request request) {
        if (request == null || request.rollout() == null || request.rollout().isNull()) {
            throw ProblemException.invalid(
                    "rollout is required",
                    List.of(new Problem.FieldError(
                            "/rollout", "an object or a short form such as \"linear:25%/10m\"", "required")));
        }
        return RolloutSpecs.parse(request.rollout(), "/rollout").orElseThrow().toJson();
    }
}
