package io.plugsync.api.library.grant;

import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.support.Validation;
import java.util.UUID;

/** {@code POST .../grants}: one of {@code org_membership_id}, {@code team_id}, {@code org_wide: true}; and a role. */
public record GrantRequest(UUID orgMembershipId, UUID teamId, Boolean orgWide, String role) {

    void validate() {
        int principals =
                (orgMembershipId != null ? 1 : 0) + (teamId != null ? 1 : 0) + (Boolean.TRUE.equals(orgWide) ? 1 : 0);
        new Validation()
                .require(principals == 1, "", "exactly one of org_membership_id, team_id or org_wide: true", "one-of")
                .require(AccessRole.parse(role).isPresent(), "/role", "one of viewer, editor, manager", "enum")
                .throwIfAny("the grant is not valid");
    }
}
