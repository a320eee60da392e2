package io.plugsync.api.mcp.library;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Narrow read-only SQL over config objects for the MCP search tools, until the config library
 * service is merged. Objects are private by default (seed 001): a caller sees an object of an
 * organisation it belongs to when it is an owner/admin there, created it, holds a live grant on it
 * (as member, through a team, or org-wide), or can see a plugin that contains it.
 */
@ApplicationScoped
public class LibraryReadRepository {
    /** $1 member orgs, $2 orgs where the caller is owner/admin, $3 subject. */
    private static final String VISIBLE = " co.organization_id = ANY($1) AND co.deleted_at IS NULL"
            + " AND co.status <> 'deleted' AND ("
            + " co.organization_id = ANY($2)"
            + " OR co.created_by_org_membership_id IN (SELECT id FROM my_memberships)"
            + " OR EXISTS (SELECT 1 FROM config_object_access_grant g WHERE g.config_object_id = co.id"
            + "   AND g.removed_at IS NULL AND (g.org_wide OR g.org_membership_id IN (SELECT id FROM my_memberships)"
            + "   OR g.team_id IN (SELECT team_id FROM my_teams)))"
            + " OR EXISTS (SELECT 1 FROM plugin_config_object pco JOIN plugin p ON p.id = pco.plugin_id"
            + "   WHERE pco.config_object_id = co.id AND pco.removed_at IS NULL AND p.deleted_at IS NULL"
            + "   AND (p.created_by_org_membership_id IN (SELECT id FROM my_memberships)"
            + "   OR EXISTS (SELECT 1 FROM plugin_access_grant pg WHERE pg.plugin_id = p.id AND pg.removed_at IS NULL"
            + "     AND (pg.org_wide OR pg.org_membership_id IN (SELECT id FROM my_memberships)"
            + "     OR pg.team_id IN (SELECT team_id FROM my_teams))))))";

    private static final String WITH = "WITH my_memberships AS (SELECT id FROM org_membership"
            + " WHERE subject = $3 AND removed_at IS NULL AND organization_id = ANY($1)),"
            + " my_teams AS (SELECT tm.team_id FROM team_membership tm"
            + " WHERE tm.org_membership_id IN (SELECT id FROM my_memberships)) ";

    private static final String SELECT = "SELECT co.id, co.organization_id, co.object_type, co.title,"
            + " co.description, co.slug, co.current_relative_path, co.source_mode, co.status, co.created_at,"
            + " co.updated_at, (SELECT count(*) FROM config_object_version v WHERE v.config_object_id = co.id)"
            + " AS version_count, (SELECT max(v.created_at) FROM config_object_version v"
            + " WHERE v.config_object_id = co.id) AS latest_version_at FROM config_object co WHERE ";

    /** One page ordered by (title, id); {@code query} matches title, description and search text. */
    public Uni<List<LibraryObjectView>> search(
            SqlClient db,
            UUID[] memberOrgs,
            UUID[] adminOrgs,
            String subject,
            String query,
            String objectType,
            String afterTitle,
            UUID afterId,
            int limit) {
        String sql = WITH + SELECT + VISIBLE
                + " AND ($4::text IS NULL OR to_tsvector('simple', coalesce(co.title, '') || ' '"
                + " || coalesce(co.description, '') || ' ' || coalesce(co.search_text, ''))"
                + " @@ plainto_tsquery('simple', $4)"
                + " OR co.title ILIKE '%' || $4 || '%' OR co.slug ILIKE '%' || $4 || '%')"
                + " AND ($5::text IS NULL OR co.object_type = $5)"
                + " AND ($6::text IS NULL OR (co.title, co.id) > ($6, $7))"
                + " ORDER BY co.title, co.id LIMIT $8";
        return db.preparedQuery(sql)
                .execute(Tuple.from(
                        new Object[] {memberOrgs, adminOrgs, subject, query, objectType, afterTitle, afterId, limit}))
                .map(rows -> {
                    List<LibraryObjectView> out = new ArrayList<>();
                    rows.forEach(row -> out.add(view(row)));
                    return out;
                });
    }

    public Uni<Optional<LibraryObjectView>> find(
            SqlClient db, UUID[] memberOrgs, UUID[] adminOrgs, String subject, UUID id) {
        return db.preparedQuery(WITH + SELECT + VISIBLE + " AND co.id = $4")
                .execute(Tuple.of(memberOrgs, adminOrgs, subject, id))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(view(it.next())) : Optional.empty();
                });
    }

    private static LibraryObjectView view(Row row) {
        return new LibraryObjectView(
                row.getUUID("id"),
                row.getUUID("organization_id"),
                row.getString("object_type"),
                row.getString("title"),
                row.getString("description"),
                row.getString("slug"),
                row.getString("current_relative_path"),
                row.getString("source_mode"),
                row.getString("status"),
                row.getLong("version_count").intValue(),
                row.getOffsetDateTime("latest_version_at"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
