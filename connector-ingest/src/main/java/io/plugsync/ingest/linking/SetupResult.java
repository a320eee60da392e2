package io.plugsync.ingest.linking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * Outcome of the setup callback: {@code linked}, {@code already_linked}, or {@code requested} (an
 * installation request waits for a GitHub owner's approval; nothing is linked yet).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SetupResult(String status, UUID organizationId, String installationId, UUID connectorAccountId) {
    static SetupResult requested() {
        return new SetupResult("requested", null, null, null);
    }
}
