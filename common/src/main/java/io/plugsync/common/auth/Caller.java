package io.plugsync.common.auth;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The authenticated caller of a request: the token subject and its organisation roles (the
 * {@code orgs} claim, organisation id to role).
 */
public record Caller(String subject, Map<UUID, OrgRole> orgRoles) {
    /** Name of the JWT claim carrying organisation id to role. */
    public static final String ORGS_CLAIM = "orgs";

    public Caller {
        orgRoles = Map.copyOf(orgRoles);
    }

    public Optional<OrgRole> roleIn(UUID organizationId) {
        return Optional.ofNullable(orgRoles.get(organizationId));
    }

    public boolean isMemberOf(UUID organizationId) {
        return orgRoles.containsKey(organizationId);
    }
}
