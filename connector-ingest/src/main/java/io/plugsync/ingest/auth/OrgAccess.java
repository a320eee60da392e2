package io.plugsync.ingest.auth;

import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.ProblemException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Organisation checks of the {@code /v1/orgs/{orgId}/...} endpoints: a caller who is not a member
 * gets a 404 (the organisation's existence is not revealed), a member without the role a 403
 * naming the missing capability.
 */
public final class OrgAccess {
    private OrgAccess() {}

    public static Caller require(JsonWebToken token, UUID orgId, OrgRole minimum, String capability) {
        Caller caller = IngestCaller.from(token);
        OrgRole role = caller.roleIn(orgId).orElseThrow(() -> ProblemException.notFound("organisation " + orgId));
        if (!role.atLeast(minimum)) {
            throw ProblemException.forbidden(capability);
        }
        return caller;
    }
}
