package io.plugsync.api.source;

import io.plugsync.api.library.support.Json;
import io.plugsync.api.library.support.Paging;
import io.plugsync.common.source.SourceInstance;
import io.plugsync.common.source.SourceInstances;
import io.plugsync.common.source.SourceStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Connector instances with the member's access rank: the shared {@link SourceInstances} SQL, mapped to views. */
@ApplicationScoped
public class InstanceRepository {

    public record Ranked(InstanceView instance, int rank) {}

    public Uni<Optional<Ranked>> find(SqlClient db, UUID org, UUID member, UUID id) {
        return SourceInstances.find(db, org, member, id).map(found -> found.map(InstanceRepository::ranked));
    }

    public Uni<List<Ranked>> list(SqlClient db, UUID org, UUID member, boolean admin, Paging paging) {
        return SourceInstances.list(db, org, member, admin, paging.keyset())
                .map(rows -> rows.stream().map(InstanceRepository::ranked).toList());
    }

    /** Inserts the instance for an active account of the organisation; empty when there is none. */
    public Uni<Optional<UUID>> insert(SqlClient db, UUID org, InstanceRequests.Create request, UUID member) {
        return SourceInstances.create(
                db,
                org,
                request.connectorAccountId(),
                request.remoteId(),
                request.name().strip(),
                Json.param(request.instanceConfig()),
                member);
    }

    public Uni<Void> update(SqlClient db, UUID id, InstanceRequests.Update change) {
        SourceStatus.Instance status = change.status() == null
                ? null
                : SourceStatus.Instance.parse(change.status()).orElseThrow();
        return SourceInstances.update(db, id, change.name(), status);
    }

    static Ranked ranked(SourceInstance.Ranked row) {
        return new Ranked(InstanceView.from(row.instance()), row.rank());
    }
}
