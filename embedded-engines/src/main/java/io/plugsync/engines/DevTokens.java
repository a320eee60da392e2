package io.plugsync.engines;

import io.smallrye.jwt.build.Jwt;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mints bearer tokens the services accept, signed with a {@link DevKeys} private key. */
public final class DevTokens {
    public static final String ISSUER = "https://plugsync.local";
    /** The {@code groups} entry of the dispatcher's operator endpoints ({@code /admin/outbox/...}). */
    public static final String OPERATOR_GROUP = "plugsync-operator";

    private DevTokens() {}

    /**
     * A token for {@code subject} with its organisation roles ({@code orgs} claim: organisation id
     * to role: owner, admin, editor or viewer).
     */
    public static String mint(PrivateKey key, String subject, Map<String, String> orgRoles, Duration ttl) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .claim("name", subject)
                .claim("orgs", orgRoles)
                .expiresIn(ttl)
                .jws()
                .keyId("plugsync-dev")
                .sign(key);
    }

    /**
     * A worker token: the {@code plugsync_worker} claim ({@code organization_id}, {@code
     * connector_ids}) lets it report to those connectors' fleets; it carries no organisation role.
     */
    public static String mintWorker(
            PrivateKey key, String subject, String organizationId, List<String> connectorIds, Duration ttl) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .claim("orgs", Map.of())
                .claim("plugsync_worker", Map.of("organization_id", organizationId, "connector_ids", connectorIds))
                .expiresIn(ttl)
                .jws()
                .keyId("plugsync-dev")
                .sign(key);
    }

    /**
     * An operator token: the {@link #OPERATOR_GROUP} group and no organisation roles (operator
     * endpoints act across organisations, organisation endpoints stay closed to it).
     */
    public static String mintOperator(PrivateKey key, String subject, Duration ttl) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(OPERATOR_GROUP))
                .claim("orgs", Map.of())
                .expiresIn(ttl)
                .jws()
                .keyId("plugsync-dev")
                .sign(key);
    }
}
