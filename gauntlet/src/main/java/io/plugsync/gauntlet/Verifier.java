package io.plugsync.gauntlet;

import io.plugsync.common.replica.DynamoConfigStore;
import io.plugsync.common.replica.ReplicatedConfig;
import io.plugsync.ingest.support.FakeRepo;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The end-of-run checks, each against a source of truth: PostgreSQL for what was committed, the
 * DynamoDB replica (through {@link DynamoConfigStore}) for what workers read, and the ledger of what
 * clients were told.
 */
final class Verifier {
    /** Everything the report prints about correctness; a list holds one line per finding. */
    static final class Result {
        long drainMillis = -1;
        long undelivered = -1;
        long dead = -1;
        long syncsWaiting = -1;
        int acks;
        final List<String> lostPublishes = new ArrayList<>();
        final List<String> replicaMismatches = new ArrayList<>();
        final List<String> pointerMismatches = new ArrayList<>();
        final List<String> versionGaps = new ArrayList<>();
        int races;
        int racesOneWinner;
        int racesNoWinner;
        final List<String> doubleWinners = new ArrayList<>();
        int accepted;
        final List<String> unprocessed = new ArrayList<>();
        final List<String> duplicateVersions = new ArrayList<>();
        final List<String> targetsOutOfStep = new ArrayList<>();
        int forged;
        final List<String> forgedEffects = new ArrayList<>();
        int libraryWrites;
        final List<String> lostLibraryWrites = new ArrayList<>();
        final List<String> deadEvents = new ArrayList<>();

        /** Acknowledged work that did not happen (the "events lost" figure). */
        long eventsLost() {
            return lostPublishes.size()
                    + replicaMismatches.size()
                    + unprocessed.size()
                    + lostLibraryWrites.size()
                    + Math.max(0, undelivered)
                    + Math.max(0, dead);
        }
    }

    private final Stack stack;
    private final DynamoConfigStore store;
    private final Ledger ledger;
    private final World world;
    private final Timeline timeline;

    Verifier(Stack stack, DynamoConfigStore store, Ledger ledger, World world, Timeline timeline) {
        this.stack = stack;
        this.store = store;
        this.ledger = ledger;
        this.world = world;
        this.timeline = timeline;
    }

    /** Waits (up to {@code boundMillis}) for the outbox and the sync queue to drain, then checks everything. */
    Result verify(long boundMillis) throws Exception {
        Result r = new Result();
        awaitDrain(r, boundMillis);
        try (Connection db = stack.jdbc()) {
            publishes(db, r);
            races(r);
            webhooks(db, r);
            library(db, r);
            deadEvents(db, r);
        }
        return r;
    }

    private void awaitDrain(Result r, long boundMillis) throws InterruptedException {
        long started = timeline.nowMillis();
        while (true) {
            try (Connection db = stack.jdbc();
                    ResultSet rs = db.createStatement()
                            .executeQuery("SELECT count(*) FILTER (WHERE delivered_at IS NULL AND dead_at IS NULL),"
                                    + " count(*) FILTER (WHERE dead_at IS NOT NULL),"
                                    + " (SELECT count(*) FROM connector_sync_event WHERE status IN ('queued', 'running'))"
                                    + " FROM outbox_event")) {
                rs.next();
                r.undelivered = rs.getLong(1);
                r.dead = rs.getLong(2);
                r.syncsWaiting = rs.getLong(3);
                if (r.undelivered == 0 && r.syncsWaiting == 0) {
                    r.drainMillis = timeline.nowMillis() - started;
                    return;
                }
            } catch (SQLException e) {
                // PostgreSQL still coming back: try again
            }
            if (timeline.nowMillis() - started > boundMillis) {
                return;
            }
            Thread.sleep(500);
        }
    }

    /** Acknowledged publishes in PostgreSQL and the replica; pointers; contiguous version numbers. */
    private void publishes(Connection db, Result r) throws Exception {
        Map<String, String> committed = new HashMap<>();
        Map<UUID, Integer> active = new HashMap<>();
        Map<UUID, int[]> counts = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement("SELECT connector_id, version, checksum, is_active"
                + " FROM connector_config_versions WHERE connector_id = ANY(?)")) {
            q.setArray(1, uuids(db, world.connectors()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    UUID c = rs.getObject(1, UUID.class);
                    int v = rs.getInt(2);
                    committed.put(c + "/" + v, rs.getString(3));
                    if (rs.getBoolean(4)) {
                        active.put(c, v);
                    }
                    int[] n = counts.computeIfAbsent(c, k -> new int[2]);
                    n[0]++;
                    n[1] = Math.max(n[1], v);
                }
            }
        }
        counts.forEach((c, n) -> {
            if (n[0] != n[1]) {
                r.versionGaps.add(c + ": " + n[0] + " versions, highest v" + n[1]);
            }
        });
        List<Ledger.Ack> acks = ledger.acks();
        r.acks = acks.size();
        for (Ledger.Ack ack : acks) {
            String stored = committed.get(ack.connectorId() + "/" + ack.version());
            if (!ack.checksum().equals(stored)) {
                r.lostPublishes.add(ack.connectorId() + " v" + ack.version() + ": acknowledged " + ack.checksum()
                        + ", PostgreSQL has " + stored);
                continue;
            }
            Optional<ReplicatedConfig> replicated = read(ack.connectorId(), ack.version());
            if (replicated.isEmpty() || !replicated.get().checksum().equals(ack.checksum())) {
                r.replicaMismatches.add(ack.connectorId() + " v" + ack.version() + ": replica has "
                        + replicated.map(ReplicatedConfig::checksum).orElse("nothing"));
            }
        }
        for (UUID c : world.connectors()) {
            Optional<Integer> pointer =
                    store.activeVersion(c).toCompletableFuture().get(10, TimeUnit.SECONDS);
            if (!pointer.equals(Optional.ofNullable(active.get(c)))) {
                r.pointerMismatches.add(
                        c + ": active v" + active.get(c) + " in PostgreSQL, replica pointer " + pointer.orElse(null));
            }
        }
    }

    private Optional<ReplicatedConfig> read(UUID connector, int version) {
        try {
            return store.version(connector, version).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private void races(Result r) {
        for (Ledger.Race race : ledger.races) {
            r.races++;
            if (race.winners() == 1) {
                r.racesOneWinner++;
            } else if (race.winners() == 0) {
                r.racesNoWinner++;
            } else {
                r.doubleWinners.add(race.connectorId() + " on base v" + race.baseVersion() + ": " + race.winners()
                        + " publishers won");
            }
        }
    }

    /**
     * Accepted deliveries: recorded once, their sync completed; no object got two versions from one
     * sync or one revision; each target's live objects are its repository's files; forged
     * deliveries left no row and queued nothing.
     */
    private void webhooks(Connection db, Result r) throws Exception {
        List<Ledger.Delivery> accepted = ledger.accepted();
        r.accepted = accepted.size();
        try (PreparedStatement q = db.prepareStatement("SELECT d.outcome, e.status FROM github_webhook_delivery d"
                + " LEFT JOIN connector_sync_event e ON e.id = d.sync_event_id WHERE d.delivery_id = ?")) {
            for (Ledger.Delivery d : accepted) {
                q.setString(1, d.id);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        r.unprocessed.add(d.id + ": no delivery row");
                        continue;
                    }
                    String outcome = rs.getString(1);
                    String status = rs.getString(2);
                    boolean done = ("queued".equals(outcome) && "completed".equals(status))
                            || "duplicate_revision".equals(outcome);
                    if (!done) {
                        r.unprocessed.add(
                                d.id + " (" + d.after.substring(0, 7) + "): outcome " + outcome + ", sync " + status);
                    }
                }
            }
        }
        try (PreparedStatement q = db.prepareStatement("SELECT v.config_object_id, v.source_revision_ref, count(*)"
                        + " FROM config_object_version v JOIN connector_source_binding b"
                        + " ON b.config_object_id = v.config_object_id WHERE b.connector_target_id = ANY(?)"
                        + " AND v.source_revision_ref IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1");
                PreparedStatement bySync = db.prepareStatement("SELECT v.config_object_id,"
                        + " v.connector_sync_event_id, count(*) FROM config_object_version v"
                        + " WHERE v.connector_sync_event_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1")) {
            q.setArray(
                    1,
                    uuids(
                            db,
                            world.targets().stream()
                                    .map(World.GithubTarget::targetId)
                                    .toList()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    r.duplicateVersions.add(
                            rs.getObject(1) + " has " + rs.getLong(3) + " versions of revision " + rs.getString(2));
                }
            }
            try (ResultSet rs = bySync.executeQuery()) {
                while (rs.next()) {
                    r.duplicateVersions.add(
                            rs.getObject(1) + " has " + rs.getLong(3) + " versions from sync " + rs.getObject(2));
                }
            }
        }
        for (World.GithubTarget t : world.targets()) {
            targetInStep(db, t, r);
        }
        forged(db, r);
    }

    /** The target's live bindings are the repository head's files, each object at that file's content. */
    private void targetInStep(Connection db, World.GithubTarget t, Result r) throws SQLException {
        FakeRepo repo = t.repo();
        Map<String, UUID> bound = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement("SELECT external_locator, config_object_id"
                + " FROM connector_source_binding WHERE connector_target_id = ? AND status = 'active'")) {
            q.setObject(1, t.targetId());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    bound.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        }
        Set<String> files = new TreeSet<>(repo.files().keySet());
        if (!files.equals(new TreeSet<>(bound.keySet()))) {
            r.targetsOutOfStep.add(repo.fullName() + ": repository has " + files + ", live bindings " + bound.keySet());
            return;
        }
        Http http = new Http(new Stats(timeline), java.time.Duration.ofSeconds(30));
        for (String path : files) {
            Http.Response latest = http.json(
                    "verify",
                    world.api(),
                    "GET",
                    "/v1/orgs/" + world.orgId() + "/config-objects/" + bound.get(path) + "/latest",
                    world.token(),
                    null,
                    null,
                    Set.of(200));
            String content = latest.json().path("item").path("content").asText(null);
            String expected = new String(repo.files().get(path), StandardCharsets.UTF_8);
            if (!expected.equals(content)) {
                r.targetsOutOfStep.add(repo.fullName() + " " + path + ": object content differs from the head ("
                        + latest.status() + ")");
            }
        }
    }

    private void forged(Connection db, Result r) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<String> shas = new ArrayList<>();
        for (Ledger.Forged f : ledger.forged) {
            r.forged++;
            shas.add(f.after());
            if (!f.kind().equals("replayed id")) {
                ids.add(f.deliveryId());
            }
        }
        try (PreparedStatement rows = db.prepareStatement(
                        "SELECT delivery_id FROM github_webhook_delivery WHERE delivery_id = ANY(?)");
                PreparedStatement syncs = db.prepareStatement(
                        "SELECT id, source_revision_ref FROM connector_sync_event WHERE source_revision_ref = ANY(?)")) {
            rows.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    r.forgedEffects.add("forged delivery " + rs.getString(1) + " was recorded");
                }
            }
            syncs.setArray(1, db.createArrayOf("text", shas.toArray()));
            try (ResultSet rs = syncs.executeQuery()) {
                while (rs.next()) {
                    r.forgedEffects.add("sync " + rs.getObject(1) + " queued for forged commit " + rs.getString(2));
                }
            }
        }
    }

    /** Acknowledged library writes are rows in PostgreSQL. */
    private void library(Connection db, Result r) throws SQLException {
        for (Ledger.LibraryWrite w : ledger.library) {
            r.libraryWrites++;
            String table = switch (w.kind()) {
                case "object version" -> "config_object_version";
                case "plugin" -> "plugin";
                default -> "plugin_access_grant";
            };
            if (w.id() == null) {
                r.lostLibraryWrites.add(w.kind() + ": acknowledged without an id");
                continue;
            }
            try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM " + table + " WHERE id = ?")) {
                q.setObject(1, w.id());
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) != 1) {
                        r.lostLibraryWrites.add(w.kind() + " " + w.id() + " is not in " + table);
                    }
                }
            }
        }
    }

    private void deadEvents(Connection db, Result r) throws SQLException {
        try (ResultSet rs = db.createStatement()
                .executeQuery("SELECT id, aggregate_type, event_type, last_error FROM outbox_event"
                        + " WHERE dead_at IS NOT NULL ORDER BY seq LIMIT 20")) {
            while (rs.next()) {
                r.deadEvents.add(
                        rs.getObject(1) + " " + rs.getString(2) + " " + rs.getString(3) + ": " + rs.getString(4));
            }
        }
    }

    private static Array uuids(Connection db, List<UUID> ids) throws SQLException {
        return db.createArrayOf("uuid", ids.toArray());
    }
}
