package io.plugsync.common.delivery;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * The SQS message the dispatcher sends after a new delivery of a plugin reached the library replica:
 * a pointer, never the content (read it with {@link DynamoPluginStore}). Sent to a FIFO queue with
 * {@code MessageGroupId} = plugin id and {@code MessageDeduplicationId} = {@code
 * plugin-<id>-v<version>}, so a delivery announced twice (a retry after a crash) is dropped by SQS.
 */
@RegisterForReflection
public record PluginChangeNotification(
        @JsonProperty("plugin_id") UUID pluginId,
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("version") long version,
        @JsonProperty("checksum") String checksum,
        @JsonProperty("status") String status) {

    /** Default FIFO queue name. */
    public static final String DEFAULT_QUEUE = "plugsync-library-changes.fifo";

    public String deduplicationId() {
        return "plugin-" + pluginId + "-v" + version;
    }
}
