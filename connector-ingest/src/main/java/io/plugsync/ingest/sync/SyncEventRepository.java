package io.plugsync.ingest.sync;

import io.plugsync.common.source.ClaimedSync;
import io.plugsync.common.source.SourceStatus;
import io.plugsync.common.source.SyncEvent;
import io.plugsync.common.source.SyncEvents;
import io.plugsync.common.source.TargetRef;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The sync queue for the worker and webhooks: a CDI seam over the shared {@link SyncEvents} SQL in common. */
@ApplicationScoped
public class SyncEventRepository {

    /** Small summary object from key/value pairs (null values dropped). */
    public static JsonObject summary(Object... keyValues) {
        return SyncEvents.summary(keyValues);
    }

    /** See {@link SyncEvents#queue}: empty when a sync of the same head SHA is already queued or done. */
    public Uni<Optional<UUID>> queue(
            SqlClient db, TargetRef target, String eventType, String externalRef, String revision, JsonObject summary) {
        return SyncEvents.queue(db, target, eventType, externalRef, revision, summary);
    }

    /** See {@link SyncEvents#claim}: at most one running sync per target, also across replicas. */
    public Uni<List<ClaimedSync>> claim(SqlClient db, int limit, Duration lease) {
        return SyncEvents.claim(db, limit, lease);
    }

    public Uni<Integer> releaseExpired(SqlClient db) {
        return SyncEvents.releaseExpired(db);
    }

    public Uni<Void> finish(SqlClient db, UUID id, SourceStatus.Sync status, JsonObject summary) {
        return SyncEvents.finish(db, id, status, summary);
    }

    public Uni<Void> retryLater(SqlClient db, UUID id, Duration delay, JsonObject summary) {
        return SyncEvents.retryLater(db, id, delay, summary);
    }

    public Uni<Boolean> confirmHeld(SqlClient db, UUID id, String confirmedBy) {
        return SyncEvents.confirmHeld(db, id, confirmedBy);
    }

    public Uni<Integer> cancelQueued(SqlClient db, List<UUID> targetIds, String reason) {
        return SyncEvents.cancelQueued(db, targetIds, reason);
    }

    public Uni<Long> countHeld(SqlClient db) {
        return SyncEvents.countHeld(db);
    }

    public Uni<List<SyncEvent>> held(SqlClient db, UUID organizationId) {
        return SyncEvents.held(db, organizationId);
    }

    public Uni<Optional<UUID>> organizationOf(SqlClient db, UUID syncEventId) {
        return SyncEvents.organizationOf(db, syncEventId);
    }
}
