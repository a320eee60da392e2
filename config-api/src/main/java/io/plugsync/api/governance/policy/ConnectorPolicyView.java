package io.plugsync.api.governance.policy;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code GET /api/connectors/{id}/publish-policy}: the policy in force, the organisation's, and the
 * connector's overrides (only the fields it sets).
 */
public record ConnectorPolicyView(
        UUID connectorId,
        PublishPolicy effective,
        PublishPolicy organization,
        PolicyOverride overrides,
        String updatedBy,
        OffsetDateTime updatedAt) {

    static ConnectorPolicyView of(UUID connectorId, PolicyRepository.ConnectorPolicy policy) {
        return new ConnectorPolicyView(
                connectorId,
                policy.effective(),
                policy.organization(),
                policy.overrides(),
                policy.updatedBy(),
                policy.updatedAt());
    }
}
