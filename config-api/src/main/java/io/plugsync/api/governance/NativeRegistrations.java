package io.plugsync.api.governance;

import io.plugsync.api.governance.audit.AuditEntry;
import io.plugsync.api.governance.notify.NotificationView;
import io.plugsync.api.governance.policy.ConnectorPolicyView;
import io.plugsync.api.governance.policy.FreezeWindow;
import io.plugsync.api.governance.policy.PolicyOverride;
import io.plugsync.api.governance.policy.PolicyPatch;
import io.plugsync.api.governance.policy.PublishPolicy;
import io.plugsync.api.governance.review.ReviewView;
import io.plugsync.api.governance.schedule.ScheduleView;
import io.plugsync.api.mcp.PublishTools;
import io.plugsync.api.org.OrgSettings;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Governance records Jackson reads or writes where Quarkus REST cannot see them at build time
 * (inside {@code Item}/{@code Page} envelopes, {@code Response} entities, {@code treeToValue}, MCP
 * results), kept for a native executable.
 */
@RegisterForReflection(
        targets = {
            AuditEntry.class,
            ConnectorPolicyView.class,
            FreezeWindow.class,
            NotificationView.class,
            OrgSettings.class,
            PolicyOverride.class,
            PolicyPatch.class,
            PublishPolicy.class,
            PublishTools.ReviewRequested.class,
            ReviewView.class,
            ReviewView.ThreadEntry.class,
            ScheduleView.class
        })
final class NativeRegistrations {
    private NativeRegistrations() {}
}
