package io.plugsync.api.library.delivery;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Reports the library replica table (status, or missing, or the error) without ever turning
 * config-api unready: the dispatcher creates the table, and a DynamoDB outage only affects {@code
 * /v1/me/plugins}, which answers 503 meanwhile; drafts, publish and the library stay served.
 */
@Readiness
@ApplicationScoped
public class LibraryReplicaReadiness implements AsyncHealthCheck {
    private static final String NAME = "Library replica (DynamoDB)";

    private final DynamoDbAsyncClient dynamo;
    private final LibraryReplicaConfig config;

    public LibraryReplicaReadiness(DynamoDbAsyncClient dynamo, LibraryReplicaConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom()
                .completionStage(() -> dynamo.describeTable(r -> r.tableName(config.table())))
                .ifNoItem()
                .after(Duration.ofSeconds(3))
                .failWith(() -> new IllegalStateException("no answer within 3 s"))
                .map(r -> up().withData("table_status", r.table().tableStatusAsString()))
                .onFailure()
                .recoverWithItem(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    return cause instanceof ResourceNotFoundException
                            ? up().withData("table_status", "missing (the outbox-dispatcher creates it)")
                            : up().withData("table_status", "unreachable").withData("error", String.valueOf(cause));
                })
                .map(builder -> builder.build());
    }

    private HealthCheckResponseBuilder up() {
        return HealthCheckResponse.named(NAME).up().withData("table", config.table());
    }
}
