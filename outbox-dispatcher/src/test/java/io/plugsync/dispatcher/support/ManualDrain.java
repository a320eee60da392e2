package io.plugsync.dispatcher.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The dispatcher with its drain loop off (no NOTIFY wake-ups, no polling): a test calls {@code
 * OutboxDrainer.drainOnce()} itself, so "one pass" means exactly one, and claims can be made by hand
 * without a running dispatcher taking events away. Notifications go to a queue of their own that no
 * consumer reads.
 */
public class ManualDrain implements QuarkusTestProfile {
    public static final String QUEUE = "manual-drain-changes.fifo";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("plugsync.dispatcher.enabled", "false", "plugsync.dispatcher.sqs.queue", QUEUE);
    }
}
