package io.plugsync.ingest.auth;

import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} from a verified token's {@code orgs} claim (same reading as config-api's). */
public final class IngestCaller {
    private IngestCaller() {}

    public static Caller from(JsonWebToken token) {
        Map<UUID, OrgRole> roles = new HashMap<>();
        if (token.getClaim(Caller.ORGS_CLAIM) instanceof JsonObject orgs) {
            for (Map.Entry<String, JsonValue> entry : orgs.entrySet()) {
                if (entry.getValue() instanceof JsonString role) {
                    try {
                        UUID org = UUID.fromString(entry.getKey());
                        OrgRole.parse(role.getString()).ifPresent(r -> roles.put(org, r));
                    } catch (IllegalArgumentException ignored) {
                        // not an organisation id: ignore the entry
                    }
                }
            }
        }
        return new Caller(token.getSubject() == null ? "" : token.getSubject(), roles);
    }
}
