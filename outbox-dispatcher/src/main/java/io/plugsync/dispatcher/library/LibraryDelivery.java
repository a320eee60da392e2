package io.plugsync.dispatcher.library;

import io.plugsync.common.delivery.LibraryReplicaItems;
import io.plugsync.common.delivery.PluginChangeNotification;
import io.plugsync.common.delivery.ResolvedPlugin;
import io.plugsync.common.library.PayloadCipher;
import io.plugsync.dispatcher.metrics.DispatcherMetrics;
import io.plugsync.dispatcher.notify.PluginNotifier;
import io.plugsync.dispatcher.outbox.PermanentDeliveryException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Re-resolves one {@link DeliveryTarget} from PostgreSQL and brings the library replica to it, in
 * one transaction that holds the target's {@code library_delivery} row locked: two dispatcher
 * replicas delivering the same target serialise, and the second resolves what the first could not
 * yet see.
 *
 * <p>The replica, not the row, decides whether anything is written: if the item it holds already
 * has the resolved checksum (plugins) or lists (principals), nothing is. Otherwise the new delivery
 * version is one above both the row's and the replica's (a crash between the replica write and the
 * commit leaves the replica ahead of the row; the next delivery never reuses that number), written
 * conditionally on the replica holding an older one. A plugin's new delivery is announced on SQS
 * (de-duplicated by plugin and version) before the row records it, so a lost announcement is sent
 * again on retry: "recorded" below.
 */
@ApplicationScoped
public class LibraryDelivery {
    private static final Logger LOG = Logger.getLogger(LibraryDelivery.class);

    /** What delivering a target did (also the metric's outcome tag). */
    public enum Result {
        WRITTEN,
        UNCHANGED,
        /** The replica held it already but the row did not: announced again and recorded. */
        RECORDED,
        /** The target no longer exists in PostgreSQL (e.g. an event for a plugin never committed). */
        GONE
    }

    private final Pool pool;
    private final LibrarySource source;
    private final LibraryReplicaWriter replica;
    private final PluginNotifier notifier;
    private final PayloadCipher cipher;
    private final DispatcherMetrics metrics;

    public LibraryDelivery(
            Pool pool,
            LibrarySource source,
            LibraryReplicaWriter replica,
            PluginNotifier notifier,
            PayloadCipher cipher,
            DispatcherMetrics metrics) {
        this.pool = pool;
        this.source = source;
        this.replica = replica;
        this.notifier = notifier;
        this.cipher = cipher;
        this.metrics = metrics;
    }

    /** The row's last recorded delivery. */
    private record Recorded(long version, String checksum) {}

    public Uni<Result> deliver(DeliveryTarget target) {
        return pool.withTransaction(tx -> lock(tx, target.key())
                        .chain(recorded -> target instanceof DeliveryTarget.Plugin plugin
                                ? plugin(tx, plugin, recorded)
                                : principal(tx, (DeliveryTarget.Principal) target, recorded)))
                .invoke(result -> metrics.library(target.kind(), result.name().toLowerCase(Locale.ROOT)));
    }

    private Uni<Result> plugin(SqlClient tx, DeliveryTarget.Plugin target, Recorded recorded) {
        UUID pluginId = target.pluginId();
        return source.plugin(tx, pluginId).chain(resolved -> {
            if (resolved.isEmpty()) {
                LOG.warnf("plugin %s does not exist: nothing to deliver", pluginId);
                return Uni.createFrom().item(Result.GONE);
            }
            ResolvedPlugin plugin = resolved.get();
            String checksum = plugin.checksum();
            return replica.head(pluginId).chain(held -> {
                if (held.isPresent() && checksum.equals(held.get().checksum())) {
                    long version = held.get().version();
                    if (version == recorded.version() && checksum.equals(recorded.checksum())) {
                        return Uni.createFrom().item(Result.UNCHANGED);
                    }
                    return announce(plugin, version, checksum)
                            .chain(() -> record(tx, target.key(), version, checksum))
                            .replaceWith(Result.RECORDED);
                }
                long version = next(recorded, held);
                LibraryReplicaItems.PluginItems items;
                try {
                    items = LibraryReplicaItems.plugin(plugin, version, cipher);
                } catch (IllegalArgumentException tooLarge) {
                    return Uni.createFrom().failure(new PermanentDeliveryException(tooLarge.getMessage()));
                }
                return replica.writePlugin(items, version)
                        .chain(() -> announce(plugin, version, checksum))
                        .chain(() -> record(tx, target.key(), version, checksum))
                        .chain(() -> held.isPresent() && held.get().chunks() > 0
                                ? replica.dropChunks(
                                        pluginId,
                                        held.get().version(),
                                        held.get().chunks())
                                : Uni.createFrom().voidItem())
                        .replaceWith(Result.WRITTEN);
            });
        });
    }

    private Uni<Result> principal(SqlClient tx, DeliveryTarget.Principal target, Recorded recorded) {
        return source.entitlement(tx, target).chain(entitlement -> {
            List<String> plugins = strings(entitlement.pluginIds());
            List<String> teams = entitlement.teamIds() == null ? null : strings(entitlement.teamIds());
            String checksum = String.join(",", plugins) + (teams == null ? "" : "|" + String.join(",", teams));
            return replica.entitlement(target.organizationId(), target.sk()).chain(held -> {
                if (held.isEmpty() && plugins.isEmpty() && (teams == null || teams.isEmpty())) {
                    // nothing to list and nothing listed: no item is the same as an empty one
                    return Uni.createFrom().item(Result.UNCHANGED);
                }
                if (held.isPresent()
                        && plugins.equals(sorted(held.get().pluginIds()))
                        && Objects.equals(teams, sorted(held.get().teamIds()))) {
                    long version = held.get().version();
                    return version == recorded.version()
                            ? Uni.createFrom().item(Result.UNCHANGED)
                            : record(tx, target.key(), version, checksum).replaceWith(Result.RECORDED);
                }
                long version = next(recorded, held);
                return replica.writeEntitlement(
                                LibraryReplicaItems.entitlement(
                                        target.organizationId(),
                                        target.sk(),
                                        version,
                                        entitlement.pluginIds(),
                                        entitlement.teamIds()),
                                version)
                        .chain(() -> record(tx, target.key(), version, checksum))
                        .replaceWith(Result.WRITTEN);
            });
        });
    }

    private static long next(Recorded recorded, Optional<LibraryReplicaWriter.Held> held) {
        return Math.max(
                        recorded.version(),
                        held.map(LibraryReplicaWriter.Held::version).orElse(0L))
                + 1;
    }

    private Uni<Void> announce(ResolvedPlugin plugin, long version, String checksum) {
        return notifier.send(new PluginChangeNotification(
                plugin.pluginId(), plugin.organizationId(), version, checksum, plugin.status()));
    }

    /** Creates the target's row if needed and locks it for this transaction. */
    private static Uni<Recorded> lock(SqlClient tx, String key) {
        return tx.preparedQuery("INSERT INTO library_delivery (item_key) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(key))
                .chain(() -> tx.preparedQuery(
                                "SELECT version, checksum FROM library_delivery WHERE item_key = $1 FOR UPDATE")
                        .execute(Tuple.of(key)))
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new Recorded(row.getLong("version"), row.getString("checksum"));
                });
    }

    private static Uni<Void> record(SqlClient tx, String key, long version, String checksum) {
        return tx.preparedQuery("UPDATE library_delivery SET version = $2, checksum = $3, delivered_at = now()"
                        + " WHERE item_key = $1")
                .execute(Tuple.of(key, version, checksum))
                .replaceWithVoid();
    }

    private static List<String> strings(List<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().toList();
    }

    private static List<String> sorted(List<String> ids) {
        return ids == null ? null : ids.stream().sorted().toList();
    }
}
