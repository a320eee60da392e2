package io.plugsync.api.source;

import io.plugsync.api.library.access.AccessRole;
import io.plugsync.api.library.access.Actors;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.http.Cursor;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Mapping previews for viewers of the instance: a saved mapping's selector or one being typed,
 * against the tree its target last synced. A target that never synced has no tree: 409 {@code
 * target-never-synced}.
 */
@ApplicationScoped
public class MappingPreviewService {
    private final Pool pool;
    private final Actors actors;
    private final SourceLookup lookup;
    private final TargetRepository targets;

    public MappingPreviewService(Pool pool, Actors actors, SourceLookup lookup, TargetRepository targets) {
        this.pool = pool;
        this.actors = actors;
        this.lookup = lookup;
        this.targets = targets;
    }

    public Uni<MappingPreview> previewMapping(Caller caller, UUID org, UUID mappingId, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(actor ->
                        lookup.mapping(db, actor, null, mappingId, AccessRole.VIEWER, "connector_instance:read", false))
                .flatMap(found -> preview(
                        db,
                        found.mapping().connectorTargetId(),
                        mappingId,
                        found.mapping().selector(),
                        cursor,
                        size)));
    }

    public Uni<MappingPreview> previewSelector(
            Caller caller, UUID org, UUID targetId, PreviewRequest request, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        return pool.withConnection(db -> actors.reader(db, caller, org)
                .flatMap(
                        actor -> lookup.target(db, actor, null, targetId, AccessRole.VIEWER, "connector_instance:read"))
                .flatMap(found -> {
                    request.validate();
                    return preview(db, targetId, null, request.selector(), cursor, size);
                }));
    }

    private Uni<MappingPreview> preview(
            SqlClient db, UUID targetId, UUID mappingId, String selector, String cursor, int limit) {
        return targets.syncedTree(db, targetId)
                .map(tree -> MappingPreview.of(
                        mappingId,
                        selector,
                        tree.orElseThrow(() -> ProblemException.conflict(
                                "target-never-synced",
                                "the target has not synced yet: there is no repository tree to preview against")),
                        cursor,
                        limit));
    }
}
