package io.plugsync.ingest.sync;

import io.plugsync.ingest.github.GitTree;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * {@code connector_target_tree}: the file paths of the tree a target last synced, which config-api
 * matches mapping selectors against for previews. Paths only, never content.
 */
@ApplicationScoped
public class TargetTreeRepository {

    /**
     * Replaces the target's tree with {@code tree} at {@code revision} (paths sorted). {@code truncated}: GitHub
     * truncated the listing and the sync walked only the directories its mappings can match, so
     * paths outside them are missing.
     */
    public Uni<Void> capture(SqlClient db, UUID targetId, String revision, GitTree tree) {
        String[] paths = tree.blobs().stream().map(GitTree.Entry::path).sorted().toArray(String[]::new);
        return db.preparedQuery("INSERT INTO connector_target_tree (connector_target_id, source_revision_ref, paths,"
                        + " truncated) VALUES ($1, $2, $3, $4) ON CONFLICT (connector_target_id) DO UPDATE SET"
                        + " source_revision_ref = EXCLUDED.source_revision_ref, paths = EXCLUDED.paths,"
                        + " truncated = EXCLUDED.truncated, captured_at = now()")
                .execute(Tuple.of(targetId, revision, paths, tree.walked()))
                .replaceWithVoid();
    }
}
