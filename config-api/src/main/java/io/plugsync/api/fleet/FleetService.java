package io.plugsync.api.fleet;

import io.plugsync.api.connector.ConnectorAccess;
import io.plugsync.api.rollout.RolloutConfig;
import io.plugsync.api.rollout.RolloutMetrics;
import io.plugsync.api.rollout.RolloutMove;
import io.plugsync.api.rollout.RolloutRepository;
import io.plugsync.api.rollout.RolloutRow;
import io.plugsync.api.rollout.RolloutView;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.http.Cursor;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Worker reports and the fleet view. A report comes with a worker credential for its connector; it
 * replaces the worker's previous report (one row per worker: storage is bounded by the number of
 * workers, capped per connector, and stale workers are pruned) unless that one is younger than the
 * minimum interval, and adds to the open rollout's health counters. The fleet view is for anyone who
 * may read the connector.
 */
@ApplicationScoped
public class FleetService {
    static final Pattern WORKER_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$");
    static final Pattern GROUP = Pattern.compile("^[a-z0-9]+([-_][a-z0-9]+)*$");
    static final String REPORT = "connector:fleet:report";

    private final Pool pool;
    private final ConnectorAccess access;
    private final FleetRepository fleet;
    private final RolloutRepository rollouts;
    private final RolloutConfig config;
    private final RolloutMetrics metrics;

    public FleetService(
            Pool pool,
            ConnectorAccess access,
            FleetRepository fleet,
            RolloutRepository rollouts,
            RolloutConfig config,
            RolloutMetrics metrics) {
        this.pool = pool;
        this.access = access;
        this.fleet = fleet;
        this.rollouts = rollouts;
        this.config = config;
        this.metrics = metrics;
    }

    /** What became of a report. */
    public sealed interface Outcome {
        /** The outcome's metric label. */
        String label();

        record Accepted(FleetReportResult result) implements Outcome {
            @Override
            public String label() {
                return "accepted";
            }
        }

        /** Too soon after the worker's previous report. */
        record RateLimited(long retryAfterSeconds) implements Outcome {
            @Override
            public String label() {
                return "rate_limited";
            }
        }

        /** The connector has as many workers as it may keep. */
        record FleetFull(int maxWorkers) implements Outcome {
            @Override
            public String label() {
                return "fleet_full";
            }
        }
    }

    public Uni<Outcome> report(
            Optional<WorkerCredential> worker, Caller caller, UUID connectorId, FleetReportRequest body) {
        FleetRepository.Report report = validate(connectorId, body);
        Duration minInterval = config.fleet().reportMinInterval();
        return pool.withTransaction(db -> fleet.organizationOf(db, connectorId)
                        .map(org -> authorize(worker, caller, connectorId, org))
                        .chain(org -> fleet.update(db, report, minInterval))
                        .chain(updated -> updated.isPresent()
                                ? accepted(db, report, updated.get())
                                : fleet.waitMillis(db, connectorId, report.workerId(), minInterval)
                                        .chain(wait -> wait.isPresent()
                                                ? Uni.createFrom().item(rateLimited(wait.get()))
                                                : firstReport(db, report))))
                .invoke(outcome -> metrics.report(outcome.label()));
    }

    private Uni<Outcome> firstReport(SqlClient db, FleetRepository.Report report) {
        int max = config.fleet().maxWorkersPerConnector();
        return fleet.insert(db, report, max)
                .chain(inserted -> inserted.isPresent()
                        ? accepted(db, report, inserted.get())
                        // a concurrent first report of the same worker won, or the fleet is full
                        : fleet.waitMillis(
                                        db,
                                        report.connectorId(),
                                        report.workerId(),
                                        config.fleet().reportMinInterval())
                                .map(wait -> wait.isPresent() ? rateLimited(wait.get()) : new Outcome.FleetFull(max)));
    }

    private Uni<Outcome> accepted(SqlClient db, FleetRepository.Report report, OffsetDateTime at) {
        return fleet.count(db, report)
                .map(counted -> new Outcome.Accepted(new FleetReportResult(
                        report.workerId(),
                        report.version(),
                        at,
                        counted.map(FleetRepository.Counted::rolloutId).orElse(null),
                        counted.map(FleetRepository.Counted::step).orElse(null),
                        counted.isPresent())));
    }

    private static Outcome rateLimited(long waitMillis) {
        return new Outcome.RateLimited(Math.max(1, (waitMillis + 999) / 1000));
    }

    /**
     * A worker credential for this connector may report; anyone else may not: a 404 when they cannot
     * see the connector, a 403 when they can (people read the fleet, workers write it).
     */
    private static UUID authorize(
            Optional<WorkerCredential> worker, Caller caller, UUID connectorId, Optional<UUID> org) {
        String what = "connector " + connectorId;
        if (org.isEmpty()) {
            throw ProblemException.notFound(what);
        }
        if (worker.isPresent()) {
            if (!worker.get().serves(org.get(), connectorId)) {
                throw ProblemException.notFound(what);
            }
            return org.get();
        }
        OrgRole role = caller.roleIn(org.get()).orElseThrow(() -> ProblemException.notFound(what));
        throw new ProblemException(Problem.of(
                        403,
                        ProblemException.MISSING_CAPABILITY,
                        "Forbidden",
                        REPORT + " needs a worker credential for this connector (claim " + WorkerCredential.CLAIM
                                + "); organisation roles read the fleet but do not report")
                .with("missing_capability", REPORT)
                .with("your_org_role", role.wire()));
    }

    private static FleetRepository.Report validate(UUID connectorId, FleetReportRequest body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null) {
            throw ProblemException.invalid(
                    "a report is required",
                    List.of(new Problem.FieldError("", "{worker_id, version, events, errors}", "required")));
        }
        if (body.workerId() == null || !WORKER_ID.matcher(body.workerId()).matches()) {
            errors.add(new Problem.FieldError(
                    "/worker_id",
                    "a stable worker identity: 1 to 200 letters, digits, '.', '_', ':', '/' or '-'",
                    body.workerId() == null ? "required" : "pattern"));
        }
        if (body.group() != null
                && (!GROUP.matcher(body.group()).matches() || body.group().length() > 64)) {
            errors.add(new Problem.FieldError("/group", "lower case letters, digits, - or _, at most 64", "pattern"));
        }
        if (body.version() == null || body.version() < 0) {
            errors.add(new Problem.FieldError(
                    "/version",
                    "the version the worker runs (0: none yet)",
                    body.version() == null ? "required" : "range"));
        }
        long events = body.events() == null ? 0 : body.events();
        long failed = body.errors() == null ? 0 : body.errors();
        if (events < 0) {
            errors.add(new Problem.FieldError("/events", "0 or more", "range"));
        }
        if (failed < 0 || failed > Math.max(events, 0)) {
            errors.add(new Problem.FieldError("/errors", "0 or more, at most events", "range"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the report is invalid", errors);
        }
        return new FleetRepository.Report(connectorId, body.workerId(), body.group(), body.version(), events, failed);
    }

    /** The fleet view: a page of workers by id, the summary, and the rollout. */
    public Uni<FleetView> view(Caller caller, UUID connectorId, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        String after = cursor == null ? null : Cursor.decode(cursor, 1).get(0);
        return pool.withConnection(db -> access.read(db, caller, connectorId)
                .chain(org -> rollouts.latest(db, connectorId))
                .chain(latest -> rolloutParts(db, latest)
                        .chain(parts -> fleet.active(db, connectorId)
                                .chain(active -> fleet.versions(db, connectorId)
                                        .chain(versions -> fleet.page(db, connectorId, after, size + 1)
                                                .chain(rows -> fleet.now(db).map(now -> {
                                                    FleetTargets targets = new FleetTargets(
                                                            connectorId, latest, parts.moves(), active);
                                                    boolean more = rows.size() > size;
                                                    List<FleetWorkerRow> page = more ? rows.subList(0, size) : rows;
                                                    List<FleetView.Worker> items = page.stream()
                                                            .map(w -> worker(w, targets, now))
                                                            .toList();
                                                    List<FleetView.VersionCount> counts = new ArrayList<>();
                                                    versions.forEach(
                                                            (v, n) -> counts.add(new FleetView.VersionCount(v, n)));
                                                    long total = counts.stream()
                                                            .mapToLong(FleetView.VersionCount::workers)
                                                            .sum();
                                                    return new FleetView(
                                                            connectorId,
                                                            active.version(),
                                                            targets.servingVersion(),
                                                            new FleetView.Summary(total, counts),
                                                            parts.view(),
                                                            items,
                                                            more
                                                                    ? Cursor.encode(page.get(page.size() - 1)
                                                                            .workerId())
                                                                    : null,
                                                            now);
                                                })))))));
    }

    private record RolloutParts(RolloutView view, List<RolloutMove> moves) {}

    private Uni<RolloutParts> rolloutParts(SqlClient db, Optional<RolloutRow> latest) {
        if (latest.isEmpty()) {
            return Uni.createFrom().item(new RolloutParts(null, List.of()));
        }
        RolloutRow r = latest.get();
        return rollouts.health(db, r)
                .chain(health -> rollouts.moves(db, r.id())
                        .map(moves -> new RolloutParts(RolloutView.of(r, health, moves), moves)));
    }

    private static FleetView.Worker worker(FleetWorkerRow w, FleetTargets targets, OffsetDateTime now) {
        FleetTargets.Target target = targets.of(w.workerId(), w.group());
        boolean onTarget = w.version() == target.version();
        long lag = onTarget || target.since() == null
                ? 0
                : Math.max(0, Duration.between(target.since(), now).toSeconds());
        return new FleetView.Worker(
                w.workerId(),
                w.group(),
                w.version(),
                target.version(),
                onTarget,
                lag,
                w.lastReportAt(),
                Math.max(0, Duration.between(w.lastReportAt(), now).toSeconds()),
                w.events(),
                w.errors(),
                w.reports(),
                w.firstSeenAt());
    }
}
