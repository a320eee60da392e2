package io.plugsync.dispatcher.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.plugsync.common.delivery.DeliveredFiles;
import io.plugsync.common.delivery.ResolvedPlugin;
import io.plugsync.common.library.PluginResolution;
import io.plugsync.common.library.VersionContent;
import io.plugsync.common.library.VersionSealer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the library replica must hold, read from PostgreSQL (the source of truth): a plugin as it
 * resolves now ({@link PluginResolution#current}, members' content opened for re-sealing under the
 * replica's associated data) and the plugins each principal may use, from the active grants.
 */
@ApplicationScoped
public class LibrarySource {
    /** A deleted plugin delivers nothing; every other status keeps its members (restore is a status change). */
    static final String DELETED = "deleted";

    private static final String LIVE_PLUGIN = "p.status <> '" + DELETED + "'";

    private static final ObjectWriter PRETTY = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private final VersionSealer sealer;

    public LibrarySource(VersionSealer sealer) {
        this.sealer = sealer;
    }

    /** The plugin as delivered now; empty when no such plugin exists. */
    public Uni<Optional<ResolvedPlugin>> plugin(SqlClient db, UUID pluginId) {
        return db.preparedQuery("SELECT id, organization_id, name, description, status FROM plugin WHERE id = $1")
                .execute(Tuple.of(pluginId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<ResolvedPlugin>empty());
                    }
                    Row p = rows.iterator().next();
                    String status = p.getString("status");
                    Uni<List<PluginResolution.Member>> members = DELETED.equals(status)
                            ? Uni.createFrom().item(List.of())
                            : PluginResolution.current(db, pluginId);
                    return members.map(resolved -> Optional.of(new ResolvedPlugin(
                            pluginId,
                            p.getUUID("organization_id"),
                            p.getString("name"),
                            p.getString("description"),
                            status,
                            delivered(resolved))));
                });
    }

    private List<ResolvedPlugin.Member> delivered(List<PluginResolution.Member> members) {
        List<ResolvedPlugin.Member> out = new ArrayList<>(members.size());
        for (PluginResolution.Member m : members) {
            VersionContent content = sealer.open(m.version());
            out.add(new ResolvedPlugin.Member(
                    m.configObjectId(),
                    m.objectType(),
                    m.title(),
                    m.version().id(),
                    m.version().createdAt(),
                    DeliveredFiles.path(
                            m.objectType(),
                            m.slug(),
                            m.fileName(),
                            m.configObjectId().toString()),
                    fileText(content)));
        }
        return out;
    }

    /** The file as installed: the source text when there is one, else the normalized JSON, pretty. */
    static String fileText(VersionContent content) {
        if (content.rawText() != null) {
            return content.rawText();
        }
        try {
            return PRETTY.writeValueAsString(content.payload()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload does not serialise", e);
        }
    }

    /** The plugins a principal may use and, for a member, its teams. */
    public record Entitlement(List<UUID> pluginIds, List<UUID> teamIds) {}

    public Uni<Entitlement> entitlement(SqlClient db, DeliveryTarget.Principal principal) {
        if (principal instanceof DeliveryTarget.Member m) {
            return member(db, m);
        }
        if (principal instanceof DeliveryTarget.Team t) {
            return ids(
                            db,
                            "SELECT DISTINCT p.id FROM plugin p JOIN plugin_access_grant g ON g.plugin_id = p.id"
                                    + " JOIN team t ON t.id = g.team_id AND t.organization_id = p.organization_id"
                                    + " AND t.deleted_at IS NULL"
                                    + " WHERE p.organization_id = $1 AND g.team_id = $2 AND g.removed_at IS NULL"
                                    + " AND " + LIVE_PLUGIN + " ORDER BY p.id",
                            Tuple.of(t.organizationId(), t.teamId()))
                    .map(plugins -> new Entitlement(plugins, null));
        }
        return ids(
                        db,
                        "SELECT DISTINCT p.id FROM plugin p JOIN plugin_access_grant g ON g.plugin_id = p.id"
                                + " WHERE p.organization_id = $1 AND g.org_wide AND g.removed_at IS NULL"
                                + " AND " + LIVE_PLUGIN + " ORDER BY p.id",
                        Tuple.of(principal.organizationId()))
                .map(plugins -> new Entitlement(plugins, null));
    }

    /**
     * A member's own plugins (granted to it directly, or created by it) and its teams; nothing for
     * a member removed from the organisation.
     */
    private Uni<Entitlement> member(SqlClient db, DeliveryTarget.Member m) {
        Tuple key = Tuple.of(m.organizationId(), m.membershipId());
        String current = " AND EXISTS (SELECT 1 FROM org_membership om WHERE om.id = $2"
                + " AND om.organization_id = $1 AND om.removed_at IS NULL)";
        Uni<List<UUID>> plugins = ids(
                db,
                "SELECT p.id FROM plugin p WHERE p.organization_id = $1 AND " + LIVE_PLUGIN
                        + " AND (p.created_by_org_membership_id = $2 OR EXISTS (SELECT 1 FROM plugin_access_grant g"
                        + "   WHERE g.plugin_id = p.id AND g.org_membership_id = $2 AND g.removed_at IS NULL))"
                        + current + " ORDER BY p.id",
                key);
        Uni<List<UUID>> teams = ids(
                db,
                "SELECT t.id FROM team_membership tm JOIN team t ON t.id = tm.team_id"
                        + " WHERE t.organization_id = $1 AND tm.org_membership_id = $2 AND t.deleted_at IS NULL"
                        + current + " ORDER BY t.id",
                key);
        return plugins.chain(p -> teams.map(t -> new Entitlement(p, t)));
    }

    private static Uni<List<UUID>> ids(SqlClient db, String sql, Tuple args) {
        return db.preparedQuery(sql).execute(args).map(LibrarySource::firstColumn);
    }

    static List<UUID> firstColumn(RowSet<Row> rows) {
        List<UUID> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(row.getUUID(0)));
        return out;
    }
}
