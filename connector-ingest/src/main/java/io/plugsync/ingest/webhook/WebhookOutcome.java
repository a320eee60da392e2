package io.plugsync.ingest.webhook;

import java.util.List;
import java.util.UUID;

/**
 * What a delivery led to.
 *
 * @param outcome {@code queued}, {@code applied}, {@code duplicate_delivery}, {@code duplicate_revision},
 *     {@code no_target}, {@code ignored}
 * @param syncEventIds sync events queued by this delivery
 */
public record WebhookOutcome(String deliveryId, String event, String outcome, List<UUID> syncEventIds) {
    public WebhookOutcome {
        syncEventIds = List.copyOf(syncEventIds);
    }

    /** 202 when this delivery changed something, 200 when it was a no-op. */
    public boolean accepted() {
        return outcome.equals("queued") || outcome.equals("applied");
    }
}
