package io.plugsync.dispatcher.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.common.replica.ConfigChangeNotification;
import io.plugsync.common.replica.DynamoConfigStore;
import io.plugsync.common.replica.ReplicaLayout;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * What a worker embeds, here as a test bean: a {@link DynamoConfigStore} whose cached active
 * pointers are dropped by the SQS change notifications, consumed with SmallRye Reactive Messaging
 * (connector {@code smallrye-sqs}, channel {@code config-changes}). The pointer TTL is an hour, so
 * a test that sees a new version sees it because of the notification.
 */
@ApplicationScoped
public class WorkerConfigCache {
    private final DynamoConfigStore store;
    private final ObjectMapper mapper;
    private final List<ConfigChangeNotification> received = new CopyOnWriteArrayList<>();

    public WorkerConfigCache(DynamoDbAsyncClient dynamo, ObjectMapper mapper) {
        this.store =
                new DynamoConfigStore(dynamo, ReplicaLayout.DEFAULT_TABLE, Duration.ofHours(1), 64, Clock.systemUTC());
        this.mapper = mapper;
    }

    @Incoming("config-changes")
    public void onChange(String body) throws Exception {
        ConfigChangeNotification notification = mapper.readValue(body, ConfigChangeNotification.class);
        store.onNotification(notification);
        received.add(notification);
    }

    public DynamoConfigStore store() {
        return store;
    }

    public List<ConfigChangeNotification> received() {
        return received;
    }
}
