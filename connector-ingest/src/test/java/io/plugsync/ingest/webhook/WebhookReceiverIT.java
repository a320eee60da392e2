package io.plugsync.ingest.webhook;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/**
 * The receiver tests against the packaged application. The packaged app runs its prod profile, where
 * the sync worker would claim the queued syncs these tests inspect: switch the worker and the head
 * check off, as the {@code test} profile does for {@link WebhookReceiverTest}.
 */
@QuarkusIntegrationTest
@TestProfile(WebhookReceiverIT.ReceiverOnly.class)
class WebhookReceiverIT extends WebhookReceiverTest {

    /** The receiver alone: no background sync worker, no scheduled head check. */
    public static class ReceiverOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plugsync.ingest.worker.enabled", "false", "plugsync.ingest.reconcile.enabled", "false");
        }
    }
}
