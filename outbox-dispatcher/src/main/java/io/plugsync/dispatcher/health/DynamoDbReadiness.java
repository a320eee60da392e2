package io.plugsync.dispatcher.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** Ready only while DynamoDB answers. */
@Readiness
@ApplicationScoped
public class DynamoDbReadiness implements AsyncHealthCheck {
    private final DynamoDbAsyncClient dynamo;

    public DynamoDbReadiness(DynamoDbAsyncClient dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom()
                .completionStage(() -> dynamo.listTables(r -> r.limit(1)))
                .ifNoItem()
                .after(Duration.ofSeconds(3))
                .failWith(() -> new IllegalStateException("no answer within 3 s"))
                .map(r -> HealthCheckResponse.up("DynamoDB"))
                .onFailure()
                .recoverWithItem(e -> HealthCheckResponse.named("DynamoDB")
                        .down()
                        .withData("error", String.valueOf(e.getMessage()))
                        .build());
    }
}
