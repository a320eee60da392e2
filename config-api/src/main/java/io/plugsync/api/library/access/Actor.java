package io.plugsync.api.library.access;

import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.ProblemException;
import java.util.UUID;

/**
 * The caller acting inside one organisation: its role there (from the token, authoritative) and
 * its {@code org_membership} id (null on reads before its first write provisioned the row).
 */
public record Actor(UUID organizationId, String subject, OrgRole orgRole, UUID membershipId) {

    public boolean isOrgAdmin() {
        return orgRole.isOrgAdmin();
    }

    /**
     * The caller's role on a resource given the rank the grant SQL computed: owners and admins
     * manage everything; no rank means the resource is invisible (404 for {@code what}).
     */
    public AccessRole roleOn(int rank, String what) {
        if (isOrgAdmin()) {
            return AccessRole.MANAGER;
        }
        return AccessRole.ofRank(rank).orElseThrow(() -> ProblemException.notFound(what));
    }

    /** Requires {@code needed} on a resource the caller can see; 403 naming {@code capability} otherwise. */
    public AccessRole require(int rank, AccessRole needed, String capability, String what) {
        AccessRole role = roleOn(rank, what);
        if (!role.atLeast(needed)) {
            throw ProblemException.forbidden(capability);
        }
        return role;
    }

    /** Requires an organisation role (creating resources, connector accounts). */
    public void requireOrgRole(OrgRole minimum, String capability) {
        if (!orgRole.atLeast(minimum)) {
            throw ProblemException.forbidden(capability);
        }
    }
}
