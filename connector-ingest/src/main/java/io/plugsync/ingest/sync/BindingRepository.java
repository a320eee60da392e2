package io.plugsync.ingest.sync;

import io.plugsync.common.source.SourceMapping;
import io.plugsync.common.source.SourceMappings;
import io.plugsync.common.source.SyncTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Source bindings, tombstones and path mappings of a target, as a sync reads and writes them. */
@ApplicationScoped
public class BindingRepository {

    public Uni<List<Binding>> active(SqlClient db, UUID targetId) {
        return db.preparedQuery("SELECT b.id, b.config_object_id, b.external_locator, b.external_stable_ref,"
                        + " b.connector_mapping_id, o.status FROM connector_source_binding b"
                        + " JOIN config_object o ON o.id = b.config_object_id"
                        + " WHERE b.connector_target_id = $1 AND b.status = 'active' ORDER BY b.external_locator")
                .execute(Tuple.of(targetId))
                .map(rows -> {
                    List<Binding> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Binding(
                            r.getUUID("id"),
                            r.getUUID("config_object_id"),
                            r.getString("external_locator"),
                            r.getString("external_stable_ref"),
                            r.getUUID("connector_mapping_id"),
                            r.getString("status"))));
                    return out;
                });
    }

    /** A new binding: the object a file feeds. */
    public record NewBinding(UUID objectId, DesiredFile file) {}

    /** Inserts bindings of one target in one statement. */
    public Uni<Void> insertAll(SqlClient db, SyncTarget target, List<NewBinding> added, String revision) {
        if (added.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = added.size();
        UUID[] objects = new UUID[n];
        UUID[] mappings = new UUID[n];
        String[] paths = new String[n];
        String[] shas = new String[n];
        for (int i = 0; i < n; i++) {
            NewBinding b = added.get(i);
            objects[i] = b.objectId();
            mappings[i] = b.file().mapping().id();
            paths[i] = b.file().path();
            shas[i] = b.file().blobSha();
        }
        return db.preparedQuery("INSERT INTO connector_source_binding (config_object_id, connector_instance_id,"
                        + " connector_target_id, connector_mapping_id, connector_type, remote_id, external_locator,"
                        + " external_stable_ref, last_seen_source_revision_ref)"
                        + " SELECT u.object, $5::uuid, $6::uuid, u.mapping, 'github', $7::text, u.path, u.sha, $8::text"
                        + " FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])"
                        + " WITH ORDINALITY AS u(object, mapping, path, sha, n) ORDER BY u.n")
                .execute(Tuple.from(new Object[] {
                    objects,
                    mappings,
                    paths,
                    shas,
                    target.instanceId(),
                    target.targetId(),
                    target.repository(),
                    revision
                }))
                .replaceWithVoid();
    }

    /** New content seen for each binding: its blob SHA, mapping and revision, in one statement. */
    public Uni<Void> updateContentAll(SqlClient db, List<ReconcilePlan.Update> updates, String revision) {
        if (updates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = updates.size();
        UUID[] ids = new UUID[n];
        String[] shas = new String[n];
        UUID[] mappings = new UUID[n];
        for (int i = 0; i < n; i++) {
            ReconcilePlan.Update u = updates.get(i);
            ids[i] = u.binding().id();
            shas[i] = u.file().blobSha();
            mappings[i] = u.file().mapping().id();
        }
        return db.preparedQuery("UPDATE connector_source_binding b SET external_stable_ref = u.sha,"
                        + " connector_mapping_id = u.mapping, last_seen_source_revision_ref = $4::text, updated_at = now()"
                        + " FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS u(id, sha, mapping) WHERE b.id = u.id")
                .execute(Tuple.of(ids, shas, mappings, revision))
                .replaceWithVoid();
    }

    /** Closes bindings (their path left the selection or moved), in one statement. */
    public Uni<Void> closeAll(SqlClient db, List<Binding> closed) {
        if (closed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return db.preparedQuery("UPDATE connector_source_binding SET status = 'closed', deleted_at = now(),"
                        + " updated_at = now() WHERE id = ANY($1)")
                .execute(Tuple.of(closed.stream().map(Binding::id).toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    /** One tombstone per closed binding's path (a reappearing path is a new identity), in one statement. */
    public Uni<Void> tombstoneAll(
            SqlClient db, SyncTarget target, List<Binding> closed, UUID syncEventId, String revision) {
        if (closed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = closed.size();
        UUID[] mappings = new UUID[n];
        String[] paths = new String[n];
        UUID[] objects = new UUID[n];
        for (int i = 0; i < n; i++) {
            Binding b = closed.get(i);
            mappings[i] = b.mappingId();
            paths[i] = b.path();
            objects[i] = b.objectId();
        }
        return db.preparedQuery("INSERT INTO connector_source_tombstone (connector_instance_id, connector_target_id,"
                        + " connector_mapping_id, connector_type, remote_id, external_locator, former_config_object_id,"
                        + " deleted_in_sync_event_id, deleted_source_revision_ref)"
                        + " SELECT $4::uuid, $5::uuid, u.mapping, 'github', $6::text, u.path, u.object, $7::uuid, $8::text"
                        + " FROM unnest($1::uuid[], $2::text[], $3::uuid[]) WITH ORDINALITY AS u(mapping, path, object, n)"
                        + " ORDER BY u.n")
                .execute(Tuple.from(new Object[] {
                    mappings,
                    paths,
                    objects,
                    target.instanceId(),
                    target.targetId(),
                    target.repository(),
                    syncEventId,
                    revision
                }))
                .replaceWithVoid();
    }

    /** Paths among {@code paths} that were deleted before (they come back as new identities). */
    public Uni<Set<String>> tombstoned(SqlClient db, UUID targetId, List<String> paths) {
        if (paths.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return db.preparedQuery("SELECT DISTINCT external_locator FROM connector_source_tombstone"
                        + " WHERE connector_target_id = $1 AND external_locator = ANY($2)")
                .execute(Tuple.of(targetId, paths.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> out = new HashSet<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    /** Every live binding of the target has now been seen at {@code revision}. */
    public Uni<Void> touchAll(SqlClient db, UUID targetId, String revision) {
        return db.preparedQuery("UPDATE connector_source_binding SET last_seen_source_revision_ref = $2"
                        + " WHERE connector_target_id = $1 AND status = 'active'"
                        + " AND last_seen_source_revision_ref IS DISTINCT FROM $2")
                .execute(Tuple.of(targetId, revision))
                .replaceWithVoid();
    }

    /**
     * The target's path mappings as rules, retired ones included, in the order they were made
     * (earlier mappings win a path among equally specific ones). Each is attributed to its creator,
     * else its instance's creator (rbac.md locked decisions 4 and 7).
     *
     * <p>Retired mappings select no path: at the next sync the objects only they selected are
     * planned as deletions like any file that left the selection (terminal deleted version, binding
     * closed, tombstone naming the retired mapping, all under the mass-deletion guard). Retiring
     * means "stop syncing these paths", and an object no sync maintains any more must not look
     * connector-managed and current. Paths another active mapping also selects keep their object.
     */
    public Uni<MappingRules> mappings(SqlClient db, UUID targetId) {
        return SourceMappings.syncRulesOf(db, targetId).map(rules -> {
            List<MappingRule> active = new ArrayList<>();
            List<MappingRule> retired = new ArrayList<>();
            for (SourceMappings.SyncRule r : rules) {
                SourceMapping m = r.mapping();
                MappingRule rule = new MappingRule(
                        m.id(),
                        m.selector(),
                        m.objectType(),
                        m.pluginId(),
                        m.autoAddToPlugin(),
                        active.size() + retired.size(),
                        r.attributedTo());
                (m.retired() ? retired : active).add(rule);
            }
            return new MappingRules(active, retired);
        });
    }
}
