package io.plugsync.dispatcher.support;

import io.plugsync.dispatcher.admin.OutboxAdminResource;
import io.plugsync.engines.DevTokens;
import io.plugsync.engines.PlugSyncTestEngines;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Tokens for the dispatcher's operator endpoints. */
public final class OperatorTokens {
    private OperatorTokens() {}

    public static String operator() {
        return Jwt.issuer(DevTokens.ISSUER)
                .subject("ops@example.test")
                .upn("ops@example.test")
                .groups(Set.of(OutboxAdminResource.OPERATOR))
                .claim("orgs", Map.of())
                .expiresIn(Duration.ofHours(1))
                .jws()
                .keyId("plugsync-dev")
                .sign(PlugSyncTestEngines.keys().privateKey());
    }

    /** An organisation owner without the operator role. */
    public static String orgOwner() {
        return PlugSyncTestEngines.token(
                "owner@example.test", Map.of(java.util.UUID.randomUUID().toString(), "owner"));
    }
}
