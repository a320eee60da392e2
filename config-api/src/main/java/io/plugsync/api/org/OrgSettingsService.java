package io.plugsync.api.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.api.governance.policy.PolicyPatch;
import io.plugsync.api.governance.policy.PublishPolicy;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgAccess;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Reads and changes organisation settings (the publish policy of its connectors); members read,
 * owners and admins change. A PATCH is a JSON merge patch: {@code null} resets a field to its
 * default.
 */
@ApplicationScoped
public class OrgSettingsService {
    static final String CAPABILITY = "org:settings:update";

    private final Pool pool;
    private final OrgSettingsRepository settings;
    private final ObjectMapper json;

    public OrgSettingsService(Pool pool, OrgSettingsRepository settings, ObjectMapper json) {
        this.pool = pool;
        this.settings = settings;
        this.json = json;
    }

    public Uni<OrgSettings> get(Caller caller, UUID organizationId) {
        OrgAccess.member(caller, organizationId, what(organizationId));
        return pool.withConnection(db -> settings.find(db, organizationId, false))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound(what(organizationId))));
    }

    public Uni<OrgSettings> update(Caller caller, UUID organizationId, JsonNode body) {
        OrgAccess.require(caller, organizationId, OrgRole.ADMIN, CAPABILITY, what(organizationId));
        PolicyPatch.Parsed patch = PolicyPatch.parse(body, json);
        return pool.withTransaction(db -> settings.find(db, organizationId, true)
                .flatMap(found -> {
                    OrgSettings current = found.orElseThrow(() -> ProblemException.notFound(what(organizationId)));
                    return settings.update(db, organizationId, apply(current, patch));
                })
                .map(found -> found.orElseThrow(() -> ProblemException.notFound(what(organizationId)))));
    }

    /** The current policy with the patch applied; a null resets a field to the default. */
    private static PublishPolicy apply(OrgSettings current, PolicyPatch.Parsed patch) {
        PolicyPatch v = patch.values();
        var cleared = patch.cleared();
        return new PublishPolicy(
                cleared.contains(PolicyPatch.REQUIRED_APPROVALS)
                        ? 0
                        : v.requiredApprovals() != null ? v.requiredApprovals() : current.requiredApprovals(),
                cleared.contains(PolicyPatch.ALLOW_SELF_APPROVAL)
                        ? false
                        : v.allowSelfApproval() != null ? v.allowSelfApproval() : current.allowSelfApproval(),
                cleared.contains(PolicyPatch.PUBLISHERS)
                        ? PublishPolicy.DEFAULT_PUBLISHERS
                        : v.publishers() != null
                                ? List.copyOf(new LinkedHashSet<>(v.publishers()))
                                : current.publishers(),
                cleared.contains(PolicyPatch.AGENT_PUBLISH)
                        ? AgentPublish.NEVER.wire()
                        : v.agentPublish() != null ? v.agentPublish() : current.agentPublish(),
                cleared.contains(PolicyPatch.FREEZE_WINDOWS)
                        ? List.of()
                        : v.freezeWindows() != null ? v.freezeWindows() : current.freezeWindows());
    }

    private static String what(UUID organizationId) {
        return "organisation " + organizationId;
    }
}
