package io.plugsync.dispatcher.drift;

import io.plugsync.common.outbox.ConnectorVersionPublished;
import io.plugsync.common.outbox.OutboxWriter;
import io.plugsync.common.replica.DynamoConfigStore;
import io.plugsync.dispatcher.connector.PublishedVersionRepository;
import io.plugsync.dispatcher.connector.PublishedVersionRepository.ActiveVersion;
import io.plugsync.dispatcher.outbox.OutboxDrainer;
import io.plugsync.dispatcher.replica.AwsResources;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Compares each connector's active version in PostgreSQL with the replica's active pointer. A
 * missing or older pointer is repaired by enqueueing a fresh {@code connector.version.published}
 * event for the active version (only when the connector has nothing in line already), so the
 * repair goes through the same ordered, idempotent path as every publish.
 */
@ApplicationScoped
public class DriftChecker {
    private static final Logger LOG = Logger.getLogger(DriftChecker.class);
    // PostgreSQL orders uuids as unsigned bytes: the all-zero uuid sorts first
    private static final UUID FIRST = new UUID(0L, 0L);
    private static final int PAGE = 200;

    private final PublishedVersionRepository versions;
    private final OutboxDrainer drainer;
    private final DriftMetrics metrics;
    private final AwsResources resources;
    private final Pool pool;
    private final DynamoConfigStore store;

    public DriftChecker(
            PublishedVersionRepository versions,
            OutboxDrainer drainer,
            DriftMetrics metrics,
            AwsResources resources,
            Pool pool,
            DynamoDbAsyncClient dynamo) {
        this.versions = versions;
        this.drainer = drainer;
        this.metrics = metrics;
        this.resources = resources;
        this.pool = pool;
        this.store = new DynamoConfigStore(dynamo, resources.table());
    }

    @Scheduled(
            every = "${plugsync.dispatcher.drift.interval:5m}",
            delayed = "${plugsync.dispatcher.drift.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return check().invoke(r -> {
                    if (r.inSync() != r.checked()) {
                        LOG.warnf(
                                "drift check: %d of %d connectors out of sync, %d repairs enqueued",
                                r.checked() - r.inSync(), r.checked(), r.repaired());
                    }
                })
                .onFailure()
                .invoke(e -> LOG.warnf("drift check failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<DriftReport> check() {
        return resources.ready().chain(() -> checkFrom(FIRST, new Tally())).map(tally -> {
            DriftReport report = tally.report();
            metrics.record(report);
            if (report.repaired() > 0) {
                drainer.wake();
            }
            return report;
        });
    }

    private Uni<Tally> checkFrom(UUID after, Tally tally) {
        return versions.activeVersions(after, PAGE).chain(page -> {
            if (page.isEmpty()) {
                return Uni.createFrom().item(tally);
            }
            return Multi.createFrom()
                    .iterable(page)
                    .onItem()
                    .transformToUni(this::compare)
                    .merge(16)
                    .collect()
                    .asList()
                    .chain(results -> {
                        results.forEach(tally::add);
                        return page.size() < PAGE
                                ? Uni.createFrom().item(tally)
                                : checkFrom(page.get(page.size() - 1).connectorId(), tally);
                    });
        });
    }

    private Uni<Result> compare(ActiveVersion active) {
        return Uni.createFrom()
                .completionStage(() -> store.activeVersion(active.connectorId()))
                .chain(replica -> {
                    State state = replica.isEmpty()
                            ? State.MISSING
                            : replica.get() < active.version()
                                    ? State.BEHIND
                                    : replica.get() > active.version() ? State.AHEAD : State.IN_SYNC;
                    if (state != State.MISSING && state != State.BEHIND) {
                        return Uni.createFrom().item(new Result(active, replica, state, false));
                    }
                    return OutboxWriter.appendIfIdle(
                                    pool,
                                    new ConnectorVersionPublished(
                                            active.connectorId(),
                                            active.organizationId(),
                                            active.version(),
                                            active.checksum(),
                                            active.publishedAt()))
                            .map(enqueued -> new Result(active, replica, state, enqueued));
                });
    }

    private enum State {
        IN_SYNC,
        MISSING,
        BEHIND,
        AHEAD
    }

    private record Result(ActiveVersion active, Optional<Integer> replica, State state, boolean enqueued) {}

    private static final class Tally {
        long checked;
        long inSync;
        long missing;
        long behind;
        long ahead;
        long repaired;
        final List<DriftReport.Drift> drifted = new ArrayList<>();

        void add(Result r) {
            checked++;
            switch (r.state()) {
                case IN_SYNC -> inSync++;
                case MISSING -> missing++;
                case BEHIND -> behind++;
                case AHEAD -> ahead++;
            }
            if (r.enqueued()) {
                repaired++;
            }
            if (r.state() != State.IN_SYNC && drifted.size() < 100) {
                drifted.add(new DriftReport.Drift(
                        r.active().connectorId(),
                        r.active().version(),
                        r.replica().orElse(null),
                        r.enqueued()));
            }
        }

        DriftReport report() {
            return new DriftReport(
                    OffsetDateTime.now(), checked, inSync, missing, behind, ahead, repaired, List.copyOf(drifted));
        }
    }
}
