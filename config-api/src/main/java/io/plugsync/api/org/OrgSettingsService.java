package io.plugsync.api.org;

import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgAccess;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reads and changes organisation settings; members read, owners and admins change. */
@ApplicationScoped
public class OrgSettingsService {
    static final String CAPABILITY = "org:settings:update";

    private final Pool pool;
    private final OrgSettingsRepository settings;

    public OrgSettingsService(Pool pool, OrgSettingsRepository settings) {
        this.pool = pool;
        this.settings = settings;
    }

    public Uni<OrgSettings> get(Caller caller, UUID organizationId) {
        OrgAccess.member(caller, organizationId, what(organizationId));
        return pool.withConnection(db -> settings.find(db, organizationId))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound(what(organizationId))));
    }

    public Uni<OrgSettings> update(Caller caller, UUID organizationId, UpdateOrgSettingsRequest request) {
        OrgAccess.require(caller, organizationId, OrgRole.ADMIN, CAPABILITY, what(organizationId));
        if (request == null || request.agentPublish() == null) {
            return get(caller, organizationId);
        }
        AgentPublish policy = AgentPublish.parse(request.agentPublish())
                .orElseThrow(() -> ProblemException.invalid(
                        "agent_publish must be 'never' or 'allowed'",
                        List.of(new Problem.FieldError("/agent_publish", "one of: never, allowed", "enum"))));
        return pool.withTransaction(db -> settings.updateAgentPublish(db, organizationId, policy))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound(what(organizationId))));
    }

    /** The agent publish policy of the organisation ({@link AgentPublish#NEVER} when unknown). */
    public Uni<AgentPublish> agentPublish(UUID organizationId) {
        return pool.withConnection(db -> settings.find(db, organizationId))
                .map(found ->
                        found.flatMap(s -> AgentPublish.parse(s.agentPublish())).orElse(AgentPublish.NEVER));
    }

    private static String what(UUID organizationId) {
        return "organisation " + organizationId;
    }
}
