package io.plugsync.ingest.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code connector_target_tree}: the file paths of the tree a target last synced, which config-api
 * matches mapping selectors against for previews, and an incremental sync starts from. Paths only,
 * never content.
 */
@ApplicationScoped
public class TargetTreeRepository {

    /** The stored tree of a target: the revision it was captured at, its paths, whether some are missing. */
    public record Stored(String revision, List<String> paths, boolean truncated) {}

    /**
     * Replaces the target's tree with {@code paths} at {@code revision} (sorted). {@code truncated}: the
     * sync saw only the directories its mappings can match, so paths outside them are missing.
     */
    public Uni<Void> capture(SqlClient db, UUID targetId, String revision, List<String> paths, boolean truncated) {
        String[] sorted = paths.stream().sorted().toArray(String[]::new);
        return db.preparedQuery("INSERT INTO connector_target_tree (connector_target_id, source_revision_ref, paths,"
                        + " truncated) VALUES ($1, $2, $3, $4) ON CONFLICT (connector_target_id) DO UPDATE SET"
                        + " source_revision_ref = EXCLUDED.source_revision_ref, paths = EXCLUDED.paths,"
                        + " truncated = EXCLUDED.truncated, captured_at = now()")
                .execute(Tuple.of(targetId, revision, sorted, truncated))
                .replaceWithVoid();
    }

    public Uni<Optional<Stored>> stored(SqlClient db, UUID targetId) {
        return db.preparedQuery("SELECT source_revision_ref, paths, truncated FROM connector_target_tree"
                        + " WHERE connector_target_id = $1")
                .execute(Tuple.of(targetId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Stored(
                            row.getString("source_revision_ref"),
                            Arrays.asList(row.getArrayOfStrings("paths")),
                            row.getBoolean("truncated")));
                });
    }
}
