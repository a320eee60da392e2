package io.plugsync.api.library.delivery;

import io.plugsync.common.delivery.DynamoPluginStore;
import io.plugsync.common.library.PayloadCipher;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** The read client of the library replica, one per application (it caches decoded manifests). */
@Singleton
public class LibraryReplicaBeans {

    @Produces
    @Singleton
    DynamoPluginStore pluginStore(DynamoDbAsyncClient dynamo, LibraryReplicaConfig config, PayloadCipher cipher) {
        return new DynamoPluginStore(dynamo, config.table(), cipher);
    }
}
