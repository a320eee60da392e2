package io.plugsync.api.fleet;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A worker's credential: a bearer token whose {@code plugsync_worker} claim names the organisation
 * and the connectors the worker serves ({@code {"organization_id": "...", "connector_ids":
 * ["..."]}}). It lets the worker report to those connectors' fleets and nothing else (it carries no
 * organisation role, so every other endpoint treats it as a stranger).
 */
public record WorkerCredential(String subject, UUID organizationId, Set<UUID> connectorIds) {
    public static final String CLAIM = "plugsync_worker";

    public WorkerCredential {
        connectorIds = Set.copyOf(connectorIds);
    }

    public boolean serves(UUID organization, UUID connector) {
        return organizationId.equals(organization) && connectorIds.contains(connector);
    }

    /** The credential in a verified token; empty when the claim is absent or malformed. */
    public static Optional<WorkerCredential> from(JsonWebToken token) {
        if (!(token.getClaim(CLAIM) instanceof JsonObject claim)) {
            return Optional.empty();
        }
        Optional<UUID> org = uuid(claim.get("organization_id"));
        if (org.isEmpty() || !(claim.get("connector_ids") instanceof JsonArray ids)) {
            return Optional.empty();
        }
        Set<UUID> connectors = new HashSet<>();
        for (JsonValue id : ids) {
            uuid(id).ifPresent(connectors::add);
        }
        return Optional.of(
                new WorkerCredential(token.getSubject() == null ? "" : token.getSubject(), org.get(), connectors));
    }

    private static Optional<UUID> uuid(JsonValue value) {
        if (!(value instanceof JsonString s)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(s.getString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
