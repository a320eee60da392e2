package io.plugsync.api.library.object;

import io.plugsync.api.library.support.Paging;
import io.plugsync.api.library.support.Sql;
import io.plugsync.common.library.StoredVersion;
import io.plugsync.common.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for config objects and their versions; every query is scoped to one organisation. */
@ApplicationScoped
public class ConfigObjectRepository {
    /** The object, its latest version id (derived, never stored) and the member's access rank. */
    static final String SELECT = "SELECT o.*,"
            + " (SELECT v.id FROM config_object_version v WHERE v.config_object_id = o.id"
            + "   ORDER BY v.created_at DESC, v.id DESC LIMIT 1) AS latest_version_id,"
            + " library_object_rank(o.id, $2::uuid) AS access_rank FROM config_object o";

    /**
     * The list: parameters org, member, admin, type, status, source mode, instance, search words,
     * include archived, plugin, cursor (created_at, id), limit.
     */
    static final String LIST = SELECT + " WHERE o.organization_id = $1"
            + " AND ($3 OR library_object_rank(o.id, $2::uuid) > 0)"
            + " AND ($4::text IS NULL OR o.object_type = $4)"
            + " AND (CASE WHEN $5::text IS NOT NULL THEN o.status = $5"
            + "   WHEN $9 THEN o.status <> 'deleted' ELSE o.status NOT IN ('deleted', 'archived') END)"
            + " AND ($6::text IS NULL OR o.source_mode = $6)"
            + " AND ($7::uuid IS NULL OR o.connector_instance_id = $7)"
            + " AND ($8::text IS NULL OR to_tsvector('simple', coalesce(o.title, '') || ' ' || coalesce(o.description, '')"
            + "   || ' ' || coalesce(o.search_text, '')) @@ plainto_tsquery('simple', $8))"
            + " AND ($10::uuid IS NULL OR EXISTS (SELECT 1 FROM plugin_config_object m WHERE m.plugin_id = $10"
            + "   AND m.config_object_id = o.id AND m.removed_at IS NULL))"
            + " AND " + Paging.after("o", 11, 12)
            + " ORDER BY o.created_at DESC, o.id DESC LIMIT $13";

    /** A row with the caller's access rank. */
    public record Ranked(ConfigObjectView object, int rank) {}

    public Uni<Optional<Ranked>> find(SqlClient db, UUID organizationId, UUID member, UUID id) {
        return db.preparedQuery(SELECT + " WHERE o.organization_id = $1 AND o.id = $3")
                .execute(Sql.tuple(organizationId, member, id))
                .map(rows -> Rows.first(rows, ConfigObjectRepository::ranked));
    }

    /**
     * A page of the objects the member can see ({@code admin}: all of them), newest first. A
     * {@code plugin_id} filter keeps the objects the plugin holds now (active membership).
     */
    public Uni<List<Ranked>> list(
            SqlClient db, UUID organizationId, UUID member, boolean admin, ObjectFilter filter, Paging paging) {
        return db.preparedQuery(LIST)
                .execute(Sql.tuple(
                        organizationId,
                        member,
                        admin,
                        filter.objectType(),
                        filter.status(),
                        filter.sourceMode(),
                        filter.connectorInstanceId(),
                        filter.query(),
                        filter.includeArchived(),
                        filter.pluginId(),
                        paging.afterCreatedAt(),
                        paging.afterId(),
                        paging.fetch()))
                .map(rows -> Rows.all(rows, ConfigObjectRepository::ranked));
    }

    /** History newest first (created_at DESC, id DESC). */
    public Uni<List<StoredVersion>> versions(SqlClient db, UUID objectId, Paging paging) {
        return db.preparedQuery("SELECT " + StoredVersion.COLUMNS + " FROM config_object_version v"
                        + " WHERE v.config_object_id = $1 AND " + Paging.after("v", 2, 3)
                        + " ORDER BY v.created_at DESC, v.id DESC LIMIT $4")
                .execute(Sql.tuple(objectId, paging.afterCreatedAt(), paging.afterId(), paging.fetch()))
                .map(rows -> Rows.all(rows, StoredVersion::from));
    }

    public Uni<Optional<StoredVersion>> version(SqlClient db, UUID objectId, UUID versionId) {
        return db.preparedQuery("SELECT " + StoredVersion.COLUMNS + " FROM config_object_version v"
                        + " WHERE v.config_object_id = $1 AND v.id = $2")
                .execute(Sql.tuple(objectId, versionId))
                .map(rows -> Rows.first(rows, StoredVersion::from));
    }

    static Ranked ranked(Row row) {
        return new Ranked(ConfigObjectView.from(row, null), row.getInteger("access_rank"));
    }
}
