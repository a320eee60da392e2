package io.plugsync.api.source;

import io.plugsync.api.library.support.Paging;
import io.plugsync.common.source.SourceMapping;
import io.plugsync.common.source.SourceMappings;
import io.plugsync.common.source.SourceStatus;
import io.plugsync.common.source.SourceTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Connector mappings for the admin API: the shared {@link SourceMappings} SQL. */
@ApplicationScoped
public class MappingRepository {

    /** The mapping of the instance, or (null {@code instanceId}) of any instance of the organisation. */
    public Uni<Optional<SourceMapping>> find(SqlClient db, UUID org, UUID instanceId, UUID id) {
        return instanceId == null
                ? SourceMappings.findInOrganization(db, org, id)
                : SourceMappings.find(db, instanceId, id);
    }

    /** The instance's mappings with {@code status}, of one target when {@code targetId} is given. */
    public Uni<List<MappingView>> list(
            SqlClient db, UUID instanceId, UUID targetId, SourceStatus.Mapping status, Paging paging) {
        return SourceMappings.list(db, instanceId, targetId, status, paging.keyset())
                .map(rows -> rows.stream().map(MappingView::from).toList());
    }

    public Uni<SourceMapping> insert(
            SqlClient db, SourceTarget target, String mappingKind, SourceMappings.Fields fields, UUID createdBy) {
        return SourceMappings.create(db, target, mappingKind, fields, createdBy);
    }

    /** Empty when the mapping was retired meanwhile. */
    public Uni<Optional<SourceMapping>> update(SqlClient db, UUID id, SourceMappings.Fields fields) {
        return SourceMappings.update(db, id, fields);
    }

    public Uni<Boolean> hasSynced(SqlClient db, UUID id) {
        return SourceMappings.hasSynced(db, id);
    }

    public Uni<SourceMapping> retire(SqlClient db, UUID id) {
        return SourceMappings.retire(db, id);
    }

    public Uni<Void> delete(SqlClient db, UUID id) {
        return SourceMappings.delete(db, id);
    }
}
