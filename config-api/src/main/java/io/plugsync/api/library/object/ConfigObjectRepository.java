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
     * The list filters, the same for every way in: parameters org ($1), type ($3), status ($4),
     * source mode ($5), instance ($6), search words ($7), include archived ($8), plugin ($9), cursor
     * (created_at $10, id $11).
     */
    static final String FILTERS = " AND o.organization_id = $1"
            + " AND ($3::text IS NULL OR o.object_type = $3)"
            + " AND (CASE WHEN $4::text IS NOT NULL THEN o.status = $4"
            + "   WHEN $8 THEN o.status <> 'deleted' ELSE o.status NOT IN ('deleted', 'archived') END)"
            + " AND ($5::text IS NULL OR o.source_mode = $5)"
            + " AND ($6::uuid IS NULL OR o.connector_instance_id = $6)"
            + " AND ($7::text IS NULL OR to_tsvector('simple', coalesce(o.title, '') || ' ' || coalesce(o.description, '')"
            + "   || ' ' || coalesce(o.search_text, '')) @@ plainto_tsquery('simple', $7))"
            + " AND ($9::uuid IS NULL OR EXISTS (SELECT 1 FROM plugin_config_object m WHERE m.plugin_id = $9"
            + "   AND m.config_object_id = o.id AND m.removed_at IS NULL))"
            + " AND " + Paging.after("o", 10, 11);

    private static final String NEWEST_FIRST = " ORDER BY o.created_at DESC, o.id DESC LIMIT $12";

    /** An organisation admin's list: every object, newest first (member $2 only ranks the rows). */
    static final String LIST = SELECT + " WHERE true" + FILTERS + NEWEST_FIRST;

    /**
     * From this many objects in the plugins a member can use, the list looks for their newest ones by
     * walking the organisation's objects newest first (a dense set: a page is found early); below it,
     * by fetching each of them (a sparse set: walking would read most of the organisation).
     */
    static final int DENSE_PLUGIN_OBJECTS = 2000;

    /**
     * A member's list, started from what the member can see (the same rule as {@code
     * library_object_rank > 0}, which only ranks the rows of the page): each way of seeing an object
     * gives its own newest-first page (what they created; what is granted to them, one of their
     * teams or the whole organisation; what an active membership of a live plugin they can use
     * holds), and the list is the newest page of their union. Each part is bounded by the page and by
     * what the member sees, not by the size of the organisation.
     */
    static final String LIST_VISIBLE = listVisible(DENSE_PLUGIN_OBJECTS);

    /**
     * {@link #LIST_VISIBLE} with the plugin part switching to a walk from {@code densePluginObjects}
     * objects on (decided once per query, on a count that stops at that number: PostgreSQL plans
     * before it knows how many objects the member's plugins hold, so the SQL gives it both forms and
     * runs one).
     */
    static String listVisible(int densePluginObjects) {
        return "WITH teams AS MATERIALIZED ("
                + "   SELECT tm.team_id FROM team_membership tm WHERE tm.org_membership_id = $2),"
                + " usable AS MATERIALIZED ("
                + "   SELECT p.id FROM plugin p WHERE p.organization_id = $1 AND p.status <> 'deleted'"
                + "   AND (p.created_by_org_membership_id = $2 OR EXISTS (SELECT 1 FROM plugin_access_grant g"
                + "     WHERE g.plugin_id = p.id AND g.removed_at IS NULL"
                + "     AND (g.org_wide OR g.org_membership_id = $2 OR g.team_id IN (SELECT team_id FROM teams))))),"
                // the usable plugins' objects, read plugin by plugin with a plan for each (V19), at
                // most densePluginObjects in all: that loses nothing where they are used (fewer in all)
                + " plugin_objects AS MATERIALIZED (SELECT pm AS config_object_id"
                + "   FROM library_plugin_object_ids(ARRAY(SELECT id FROM usable), " + densePluginObjects + ") pm),"
                + " dense AS MATERIALIZED (SELECT count(*) >= " + densePluginObjects + " AS yes FROM plugin_objects)"
                + SELECT + " WHERE o.id IN ("
                // what they created: the creator index, newest first
                + "   (SELECT o.id FROM config_object o WHERE o.created_by_org_membership_id = $2"
                + FILTERS + NEWEST_FIRST + ")"
                // granted to them, their teams or the whole organisation: fetched by id
                + "   UNION ALL (SELECT o.id FROM config_object o WHERE o.id = ANY (ARRAY("
                + "     SELECT g.config_object_id FROM config_object_access_grant g"
                + "     WHERE g.removed_at IS NULL AND g.org_membership_id = $2"
                + "     UNION ALL SELECT g.config_object_id FROM config_object_access_grant g"
                + "     WHERE g.removed_at IS NULL AND g.team_id = ANY (ARRAY(SELECT team_id FROM teams))"
                + "     UNION ALL SELECT g.config_object_id FROM config_object_access_grant g"
                + "     WHERE g.removed_at IS NULL AND g.org_wide))"
                + FILTERS + NEWEST_FIRST + ")"
                // in their plugins, few: fetched by id
                + "   UNION ALL (SELECT o.id FROM config_object o WHERE NOT (SELECT yes FROM dense)"
                + "     AND o.id = ANY (ARRAY(SELECT config_object_id FROM plugin_objects))"
                + FILTERS + NEWEST_FIRST + ")"
                // in their plugins, many: the organisation's objects newest first, each checked. OFFSET 0
                // keeps the EXISTS a per-row check: without it PostgreSQL may turn it into a join that
                // reads every member of the plugins and sorts them, which statistics alone decide
                + "   UNION ALL (SELECT o.id FROM config_object o WHERE (SELECT yes FROM dense)"
                + "     AND EXISTS (SELECT 1 FROM plugin_config_object m WHERE m.config_object_id = o.id"
                + "       AND m.removed_at IS NULL AND m.plugin_id IN (SELECT id FROM usable) OFFSET 0)"
                + FILTERS + NEWEST_FIRST + "))"
                + NEWEST_FIRST;
    }

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
        return db.preparedQuery(admin ? LIST : LIST_VISIBLE)
                .execute(Sql.tuple(
                        organizationId,
                        member,
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
