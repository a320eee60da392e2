package io.plugsync.api.org;

import io.plugsync.api.governance.policy.PolicyRepository;
import io.plugsync.api.governance.policy.PublishPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** SQL for the settings columns of {@code organization} (the policy columns through {@link PolicyRepository}). */
@ApplicationScoped
public class OrgSettingsRepository {
    private final PolicyRepository policies;

    public OrgSettingsRepository(PolicyRepository policies) {
        this.policies = policies;
    }

    /** The settings; with {@code lock} the organisation row stays locked until the transaction ends. */
    public Uni<Optional<OrgSettings>> find(SqlClient db, UUID organizationId, boolean lock) {
        return db.preparedQuery("SELECT updated_at FROM organization WHERE id = $1" + (lock ? " FOR UPDATE" : ""))
                .execute(Tuple.of(organizationId))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<OrgSettings>empty());
                    }
                    Row row = rows.iterator().next();
                    OffsetDateTime updatedAt = row.getOffsetDateTime("updated_at");
                    return policies.forOrganization(db, organizationId)
                            .map(policy -> policy.map(p -> of(organizationId, p, updatedAt)));
                });
    }

    public Uni<Optional<OrgSettings>> update(SqlClient db, UUID organizationId, PublishPolicy policy) {
        return policies.saveOrganization(db, organizationId, policy).flatMap(done -> find(db, organizationId, false));
    }

    static OrgSettings of(UUID organizationId, PublishPolicy policy, OffsetDateTime updatedAt) {
        return new OrgSettings(
                organizationId,
                policy.agentPublish(),
                policy.requiredApprovals(),
                policy.allowSelfApproval(),
                policy.publishers(),
                policy.freezeWindows(),
                updatedAt);
    }
}
