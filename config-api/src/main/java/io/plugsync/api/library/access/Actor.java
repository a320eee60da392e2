package io.plugsync.api.library.access;

import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.ProblemException;
import java.util.Optional;
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
        return roleFor(rank).orElseThrow(() -> ProblemException.notFound(what));
    }

    /** The caller's role given the grant rank; empty when the resource is invisible to it. */
    public Optional<AccessRole> roleFor(int rank) {
        return isOrgAdmin() ? Optional.of(AccessRole.MANAGER) : AccessRole.ofRank(rank);
    }

    /**
     * Requires {@code needed} on a resource the caller can see: 404 when invisible, otherwise a 403
     * {@code missing-resource-role} naming {@code action}, the resource, the role needed and the
     * caller's role.
     */
    public AccessRole require(int rank, AccessRole needed, String action, String what) {
        AccessRole role = roleOn(rank, what);
        if (!role.atLeast(needed)) {
            throw ProblemException.missingResourceRole(action, what, needed.wire(), role.wire());
        }
        return role;
    }

    /** Requires an organisation role (creating resources, connector accounts): 403 {@code missing-capability}. */
    public void requireOrgRole(OrgRole minimum, String capability) {
        if (!orgRole.atLeast(minimum)) {
            throw ProblemException.missingCapability(capability, minimum.wire(), orgRole.wire());
        }
    }
}
