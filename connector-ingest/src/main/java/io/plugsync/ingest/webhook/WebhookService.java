package io.plugsync.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.source.SourceKinds;
import io.plugsync.common.source.SourceTargets;
import io.plugsync.common.source.SyncEvents;
import io.plugsync.ingest.installation.InstallationService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records a verified delivery and its effect in one transaction: the delivery row (de-duplication by
 * delivery id), queued sync events (de-duplicated by target and head SHA) or installation changes.
 */
@ApplicationScoped
public class WebhookService {
    private final Pool pool;
    private final DeliveryRepository deliveries;
    private final InstallationService installations;

    public WebhookService(Pool pool, DeliveryRepository deliveries, InstallationService installations) {
        this.pool = pool;
        this.deliveries = deliveries;
        this.installations = installations;
    }

    public Uni<WebhookOutcome> handle(String event, String deliveryId, JsonNode payload) {
        // parse before touching the database: a malformed payload is a 400 with nothing recorded
        PushEvent push = event.equals("push") ? PushEvent.parse(payload) : null;
        String action = payload.path("action").asText(null);
        return pool.withTransaction(db -> deliveries
                .claim(db, deliveryId, event, action)
                .flatMap(fresh -> {
                    if (!fresh) {
                        return Uni.createFrom()
                                .item(new WebhookOutcome(deliveryId, event, "duplicate_delivery", List.of()));
                    }
                    Uni<WebhookOutcome> effect = push != null
                            ? onPush(db, deliveryId, push)
                            : installations
                                    .apply(db, deliveryId, event, payload)
                                    .map(r -> new WebhookOutcome(deliveryId, event, r.outcome(), r.syncEventIds()));
                    return effect.call(outcome -> deliveries.complete(
                            db,
                            deliveryId,
                            outcome.outcome(),
                            outcome.syncEventIds().isEmpty()
                                    ? null
                                    : outcome.syncEventIds().get(0)));
                }));
    }

    private Uni<WebhookOutcome> onPush(SqlConnection db, String deliveryId, PushEvent push) {
        if (push.branch() == null || push.branchDeleted()) {
            return Uni.createFrom().item(new WebhookOutcome(deliveryId, "push", "ignored", List.of()));
        }
        return SourceTargets.forPush(
                        db, push.repositoryFullName(), push.repositoryId(), push.branch(), push.installationId())
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(new WebhookOutcome(deliveryId, "push", "no_target", List.of()));
                    }
                    return Multi.createFrom()
                            .iterable(found)
                            .onItem()
                            .transformToUniAndConcatenate(target -> SyncEvents.queue(
                                    db,
                                    target,
                                    SourceKinds.SyncEventType.PUSH,
                                    deliveryId,
                                    push.after(),
                                    SyncEvents.summary("delivery_id", deliveryId, "before", push.before())))
                            .collect()
                            .asList()
                            .map(ids -> {
                                List<UUID> queued =
                                        ids.stream().flatMap(Optional::stream).toList();
                                return new WebhookOutcome(
                                        deliveryId, "push", queued.isEmpty() ? "duplicate_revision" : "queued", queued);
                            });
                });
    }
}
