package io.plugsync.common.replica;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * The SQS message the dispatcher sends after a version reached the replica or the pointer moved (a
 * rollout step): a pointer, never the config. Sent to a FIFO queue with {@code MessageGroupId} =
 * connector id and {@code MessageDeduplicationId} = outbox event id.
 *
 * @param version the version the move is about (the candidate during a rollout)
 * @param pointerRevision the pointer's revision after the move ({@link PointerRevision}); a message
 *     without it (an older dispatcher) reads as 0
 */
public record ConfigChangeNotification(
        @JsonProperty("connector_id") UUID connectorId,
        @JsonProperty("version") int version,
        @JsonProperty("checksum") String checksum,
        @JsonProperty("pointer_revision") long pointerRevision) {

    /** Default FIFO queue name. */
    public static final String DEFAULT_QUEUE = "plugsync-config-changes.fifo";

    @JsonCreator
    public ConfigChangeNotification {}

    /** The notification of a plain publish of {@code version}. */
    public ConfigChangeNotification(UUID connectorId, int version, String checksum) {
        this(connectorId, version, checksum, PointerRevision.plain(version));
    }
}
