package io.plugsync.dispatcher.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Ready only while SQS answers. */
@Readiness
@ApplicationScoped
public class SqsReadiness implements AsyncHealthCheck {
    private final SqsAsyncClient sqs;

    public SqsReadiness(SqsAsyncClient sqs) {
        this.sqs = sqs;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom()
                .completionStage(() -> sqs.listQueues(r -> r.maxResults(1)))
                .ifNoItem()
                .after(Duration.ofSeconds(3))
                .failWith(() -> new IllegalStateException("no answer within 3 s"))
                .map(r -> HealthCheckResponse.up("SQS"))
                .onFailure()
                .recoverWithItem(e -> HealthCheckResponse.named("SQS")
                        .down()
                        .withData("error", String.valueOf(e.getMessage()))
                        .build());
    }
}
