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

    /** Instances with {@code status}; every status but archived when it is null. */
    public Uni<List<Ranked>> list(
            SqlClient db, UUID org, UUID member, boolean admin, SourceStatus.Instance status, Paging paging) {
        return SourceInstances.list(db, org, member, admin, status, paging.keyset())
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

    public Uni<Void> update(SqlClient db, UUID id, String name, SourceStatus.Instance status) {
        return SourceInstances.update(db, id, name, status);
    }

    public Uni<Void> archive(SqlClient db, UUID id) {
        return SourceInstances.archive(db, id);
    }

    static Ranked ranked(SourceInstance.Ranked row) {
        return new Ranked(InstanceView.from(row.instance()), row.rank());
    }
}
