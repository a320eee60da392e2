package io.plugsync.api.governance.policy;

import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for publish policies: the organisation's columns of {@code organization} and the connector's
 * {@code connector_publish_policy} row.
 */
@ApplicationScoped
public class PolicyRepository {
    private static final String ORG_COLUMNS =
            "o.agent_publish, o.required_approvals, o.allow_self_approval, o.publishers, o.freeze_windows::text AS freeze_windows";

    /** A connector's policy: the organisation's, the override, and the effective result. */
    public record ConnectorPolicy(
            PublishPolicy organization,
            PolicyOverride overrides,
            String updatedBy,
            OffsetDateTime updatedAt,
            UUID openReviewId,
            int activeVersion,
            String activeChecksum) {
        public PublishPolicy effective() {
            return overrides.applyTo(organization);
        }
    }

    /**
     * One round trip: the organisation's policy, the connector's overrides, the id of the
     * connector's open review (null when none) and its active version and checksum (0 and null
     * before the first publish). Empty when the organisation does not exist.
     */
    public Uni<Optional<ConnectorPolicy>> forConnector(SqlClient db, UUID organizationId, UUID connectorId) {
        return db.preparedQuery("SELECT " + ORG_COLUMNS + ", p.required_approvals AS p_required_approvals,"
                        + " p.allow_self_approval AS p_allow_self_approval, p.publishers AS p_publishers,"
                        + " p.agent_publish AS p_agent_publish, p.freeze_windows::text AS p_freeze_windows,"
                        + " p.updated_by AS p_updated_by, p.updated_at AS p_updated_at,"
                        + " (SELECT r.id FROM connector_review r WHERE r.connector_id = $2 AND r.status = 'open')"
                        + " AS open_review_id, coalesce(v.version, 0) AS active_version, v.checksum AS active_checksum"
                        + " FROM organization o LEFT JOIN connector_publish_policy p ON p.connector_id = $2"
                        + " LEFT JOIN connector_config_versions v ON v.connector_id = $2 AND v.is_active"
                        + " WHERE o.id = $1")
                .execute(Tuple.of(organizationId, connectorId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    String[] publishers = row.getArrayOfStrings("p_publishers");
                    String windows = row.getString("p_freeze_windows");
                    PolicyOverride overrides = new PolicyOverride(
                            row.getInteger("p_required_approvals"),
                            row.getBoolean("p_allow_self_approval"),
                            publishers == null ? null : Arrays.asList(publishers),
                            row.getString("p_agent_publish"),
                            windows == null ? null : FreezeWindow.read(V3Document.parse(windows)));
                    return Optional.of(new ConnectorPolicy(
                            organization(row),
                            overrides,
                            row.getString("p_updated_by"),
                            row.getOffsetDateTime("p_updated_at"),
                            row.getUUID("open_review_id"),
                            row.getInteger("active_version"),
                            row.getString("active_checksum")));
                });
    }

    /** The organisation's own policy (no connector), or empty when it does not exist. */
    public Uni<Optional<PublishPolicy>> forOrganization(SqlClient db, UUID organizationId) {
        return db.preparedQuery("SELECT " + ORG_COLUMNS + " FROM organization o WHERE o.id = $1")
                .execute(Tuple.of(organizationId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(organization(rows.iterator().next())));
    }

    /** Stores the connector's overrides (all fields at once); deletes the row when none is left. */
    public Uni<Void> saveOverrides(SqlClient db, UUID connectorId, PolicyOverride overrides, String actor) {
        if (overrides.inheritsAll()) {
            return db.preparedQuery("DELETE FROM connector_publish_policy WHERE connector_id = $1")
                    .execute(Tuple.of(connectorId))
                    .replaceWithVoid();
        }
        return db.preparedQuery("INSERT INTO connector_publish_policy (connector_id, required_approvals,"
                        + " allow_self_approval, publishers, agent_publish, freeze_windows, updated_by)"
                        + " VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7) ON CONFLICT (connector_id) DO UPDATE SET"
                        + " required_approvals = EXCLUDED.required_approvals,"
                        + " allow_self_approval = EXCLUDED.allow_self_approval, publishers = EXCLUDED.publishers,"
                        + " agent_publish = EXCLUDED.agent_publish, freeze_windows = EXCLUDED.freeze_windows,"
                        + " updated_by = EXCLUDED.updated_by, updated_at = now()")
                .execute(Tuple.from(new Object[] {
                    connectorId,
                    overrides.requiredApprovals(),
                    overrides.allowSelfApproval(),
                    overrides.publishers() == null
                            ? null
                            : overrides.publishers().toArray(String[]::new),
                    overrides.agentPublish(),
                    overrides.freezeWindows() == null ? null : FreezeWindow.write(overrides.freezeWindows()),
                    actor
                }))
                .replaceWithVoid();
    }

    /** Stores the organisation's policy fields (agent_publish included). */
    public Uni<Void> saveOrganization(SqlClient db, UUID organizationId, PublishPolicy policy) {
        return db.preparedQuery("UPDATE organization SET agent_publish = $2, required_approvals = $3,"
                        + " allow_self_approval = $4, publishers = $5, freeze_windows = $6::text::jsonb,"
                        + " updated_at = now() WHERE id = $1")
                .execute(Tuple.from(new Object[] {
                    organizationId,
                    policy.agentPublish(),
                    policy.requiredApprovals(),
                    policy.allowSelfApproval(),
                    policy.publishers().toArray(String[]::new),
                    FreezeWindow.write(policy.freezeWindows())
                }))
                .replaceWithVoid();
    }

    private static PublishPolicy organization(Row row) {
        return new PublishPolicy(
                row.getInteger("required_approvals"),
                row.getBoolean("allow_self_approval"),
                List.of(row.getArrayOfStrings("publishers")),
                row.getString("agent_publish"),
                FreezeWindow.read(V3Document.parse(row.getString("freeze_windows"))));
    }
}
