package io.plugsync.api.governance.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A connector's overrides of its organisation's publish policy: a null field inherits. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyOverride(
        Integer requiredApprovals,
        Boolean allowSelfApproval,
        List<String> publishers,
        String agentPublish,
        List<FreezeWindow> freezeWindows) {

    public static final PolicyOverride NONE = new PolicyOverride(null, null, null, null, null);

    /** The effective policy: each overridden field replaces the organisation's. */
    public PublishPolicy applyTo(PublishPolicy organization) {
        return new PublishPolicy(
                requiredApprovals != null ? requiredApprovals : organization.requiredApprovals(),
                allowSelfApproval != null ? allowSelfApproval : organization.allowSelfApproval(),
                publishers != null ? publishers : organization.publishers(),
                agentPublish != null ? agentPublish : organization.agentPublish(),
                freezeWindows != null ? freezeWindows : organization.freezeWindows());
    }

    public boolean inheritsAll() {
        return equals(NONE);
    }
}
