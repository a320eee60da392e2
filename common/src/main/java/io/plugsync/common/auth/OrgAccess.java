package io.plugsync.common.auth;

import io.plugsync.common.http.ProblemException;
import java.util.UUID;

/**
 * Organisation-level checks. What the caller may not see is a 404 (no existence leak); what it can
 * see but may not do is a 403 {@code missing-capability} naming the capability.
 */
public final class OrgAccess {
    private OrgAccess() {}

    /** The caller's role in the organisation, or a 404 for {@code what}. */
    public static OrgRole member(Caller caller, UUID organizationId, String what) {
        return caller.roleIn(organizationId).orElseThrow(() -> ProblemException.notFound(what));
    }

    /** Requires at least {@code minimum}; 404 for non-members, 403 with {@code capability} otherwise. */
    public static OrgRole require(Caller caller, UUID organizationId, OrgRole minimum, String capability, String what) {
        OrgRole role = member(caller, organizationId, what);
        if (!role.atLeast(minimum)) {
            throw ProblemException.missingCapability(capability, minimum.wire(), role.wire());
        }
        return role;
    }
}
