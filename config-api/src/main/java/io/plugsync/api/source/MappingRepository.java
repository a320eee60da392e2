package io.plugsync.api.source;

import io.plugsync.api.library.support.Json;
import io.plugsync.api.library.support.Paging;
import io.plugsync.common.source.SourceMappings;
import io.plugsync.common.source.SourceTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Connector mappings (always within one instance): the shared {@link SourceMappings} SQL, mapped to views. */
@ApplicationScoped
public class MappingRepository {

    public Uni<Optional<MappingView>> find(SqlClient db, UUID instanceId, UUID id) {
        return SourceMappings.find(db, instanceId, id).map(found -> found.map(MappingView::from));
    }

    public Uni<List<MappingView>> list(SqlClient db, UUID instanceId, Paging paging) {
        return SourceMappings.list(db, instanceId, paging.keyset())
                .map(rows -> rows.stream().map(MappingView::from).toList());
    }

    public Uni<MappingView> insert(SqlClient db, SourceTarget target, MappingRequest request) {
        return SourceMappings.create(
                        db,
                        target,
                        request.mappingKind(),
                        request.selector(),
                        request.objectType(),
                        request.pluginId(),
                        Boolean.TRUE.equals(request.autoAddToPlugin()),
                        Json.param(request.mappingConfig()))
                .map(MappingView::from);
    }

    public Uni<Void> delete(SqlClient db, UUID id) {
        return SourceMappings.delete(db, id);
    }
}
