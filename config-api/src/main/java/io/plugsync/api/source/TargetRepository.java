package io.plugsync.api.source;

import io.plugsync.api.library.support.Json;
import io.plugsync.api.library.support.Paging;
import io.plugsync.common.source.SourceTarget;
import io.plugsync.common.source.SourceTargets;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Connector targets (always within one instance): the shared {@link SourceTargets} SQL, mapped to views. */
@ApplicationScoped
public class TargetRepository {

    public Uni<Optional<TargetView>> find(SqlClient db, UUID instanceId, UUID id) {
        return row(db, instanceId, id).map(found -> found.map(TargetView::from));
    }

    /** The stored row, for writes that need it (mappings, resyncs). */
    public Uni<Optional<SourceTarget>> row(SqlClient db, UUID instanceId, UUID id) {
        return SourceTargets.find(db, instanceId, id);
    }

    public Uni<List<TargetView>> list(SqlClient db, UUID instanceId, Paging paging) {
        return SourceTargets.list(db, instanceId, paging.keyset())
                .map(rows -> rows.stream().map(TargetView::from).toList());
    }

    public Uni<TargetView> insert(SqlClient db, InstanceView instance, TargetRequest request) {
        return SourceTargets.create(
                        db,
                        instance.id(),
                        instance.connectorType(),
                        request.remoteId(),
                        request.targetKind(),
                        request.externalTargetRef(),
                        Json.param(request.targetConfig()))
                .map(TargetView::from);
    }
}
