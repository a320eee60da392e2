package io.plugsync.ingest.held;

import io.plugsync.common.http.ProblemException;
import io.plugsync.common.source.SyncEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Held syncs of an organisation: lists them and confirms one (re-queued) in one transaction. */
@ApplicationScoped
public class HeldSyncService {
    private final Pool pool;

    public HeldSyncService(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<HeldSync>> held(UUID orgId) {
        return SyncEvents.held(pool, orgId)
                .map(rows -> rows.stream().map(HeldSync::from).toList());
    }

    /** 404 when the event is not the organisation's, 409 when it is not held. */
    public Uni<Void> confirm(UUID orgId, UUID syncEventId, String confirmedBy) {
        return pool.withTransaction(db -> SyncEvents.organizationOf(db, syncEventId)
                .flatMap(owner -> {
                    if (owner.isEmpty() || !owner.get().equals(orgId)) {
                        throw ProblemException.notFound("sync event " + syncEventId);
                    }
                    return SyncEvents.confirmHeld(db, syncEventId, confirmedBy).map(confirmed -> {
                        if (!confirmed) {
                            throw ProblemException.conflict(
                                    "not-held", "sync event " + syncEventId + " is not waiting for confirmation");
                        }
                        return null;
                    });
                }));
    }
}
