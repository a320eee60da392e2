package io.plugsync.common.source;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** A sync event a worker has claimed ({@code running}, leased). */
public record ClaimedSync(
        UUID id,
        UUID targetId,
        UUID instanceId,
        String eventType,
        String requestedRevision,
        int attempts,
        JsonObject summary) {

    /** An admin confirmed the deletions this sync was held for. */
    public boolean deletionsConfirmed() {
        return summary.getBoolean("deletions_confirmed", false);
    }
}
