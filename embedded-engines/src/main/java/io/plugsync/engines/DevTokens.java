package io.plugsync.engines;

import io.smallrye.jwt.build.Jwt;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;

/** Mints bearer tokens the services accept, signed with a {@link DevKeys} private key. */
public final class DevTokens {
    public static final String ISSUER = "https://plugsync.local";

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
}
