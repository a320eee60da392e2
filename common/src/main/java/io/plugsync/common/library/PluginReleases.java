package io.plugsync.common.library;

import io.plugsync.common.outbox.OutboxWriter;
import io.plugsync.common.outbox.PluginReleaseCreated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The one write path of plugin releases (seed 001), shared by config-api (manual releases, access
 * changes, rollbacks) and connector-ingest (sync snapshots). A release pins the plugin's current
 * resolution as {@link PluginResolution#CURRENT} computes it: every live member at its latest
 * version. Every release appends {@code plugin.release.created} in the caller's transaction;
 * {@code plugin_release} and {@code plugin_release_item} are immutable (trigger), so a release is
 * never changed after it is cut.
 */
public final class PluginReleases {
    private PluginReleases() {}

    /** {@code plugin_release.release_kind}. */
    public enum Kind {
        /** Cut by a person through the API. */
        MANUAL,
        /** Written by the system, e.g. the result of a rollback. */
        SYSTEM,
        /** A grant on the plugin was added, changed or revoked. */
        ACCESS_CHANGE,
        /** A connector sync changed the plugin's members or a member's version. */
        SYNC_SNAPSHOT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A release just written: its id and how many versions it pinned. */
    public record Created(UUID releaseId, UUID pluginId, int itemCount) {}

    /**
     * Cuts a release of plugin {@code pluginId} as it resolves now.
     *
     * @param createdBy the person who caused it; null for connector syncs
     * @return the release, or a failure when the plugin is not in {@code organizationId}
     */
    public static Uni<Created> snapshot(
            SqlClient db, UUID organizationId, UUID pluginId, Kind kind, UUID createdBy, String notes) {
        return db.preparedQuery("INSERT INTO plugin_release (plugin_id, release_kind, created_by_org_membership_id,"
                        + " notes) SELECT p.id, $3, $4, $5 FROM plugin p WHERE p.id = $1 AND p.organization_id = $2"
                        + " RETURNING id")
                .execute(Tuple.from(new Object[] {pluginId, organizationId, kind.wire(), createdBy, notes}))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new IllegalArgumentException(
                                "plugin " + pluginId + " is not in organisation " + organizationId);
                    }
                    return rows.iterator().next().getUUID("id");
                })
                .flatMap(releaseId -> db.preparedQuery("INSERT INTO plugin_release_item"
                                + " (plugin_release_id, config_object_id, config_object_version_id)"
                                + " SELECT $2::uuid, x.config_object_id, x.id FROM (" + PluginResolution.CURRENT
                                + ") x")
                        .execute(Tuple.of(pluginId, releaseId))
                        .map(items -> new Created(releaseId, pluginId, items.rowCount())))
                .call(created -> OutboxWriter.append(
                        db,
                        new PluginReleaseCreated(organizationId, pluginId, created.releaseId(), created.itemCount())));
    }

    /**
     * The plugins of the organisation whose resolution connector sync {@code syncEventId} changed:
     * an active member got a version in that sync (a new object added to the plugin, a changed
     * file, a deleted file's terminal version). Moves and ingestion errors write no version and
     * change no resolution. Deleted plugins are left out.
     */
    static final String TOUCHED_BY_SYNC = "SELECT DISTINCT m.plugin_id FROM plugin_config_object m"
            + " JOIN plugin p ON p.id = m.plugin_id AND p.organization_id = $1 AND p.status <> 'deleted'"
            + " WHERE m.removed_at IS NULL AND EXISTS (SELECT 1 FROM config_object_version v"
            + "   WHERE v.config_object_id = m.config_object_id AND v.connector_sync_event_id = $2)"
            + " ORDER BY m.plugin_id";

    /**
     * One {@link Kind#SYNC_SNAPSHOT} release per plugin the sync changed (see {@link
     * #TOUCHED_BY_SYNC}); call it once, at the end of the sync's transaction.
     */
    public static Uni<List<Created>> afterSync(SqlClient db, UUID organizationId, UUID syncEventId, String revision) {
        String notes = "connector sync " + syncEventId + (revision == null ? "" : " at " + revision);
        return db.preparedQuery(TOUCHED_BY_SYNC)
                .execute(Tuple.of(organizationId, syncEventId))
                .flatMap(rows -> {
                    List<UUID> plugins = new ArrayList<>();
                    for (Row row : rows) {
                        plugins.add(row.getUUID("plugin_id"));
                    }
                    if (plugins.isEmpty()) {
                        return Uni.createFrom().item(List.<Created>of());
                    }
                    // one statement at a time on the transaction's connection
                    return Multi.createFrom()
                            .iterable(plugins)
                            .onItem()
                            .transformToUniAndConcatenate(
                                    plugin -> snapshot(db, organizationId, plugin, Kind.SYNC_SNAPSHOT, null, notes))
                            .collect()
                            .asList();
                });
    }
}
