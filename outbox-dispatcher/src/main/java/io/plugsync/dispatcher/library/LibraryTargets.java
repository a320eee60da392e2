package io.plugsync.dispatcher.library;

import io.plugsync.common.outbox.ConfigObjectChanged;
import io.plugsync.common.outbox.ConfigObjectVersionCreated;
import io.plugsync.common.outbox.OutboxPayload;
import io.plugsync.common.outbox.PluginChanged;
import io.plugsync.common.outbox.PluginGrantChanged;
import io.plugsync.common.outbox.PluginMembershipChanged;
import io.plugsync.common.outbox.PluginReleaseCreated;
import io.plugsync.common.outbox.TeamChanged;
import io.plugsync.common.outbox.TeamMembershipChanged;
import io.plugsync.dispatcher.outbox.PermanentDeliveryException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which parts of the library replica a library event makes stale: the fan-out of the outbox
 * contract's library events (documented in docs/ARCHITECTURE.md).
 *
 * <ul>
 *   <li>a config object's new version or status change: every plugin holding it (active
 *       membership); one object may sit in many plugins;
 *   <li>a membership change or a release: that plugin;
 *   <li>a plugin's create, update or delete: the plugin, its creator's entitlement (creators use
 *       what they made) and every principal holding a grant on it;
 *   <li>a plugin grant: the principal it names (member, team or the whole organisation);
 *   <li>a team created, renamed or deleted: the team; a team membership: the member (its item
 *       lists its teams).
 * </ul>
 */
@ApplicationScoped
public class LibraryTargets {
    private final Pool pool;

    public LibraryTargets(Pool pool) {
        this.pool = pool;
    }

    public Uni<Set<DeliveryTarget>> of(OutboxPayload event) {
        return Uni.createFrom().deferred(() -> targets(event));
    }

    private Uni<Set<DeliveryTarget>> targets(OutboxPayload event) {
        if (event instanceof ConfigObjectVersionCreated created) {
            return pluginsHolding(created.configObjectId());
        }
        if (event instanceof ConfigObjectChanged changed) {
            return pluginsHolding(changed.configObjectId());
        }
        if (event instanceof PluginMembershipChanged membership) {
            return just(new DeliveryTarget.Plugin(membership.pluginId()));
        }
        if (event instanceof PluginReleaseCreated release) {
            return just(new DeliveryTarget.Plugin(release.pluginId()));
        }
        if (event instanceof PluginChanged plugin) {
            return pluginAndAudience(plugin.organizationId(), plugin.pluginId());
        }
        if (event instanceof PluginGrantChanged grant) {
            return just(principal(grant.organizationId(), grant.orgMembershipId(), grant.teamId(), grant.orgWide()));
        }
        if (event instanceof TeamChanged team) {
            return just(new DeliveryTarget.Team(team.organizationId(), team.teamId()));
        }
        if (event instanceof TeamMembershipChanged membership) {
            return just(new DeliveryTarget.Member(membership.organizationId(), membership.orgMembershipId()));
        }
        return Uni.createFrom()
                .failure(new PermanentDeliveryException("library handler does not know event type '"
                        + event.eventType().name() + "'"));
    }

    private Uni<Set<DeliveryTarget>> pluginsHolding(UUID configObjectId) {
        return pool.preparedQuery("SELECT DISTINCT plugin_id FROM plugin_config_object"
                        + " WHERE config_object_id = $1 AND removed_at IS NULL")
                .execute(Tuple.of(configObjectId))
                .map(rows -> {
                    Set<DeliveryTarget> out = new LinkedHashSet<>();
                    LibrarySource.firstColumn(rows).forEach(id -> out.add(new DeliveryTarget.Plugin(id)));
                    return out;
                });
    }

    private Uni<Set<DeliveryTarget>> pluginAndAudience(UUID organizationId, UUID pluginId) {
        return pool.preparedQuery("SELECT created_by_org_membership_id AS member, NULL::uuid AS team, false AS org_wide"
                        + " FROM plugin WHERE id = $1 AND created_by_org_membership_id IS NOT NULL"
                        + " UNION SELECT org_membership_id, team_id, org_wide FROM plugin_access_grant"
                        + " WHERE plugin_id = $1 AND removed_at IS NULL")
                .execute(Tuple.of(pluginId))
                .map(rows -> {
                    Set<DeliveryTarget> out = new LinkedHashSet<>();
                    out.add(new DeliveryTarget.Plugin(pluginId));
                    rows.forEach(row -> out.add(principal(
                            organizationId, row.getUUID("member"), row.getUUID("team"), row.getBoolean("org_wide"))));
                    return out;
                });
    }

    private static DeliveryTarget principal(UUID organizationId, UUID membershipId, UUID teamId, boolean orgWide) {
        if (membershipId != null) {
            return new DeliveryTarget.Member(organizationId, membershipId);
        }
        if (teamId != null) {
            return new DeliveryTarget.Team(organizationId, teamId);
        }
        if (orgWide) {
            return new DeliveryTarget.Org(organizationId);
        }
        throw new PermanentDeliveryException("a plugin grant names no principal");
    }

    private static Uni<Set<DeliveryTarget>> just(DeliveryTarget target) {
        return Uni.createFrom().item(Set.of(target));
    }
}
