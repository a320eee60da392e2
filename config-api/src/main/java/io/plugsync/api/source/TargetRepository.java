package io.plugsync.api.source;

import io.plugsync.api.library.support.Json;
import io.plugsync.api.library.support.Paging;
import io.plugsync.common.source.SourceStatus;
import io.plugsync.common.source.SourceTarget;
import io.plugsync.common.source.SourceTargets;
import io.plugsync.common.source.SyncedTree;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Connector targets for the admin API: the shared {@link SourceTargets} SQL. */
@ApplicationScoped
public class TargetRepository {

    /** The target of the instance, or (null {@code instanceId}) of any instance of the organisation. */
    public Uni<Optional<SourceTarget>> find(SqlClient db, UUID org, UUID instanceId, UUID id) {
        return instanceId == null
                ? SourceTargets.findInOrganization(db, org, id)
                : SourceTargets.find(db, instanceId, id);
    }

    public Uni<List<TargetView>> list(SqlClient db, UUID instanceId, Paging paging) {
        return SourceTargets.list(db, instanceId, paging.keyset())
                .map(rows -> rows.stream().map(TargetView::from).toList());
    }

    public Uni<List<SourceTarget>> ofInstance(SqlClient db, UUID instanceId) {
        return SourceTargets.ofInstance(db, instanceId);
    }

    public Uni<SourceTarget> insert(SqlClient db, InstanceView instance, TargetRequest request) {
        return SourceTargets.create(
                db,
                instance.id(),
                instance.connectorType(),
                request.remoteId(),
                request.targetKind(),
                request.externalTargetRef(),
                Json.param(request.targetConfig()));
    }

    public Uni<SourceTarget> update(SqlClient db, UUID id, String externalTargetRef, SourceStatus.Target status) {
        return SourceTargets.update(db, id, externalTargetRef, status);
    }

    public Uni<Optional<SyncedTree>> syncedTree(SqlClient db, UUID id) {
        return SourceTargets.syncedTree(db, id);
    }
}
