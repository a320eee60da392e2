package io.plugsync.common.library;

import io.plugsync.common.outbox.ChangeKind;
import io.plugsync.common.outbox.OutboxWriter;
import io.plugsync.common.outbox.PluginMembershipChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Plugin membership (seed 001): one {@code plugin_config_object} row per (plugin, object) pair,
 * soft-removed with {@code removed_at} and reactivated on re-add. Every actual change appends a
 * {@code plugin.membership.changed} outbox event in the caller's transaction. Both the plugin and
 * the object must belong to {@code organizationId}; callers check they exist first.
 */
public final class PluginMemberships {
    private PluginMemberships() {}

    /** Membership sources ({@code plugin_config_object.membership_source}). */
    public static final class Sources {
        public static final String MANUAL = "manual";
        public static final String CONNECTOR = "connector";
        public static final String API = "api";
        public static final String SYSTEM = "system";

        private Sources() {}
    }

    /**
     * Adds the object to the plugin, or reactivates a removed membership.
     *
     * @return whether anything changed (false when the membership was already active)
     */
    public static Uni<Boolean> add(
            SqlClient db,
            UUID organizationId,
            UUID pluginId,
            UUID configObjectId,
            String membershipSource,
            UUID connectorMappingId,
            UUID createdByMembershipId) {
        return addAll(
                        db,
                        organizationId,
                        List.of(new Addition(
                                pluginId, configObjectId, membershipSource, connectorMappingId, createdByMembershipId)))
                .map(changed -> !changed.isEmpty());
    }

    /** One membership to add: the pair, its source and provenance. */
    public record Addition(
            UUID pluginId,
            UUID configObjectId,
            String membershipSource,
            UUID connectorMappingId,
            UUID createdByMembershipId) {}

    /**
     * Adds (or reactivates) several memberships in one statement, with one outbox event per actual
     * change, in list order; a pair named twice counts once (its first addition). Pairs whose plugin
     * or object is not in {@code organizationId} are skipped.
     *
     * @return the additions that changed something (the others were already active)
     */
    public static Uni<List<Addition>> addAll(SqlClient db, UUID organizationId, List<Addition> additions) {
        Map<List<UUID>, Addition> byPair = new LinkedHashMap<>();
        additions.forEach(a -> byPair.putIfAbsent(List.of(a.pluginId(), a.configObjectId()), a));
        if (byPair.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Addition> unique = List.copyOf(byPair.values());
        int n = unique.size();
        UUID[] plugins = new UUID[n];
        UUID[] objects = new UUID[n];
        String[] sources = new String[n];
        UUID[] mappings = new UUID[n];
        UUID[] creators = new UUID[n];
        for (int i = 0; i < n; i++) {
            Addition a = unique.get(i);
            plugins[i] = a.pluginId();
            objects[i] = a.configObjectId();
            sources[i] = a.membershipSource();
            mappings[i] = a.connectorMappingId();
            creators[i] = a.createdByMembershipId();
        }
        return db.preparedQuery("INSERT INTO plugin_config_object (plugin_id, config_object_id, membership_source,"
                        + " connector_mapping_id, created_by_org_membership_id)"
                        + " SELECT p.id, o.id, u.source, u.mapping, u.creator"
                        + " FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[])"
                        + " WITH ORDINALITY AS u(plugin, object, source, mapping, creator, n)"
                        + " JOIN plugin p ON p.id = u.plugin AND p.organization_id = $6"
                        + " JOIN config_object o ON o.id = u.object AND o.organization_id = p.organization_id"
                        + " ORDER BY u.n"
                        + " ON CONFLICT (plugin_id, config_object_id) DO UPDATE SET removed_at = NULL,"
                        + " membership_source = EXCLUDED.membership_source,"
                        + " connector_mapping_id = EXCLUDED.connector_mapping_id,"
                        + " created_by_org_membership_id = EXCLUDED.created_by_org_membership_id"
                        + " WHERE plugin_config_object.removed_at IS NOT NULL RETURNING plugin_id, config_object_id")
                .execute(Tuple.from(new Object[] {plugins, objects, sources, mappings, creators, organizationId}))
                .flatMap(rows -> {
                    Set<List<UUID>> changedPairs = new HashSet<>();
                    for (Row row : rows) {
                        changedPairs.add(List.of(row.getUUID("plugin_id"), row.getUUID("config_object_id")));
                    }
                    List<Addition> changed = unique.stream()
                            .filter(a -> changedPairs.contains(List.of(a.pluginId(), a.configObjectId())))
                            .toList();
                    List<PluginMembershipChanged> events = changed.stream()
                            .map(a -> new PluginMembershipChanged(
                                    organizationId, a.pluginId(), a.configObjectId(), ChangeKind.ADDED))
                            .toList();
                    return OutboxWriter.appendAll(db, events).replaceWith(changed);
                });
    }

    /**
     * Soft-removes an active membership.
     *
     * @return whether anything changed (false when there was no active membership)
     */
    public static Uni<Boolean> remove(SqlClient db, UUID organizationId, UUID pluginId, UUID configObjectId) {
        return db.preparedQuery("UPDATE plugin_config_object m SET removed_at = now() FROM plugin p"
                        + " WHERE m.plugin_id = p.id AND p.organization_id = $3"
                        + " AND m.plugin_id = $1 AND m.config_object_id = $2 AND m.removed_at IS NULL RETURNING m.id")
                .execute(Tuple.of(pluginId, configObjectId, organizationId))
                .flatMap(rows -> rows.size() == 0
                        ? Uni.createFrom().item(false)
                        : event(db, organizationId, pluginId, configObjectId, ChangeKind.REMOVED)
                                .replaceWith(true));
    }

    private static Uni<Void> event(
            SqlClient db, UUID organizationId, UUID pluginId, UUID configObjectId, ChangeKind change) {
        return OutboxWriter.append(db, new PluginMembershipChanged(organizationId, pluginId, configObjectId, change));
    }
}
