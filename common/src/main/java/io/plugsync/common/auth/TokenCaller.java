package io.plugsync.common.auth;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads the {@link Caller} from a verified bearer token: its subject and the {@code orgs} claim. */
public final class TokenCaller {
    private TokenCaller() {}

    /**
     * Subject and organisation roles (organisation id to role). Entries whose key is not a UUID or
     * whose role is unknown are ignored, so a malformed claim grants nothing rather than failing.
     */
    public static Caller from(JsonWebToken token) {
        Map<UUID, OrgRole> roles = new HashMap<>();
        if (token.getClaim(Caller.ORGS_CLAIM) instanceof JsonObject orgs) {
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
