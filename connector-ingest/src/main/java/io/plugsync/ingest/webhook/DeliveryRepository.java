package io.plugsync.ingest.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code github_webhook_delivery}: one row per delivery id, the de-duplication key. */
@ApplicationScoped
public class DeliveryRepository {
    /** Records the delivery; false when this delivery id was seen before. */
    public Uni<Boolean> claim(SqlClient db, String deliveryId, String event, String action) {
        return db.preparedQuery("INSERT INTO github_webhook_delivery (delivery_id, event_name, action, outcome)"
                        + " VALUES ($1, $2, $3, 'received') ON CONFLICT (delivery_id) DO NOTHING RETURNING delivery_id")
                .execute(Tuple.of(deliveryId, event, action))
                .map(rows -> rows.size() == 1);
    }

    public Uni<Void> complete(SqlClient db, String deliveryId, String outcome, UUID syncEventId) {
        return db.preparedQuery(
                        "UPDATE github_webhook_delivery SET outcome = $2, sync_event_id = $3 WHERE delivery_id = $1")
                .execute(Tuple.of(deliveryId, outcome, syncEventId))
                .replaceWithVoid();
    }
}
