package io.plugsync.api.library.grant;

import java.util.List;
import java.util.UUID;

/**
 * Why one member has (or lacks) access to a resource: its effective {@code role} (null: none) and
 * every reason that contributes, strongest first. {@code org_role} is the member's organisation
 * role (owners and admins manage everything).
 */
public record AccessExplanation(
        UUID orgMembershipId, String subject, String displayName, String orgRole, String role, List<Reason> reasons) {

    /**
     * One source of access: {@code org_role}, {@code creator}, {@code member_grant}, {@code
     * team_grant} (through {@code team_id}), {@code org_wide_grant}, or for a config object {@code
     * plugin} (viewer because the member can use a plugin holding it).
     */
    public record Reason(
            String via, String role, UUID grantId, UUID teamId, String teamName, UUID pluginId, String pluginName) {}
}
