package io.plugsync.common.replica;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * The SQS message the dispatcher sends after a version reached the replica: a pointer, never the
 * config. Sent to a FIFO queue with {@code MessageGroupId} = connector id and {@code
 * MessageDeduplicationId} = outbox event id.
 */
public record ConfigChangeNotification(
        @JsonProperty("connector_id") UUID connectorId,
        @JsonProperty("version") int version,
        @JsonProperty("checksum") String checksum) {

    /** Default FIFO queue name. */
    public static final String DEFAULT_QUEUE = "plugsync-config-changes.fifo";
}
