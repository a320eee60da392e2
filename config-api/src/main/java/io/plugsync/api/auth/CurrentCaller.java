package io.plugsync.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read once from its verified bearer token. */
@RequestScoped
public class CurrentCaller {
    /**
     * Callers by raw token: reading the {@code orgs} claim converts it to JSON-P on every call. Only
     * consulted after this request's token was verified, so an entry never authenticates anything.
     */
    private static final Cache<String, Caller> CALLERS = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    private final JsonWebToken token;
    private Caller caller;

    public CurrentCaller(JsonWebToken token) {
        this.token = token;
    }

    public Caller get() {
        if (caller == null) {
            String raw = token.getRawToken();
            caller = raw == null ? fromToken(token) : CALLERS.get(raw, ignored -> fromToken(token));
        }
        return caller;
    }

    /** Subject and the {@code orgs} claim (organisation id to role); malformed entries are ignored. */
    public static Caller fromToken(JsonWebToken token) {
        Map<UUID, OrgRole> roles = new HashMap<>();
        Object claim = token.getClaim(Caller.ORGS_CLAIM);
        if (claim instanceof JsonObject orgs) {
            for (Map.Entry<String, JsonValue> entry : orgs.entrySet()) {
                if (entry.getValue() instanceof JsonString role) {
                    parseUuid(entry.getKey())
                            .ifPresent(org -> OrgRole.parse(role.getString()).ifPresent(r -> roles.put(org, r)));
                }
            }
        }
        return new Caller(token.getSubject() == null ? "" : token.getSubject(), roles);
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
