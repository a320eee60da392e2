package io.plugsync.api.org;

import io.plugsync.api.governance.policy.FreezeWindow;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The settings of an organisation that its admins may change: the publish policy of its connectors
 * (each field overridable per connector, see {@code /api/connectors/{id}/publish-policy}).
 */
public record OrgSettings(
        UUID organizationId,
        String agentPublish,
        int requiredApprovals,
        boolean allowSelfApproval,
        List<String> publishers,
        List<FreezeWindow> freezeWindows,
        OffsetDateTime updatedAt) {}
