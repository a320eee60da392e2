package io.plugsync.dispatcher.library;

import io.plugsync.dispatcher.metrics.DispatcherMetrics;
import io.plugsync.dispatcher.replica.AwsResources;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The library replica's drift check and repair: every plugin, member, team and organisation is
 * re-resolved from PostgreSQL and compared with what the replica holds, through the same {@link
 * LibraryDelivery} the event handlers use. A match writes nothing; a mismatch (an item lost or
 * edited in DynamoDB, a delivery parked dead) is repaired on the spot. That is safe beside the
 * event path because every delivery of a target holds its {@code library_delivery} row and resolves
 * what is committed, so the later of two deliveries always writes the newer state.
 */
@ApplicationScoped
public class LibraryDriftChecker {
    private static final Logger LOG = Logger.getLogger(LibraryDriftChecker.class);
    // PostgreSQL orders uuids as unsigned bytes: the all-zero uuid sorts first
    private static final UUID FIRST = new UUID(0L, 0L);
    private static final int PAGE = 200;
    private static final int AT_ONCE = 4;

    /** One kind of target and how to page through it (keyset on id). */
    private record Kind(String name, String sql, Function<Row, DeliveryTarget> target) {}

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    "plugin",
                    "SELECT id FROM plugin WHERE id > $1 ORDER BY id LIMIT $2",
                    row -> new DeliveryTarget.Plugin(row.getUUID("id"))),
            new Kind(
                    "member",
                    "SELECT id, organization_id FROM org_membership WHERE id > $1 ORDER BY id LIMIT $2",
                    row -> new DeliveryTarget.Member(row.getUUID("organization_id"), row.getUUID("id"))),
            new Kind(
                    "team",
                    "SELECT id, organization_id FROM team WHERE id > $1 ORDER BY id LIMIT $2",
                    row -> new DeliveryTarget.Team(row.getUUID("organization_id"), row.getUUID("id"))),
            new Kind(
                    "org",
                    "SELECT id FROM organization WHERE id > $1 ORDER BY id LIMIT $2",
                    row -> new DeliveryTarget.Org(row.getUUID("id"))));

    private final Pool pool;
    private final LibraryDelivery delivery;
    private final AwsResources resources;
    private final DispatcherMetrics metrics;

    public LibraryDriftChecker(Pool pool, LibraryDelivery delivery, AwsResources resources, DispatcherMetrics metrics) {
        this.pool = pool;
        this.delivery = delivery;
        this.resources = resources;
        this.metrics = metrics;
    }

    @Scheduled(
            every = "${plugsync.dispatcher.drift.interval:5m}",
            delayed = "${plugsync.dispatcher.drift.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return check().invoke(r -> {
                    if (!r.drifted().isEmpty()) {
                        LOG.warnf("library drift check repaired %s (checked %s)", r.repaired(), r.checked());
                    }
                })
                .onFailure()
                .invoke(e -> LOG.warnf("library drift check failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<LibraryDriftReport> check() {
        Tally tally = new Tally();
        Uni<Void> all = resources.libraryReady();
        for (Kind kind : KINDS) {
            all = all.chain(() -> checkFrom(kind, FIRST, tally));
        }
        return all.map(ignored -> {
            LibraryDriftReport report = tally.report();
            report.repaired().forEach((kind, count) -> metrics.libraryDrift(kind, count));
            return report;
        });
    }

    private Uni<Void> checkFrom(Kind kind, UUID after, Tally tally) {
        return pool.preparedQuery(kind.sql()).execute(Tuple.of(after, PAGE)).chain(rows -> {
            List<DeliveryTarget> page = new ArrayList<>(rows.size());
            List<UUID> ids = new ArrayList<>(rows.size());
            rows.forEach(row -> {
                page.add(kind.target().apply(row));
                ids.add(row.getUUID("id"));
            });
            if (page.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Multi.createFrom()
                    .iterable(page)
                    .onItem()
                    .transformToUni(target -> delivery.deliver(target).invoke(result -> tally.add(target, result)))
                    .merge(AT_ONCE)
                    .collect()
                    .last()
                    .chain(() -> page.size() < PAGE
                            ? Uni.createFrom().voidItem()
                            : checkFrom(kind, ids.get(ids.size() - 1), tally));
        });
    }

    private static final class Tally {
        private final Map<String, Long> checked = new TreeMap<>();
        private final Map<String, Long> repaired = new TreeMap<>();
        private final List<String> drifted = new ArrayList<>();

        synchronized void add(DeliveryTarget target, LibraryDelivery.Result result) {
            checked.merge(target.kind(), 1L, Long::sum);
            repaired.putIfAbsent(target.kind(), 0L);
            if (result == LibraryDelivery.Result.WRITTEN || result == LibraryDelivery.Result.RECORDED) {
                repaired.merge(target.kind(), 1L, Long::sum);
                if (drifted.size() < 100) {
                    drifted.add(target.key());
                }
            }
        }

        synchronized LibraryDriftReport report() {
            return new LibraryDriftReport(
                    OffsetDateTime.now(), Map.copyOf(checked), Map.copyOf(repaired), List.copyOf(drifted));
        }
    }
}
