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

    public Uni<Void> insert(SqlClient db, SyncTarget target, UUID objectId, DesiredFile file, String revision) {
        return db.preparedQuery("INSERT INTO connector_source_binding (config_object_id, connector_instance_id,"
                        + " connector_target_id, connector_mapping_id, connector_type, remote_id, external_locator,"
                        + " external_stable_ref, last_seen_source_revision_ref)"
                        + " VALUES ($1, $2, $3, $4, 'github', $5, $6, $7, $8)")
                .execute(Tuple.from(java.util.Arrays.asList(
                        objectId,
                        target.instanceId(),
                        target.targetId(),
                        file.mapping().id(),
                        target.repository(),
                        file.path(),
                        file.blobSha(),
                        revision)))
                .replaceWithVoid();
    }

    public Uni<Void> updateContent(SqlClient db, Binding binding, DesiredFile file, String revision) {
        return db.preparedQuery("UPDATE connector_source_binding SET external_stable_ref = $2,"
                        + " connector_mapping_id = $3, last_seen_source_revision_ref = $4, updated_at = now()"
                        + " WHERE id = $1")
                .execute(Tuple.of(binding.id(), file.blobSha(), file.mapping().id(), revision))
                .replaceWithVoid();
    }

    public Uni<Void> close(SqlClient db, Binding binding) {
        return db.preparedQuery("UPDATE connector_source_binding SET status = 'closed', deleted_at = now(),"
                        + " updated_at = now() WHERE id = $1")
                .execute(Tuple.of(binding.id()))
                .replaceWithVoid();
    }

    public Uni<Void> tombstone(SqlClient db, SyncTarget target, Binding binding, UUID syncEventId, String revision) {
        return db.preparedQuery("INSERT INTO connector_source_tombstone (connector_instance_id, connector_target_id,"
                        + " connector_mapping_id, connector_type, remote_id, external_locator, former_config_object_id,"
                        + " deleted_in_sync_event_id, deleted_source_revision_ref)"
                        + " VALUES ($1, $2, $3, 'github', $4, $5, $6, $7, $8)")
                .execute(Tuple.from(java.util.Arrays.asList(
                        target.instanceId(),
                        target.targetId(),
                        binding.mappingId(),
                        target.repository(),
                        binding.path(),
                        binding.objectId(),
                        syncEventId,
                        revision)))
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
