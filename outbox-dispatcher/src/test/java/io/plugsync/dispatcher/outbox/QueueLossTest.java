package io.plugsync.dispatcher.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.dispatcher.support.PublishFixture.Published;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The notification queue disappears under a running dispatcher (an in-memory SQS restarted empty,
 * or the queue deleted and created again): the dispatcher resolves, and here creates, the queue
 * again instead of failing every delivery until the events go dead.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
@TestProfile(QueueLossTest.OwnQueue.class)
class QueueLossTest {
    static final String QUEUE = "queue-loss-changes.fifo";

    /** A queue of its own, so deleting it disturbs no other test's consumer. */
    public static class OwnQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plugsync.dispatcher.sqs.queue", QUEUE);
        }
    }

    @Inject
    SqsAsyncClient sqs;

    @Test
    void deliveriesGoOnAfterTheQueueVanished() throws Exception {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            PublishFixture fixture = new PublishFixture(db);
            UUID connector = fixture.newConnector();
            Published first = fixture.publish(connector, PublishFixture.document(1, "queue-loss"));
            awaitDelivered(fixture, first);

            String url = sqs.getQueueUrl(r -> r.queueName(QUEUE)).join().queueUrl();
            sqs.deleteQueue(r -> r.queueUrl(url)).join();

            Published second = fixture.publish(connector, PublishFixture.document(2, "queue-loss"));
            awaitDelivered(fixture, second);
            assertThat(fixture.delivery(second.eventId()).deadAt()).isNull();

            String again = sqs.getQueueUrl(r -> r.queueName(QUEUE)).join().queueUrl();
            List<Message> messages = sqs.receiveMessage(
                            r -> r.queueUrl(again).maxNumberOfMessages(10).waitTimeSeconds(2))
                    .join()
                    .messages();
            assertThat(messages)
                    .extracting(m -> new ObjectMapper()
                            .readTree(m.body())
                            .path("version")
                            .asInt())
                    .containsExactly(2);
        }
    }

    private static void awaitDelivered(PublishFixture fixture, Published published) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> fixture.delivery(published.eventId()).deliveredAt() != null);
    }
}
