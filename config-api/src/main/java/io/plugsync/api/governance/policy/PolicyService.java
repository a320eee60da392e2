package io.plugsync.api.governance.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.api.connector.ConnectorAccess;
import io.plugsync.api.draft.DraftRepository;
import io.plugsync.api.draft.DraftRow;
import io.plugsync.api.draft.JournalRepository;
import io.plugsync.api.governance.audit.AuditActions;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgAccess;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * A connector's publish policy: members read it; organisation owners and admins override fields of
 * the organisation's policy (a JSON merge patch, {@code null} inherits again). Changes are journalled
 * ({@code publish_policy_changed}) under the draft's row lock, so they are ordered with publishes.
 */
@ApplicationScoped
public class PolicyService {
    static final String CAPABILITY = "connector:publish-policy:update";

    private final Pool pool;
    private final ConnectorAccess access;
    private final DraftRepository drafts;
    private final PolicyRepository policies;
    private final JournalRepository journal;
    private final ObjectMapper json;

    public PolicyService(
            Pool pool,
            ConnectorAccess access,
            DraftRepository drafts,
            PolicyRepository policies,
            JournalRepository journal,
            ObjectMapper json) {
        this.pool = pool;
        this.access = access;
        this.drafts = drafts;
        this.policies = policies;
        this.journal = journal;
        this.json = json;
    }

    public Uni<ConnectorPolicyView> get(Caller caller, UUID connectorId) {
        return pool.withConnection(db -> access.read(db, caller, connectorId)
                .flatMap(org -> load(db, org, connectorId))
                .map(policy -> ConnectorPolicyView.of(connectorId, policy)));
    }

    public Uni<ConnectorPolicyView> update(Caller caller, WriterKind writer, UUID connectorId, JsonNode body) {
        return pool.withTransaction(db -> drafts.lock(db, connectorId)
                .flatMap(found -> {
                    DraftRow draft = found.orElseThrow(() -> ProblemException.notFound("connector " + connectorId));
                    OrgAccess.require(
                            caller, draft.organizationId(), OrgRole.ADMIN, CAPABILITY, "connector " + connectorId);
                    PolicyPatch.Parsed patch = PolicyPatch.parse(body, json);
                    return load(db, draft.organizationId(), connectorId).flatMap(current -> {
                        PolicyOverride next = apply(current.overrides(), patch);
                        ObjectNode detail = json.createObjectNode();
                        detail.set("overrides", json.valueToTree(next));
                        detail.set("effective", json.valueToTree(next.applyTo(current.organization())));
                        return policies.saveOverrides(db, connectorId, next, caller.subject())
                                .flatMap(saved -> journal.record(
                                        db,
                                        connectorId,
                                        draft.revision(),
                                        AuditActions.PUBLISH_POLICY_CHANGED,
                                        writer.wire(),
                                        caller.subject(),
                                        List.of(),
                                        V3Document.write(detail)))
                                .flatMap(done -> load(db, draft.organizationId(), connectorId));
                    });
                })
                .map(policy -> ConnectorPolicyView.of(connectorId, policy)));
    }

    private Uni<PolicyRepository.ConnectorPolicy> load(SqlClient db, UUID organizationId, UUID connectorId) {
        return policies.forConnector(db, organizationId, connectorId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("connector " + connectorId)));
    }

    /** The overrides with the patch applied: null clears (inherit), a value replaces, absent stays. */
    static PolicyOverride apply(PolicyOverride current, PolicyPatch.Parsed patch) {
        PolicyPatch v = patch.values();
        var cleared = patch.cleared();
        return new PolicyOverride(
                cleared.contains(PolicyPatch.REQUIRED_APPROVALS)
                        ? null
                        : v.requiredApprovals() != null ? v.requiredApprovals() : current.requiredApprovals(),
                cleared.contains(PolicyPatch.ALLOW_SELF_APPROVAL)
                        ? null
                        : v.allowSelfApproval() != null ? v.allowSelfApproval() : current.allowSelfApproval(),
                cleared.contains(PolicyPatch.PUBLISHERS)
                        ? null
                        : v.publishers() != null
                                ? List.copyOf(new LinkedHashSet<>(v.publishers()))
                                : current.publishers(),
                cleared.contains(PolicyPatch.AGENT_PUBLISH)
                        ? null
                        : v.agentPublish() != null ? v.agentPublish() : current.agentPublish(),
                cleared.contains(PolicyPatch.FREEZE_WINDOWS)
                        ? null
                        : v.freezeWindows() != null ? v.freezeWindows() : current.freezeWindows());
    }
}
