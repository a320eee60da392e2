package io.plugsync.dispatcher.support;

import io.plugsync.common.replica.ConfigChangeNotification;
import io.plugsync.engines.PlugSyncTestEngines;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The shared test engines, plus the notification queue created up front: the worker-side SmallRye
 * consumer in these tests looks its queue up when the application starts, before the dispatcher's
 * first pass would create it.
 */
public class DispatcherTestEngines extends PlugSyncTestEngines {
    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        try (SqsClient sqs = SqsClient.builder()
                .endpointOverride(URI.create(engines().sqs().endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            // same attributes as the dispatcher's own create, so both creates are idempotent
            sqs.createQueue(r -> r.queueName(ConfigChangeNotification.DEFAULT_QUEUE)
                    .attributes(Map.of(
                            QueueAttributeName.FIFO_QUEUE, "true",
                            QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false")));
        }
        return config;
    }
}
