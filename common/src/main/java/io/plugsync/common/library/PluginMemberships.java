package io.plugsync.common.library;

import io.plugsync.common.outbox.ChangeKind;
import io.plugsync.common.outbox.OutboxWriter;
import io.plugsync.common.outbox.PluginMembershipChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
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
        return db.preparedQuery("INSERT INTO plugin_config_object (plugin_id, config_object_id, membership_source,"
                        + " connector_mapping_id, created_by_org_membership_id)"
                        + " SELECT p.id, o.id, $3, $4, $5 FROM plugin p JOIN config_object o"
                        + " ON o.organization_id = p.organization_id"
                        + " WHERE p.id = $1 AND o.id = $2 AND p.organization_id = $6"
                        + " ON CONFLICT (plugin_id, config_object_id) DO UPDATE SET removed_at = NULL,"
                        + " membership_source = EXCLUDED.membership_source,"
                        + " connector_mapping_id = EXCLUDED.connector_mapping_id,"
                        + " created_by_org_membership_id = EXCLUDED.created_by_org_membership_id"
                        + " WHERE plugin_config_object.removed_at IS NOT NULL RETURNING id")
                .execute(Tuple.from(new Object[] {
                    pluginId,
                    configObjectId,
                    membershipSource,
                    connectorMappingId,
                    createdByMembershipId,
                    organizationId
                }))
                .flatMap(rows -> rows.size() == 0
                        ? Uni.createFrom().item(false)
                        : event(db, organizationId, pluginId, configObjectId, ChangeKind.ADDED)
                                .replaceWith(true));
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
