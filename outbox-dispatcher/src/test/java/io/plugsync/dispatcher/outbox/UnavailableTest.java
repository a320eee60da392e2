package io.plugsync.dispatcher.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

class UnavailableTest {
    @Test
    void unreachableServicesAreOutages() {
        assertThat(Unavailable.test(new CompletionException(SdkClientException.create(
                        "Unable to execute HTTP request: Connection refused", new ConnectException("refused")))))
                .isTrue();
        assertThat(Unavailable.test(ApiCallTimeoutException.create(5000))).isTrue();
        assertThat(Unavailable.test(DynamoDbException.builder().statusCode(503).build()))
                .isTrue();
        assertThat(Unavailable.test(
                        QueueDoesNotExistException.builder().statusCode(400).build()))
                .isTrue();
    }

    @Test
    void failuresOfTheEventOrThrottlingAreNot() {
        assertThat(Unavailable.test(new PermanentDeliveryException("no such version")))
                .isFalse();
        assertThat(Unavailable.test(ProvisionedThroughputExceededException.builder()
                        .statusCode(400)
                        .build()))
                .isFalse();
        assertThat(Unavailable.test(new IllegalStateException("handler delivered none of the run")))
                .isFalse();
        assertThat(Unavailable.test(SdkClientException.create("Unable to marshall request")))
                .isFalse();
    }
}
