package io.plugsync.common.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.common.support.FreshDatabase;
import io.plugsync.engines.OrgFixtures;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random histories of versions (with {@code created_at} ties), object status changes
 * (archive / restore / delete), membership removes and re-adds and releases, checked after every
 * step against a model of seed 001's rule written independently of the SQL.
 */
class PluginResolutionTest {
    private static final String[] STATUSES = {"active", "archived", "deleted", "inactive", "ingestion_error"};
    /** Written out here, not read from the code under test: the rule the model checks against. */
    private static final Set<String> LIVE = Set.of("active", "ingestion_error");

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    static FreshDatabase database;
    static Pool pool;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        database = FreshDatabase.create("resolution");
        pool = database.pool();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** One object of the model: its status, whether it is a member now, and its versions. */
    static final class ObjectState {
        final UUID id;
        String status = "active";
        boolean member;
        final List<Version> versions = new ArrayList<>();

        ObjectState(UUID id) {
            this.id = id;
        }
    }

    record Version(UUID id, OffsetDateTime createdAt, boolean deleted) {}

    /** The rule, from the seed: latest by created_at then id (PostgreSQL's uuid order is the text order). */
    static Map<UUID, UUID> expected(Map<UUID, ObjectState> objects) {
        Map<UUID, UUID> resolved = new HashMap<>();
        for (ObjectState object : objects.values()) {
            if (!object.member || !LIVE.contains(object.status)) {
                continue;
            }
            Optional<Version> latest = object.versions.stream()
                    .max(Comparator.comparing(Version::createdAt).thenComparing(v -> v.id().toString()));
            latest.filter(v -> !v.deleted()).ifPresent(v -> resolved.put(object.id, v.id()));
        }
        return resolved;
    }

    @Test
    void randomHistoriesResolveAsTheSeedSays() throws SQLException {
        long seed = Long.getLong("plugsync.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "seed " + seed + " (rerun with -Dplugsync.seed=" + seed + ")";
        for (int round = 0; round < 12; round++) {
            runRound(random, context + ", round " + round);
        }
    }

    private void runRound(Random random, String context) throws SQLException {
        UUID org;
        UUID plugin;
        try (Connection db = database.connect()) {
            org = OrgFixtures.newOrganisation(db, "res");
            plugin = insertPlugin(db, org);
        }
        Map<UUID, ObjectState> objects = new LinkedHashMap<>();
        Map<UUID, Map<UUID, UUID>> releases = new LinkedHashMap<>();
        for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
            ObjectState object = new ObjectState(insertObject(org, i));
            objects.put(object.id, object);
            addVersion(object, random);
        }
        for (int step = 0; step < 25; step++) {
            ObjectState object = new ArrayList<>(objects.values()).get(random.nextInt(objects.size()));
            switch (random.nextInt(5)) {
                case 0, 1 -> addVersion(object, random);
                case 2 -> setStatus(object, STATUSES[random.nextInt(STATUSES.length)]);
                case 3 -> setMember(org, plugin, object, !object.member);
                default -> releases.put(cutRelease(plugin), expected(objects));
            }
            String where = context + ", step " + step;
            assertThat(resolvedNow(plugin)).as(where).isEqualTo(expected(objects));
            for (Map.Entry<UUID, Map<UUID, UUID>> release : releases.entrySet()) {
                assertThat(resolvedRelease(release.getKey()))
                        .as(where + ", release pinned earlier")
                        .isEqualTo(release.getValue());
            }
        }
    }

    @Test
    void aCreatedAtTieGoesToTheLargerIdAndADeletionTombstoneHidesTheObject() throws SQLException {
        UUID org;
        UUID plugin;
        try (Connection db = database.connect()) {
            org = OrgFixtures.newOrganisation(db, "tie");
            plugin = insertPlugin(db, org);
        }
        ObjectState object = new ObjectState(insertObject(org, 0));
        setMember(org, plugin, object, true);
        UUID low = UUID.fromString("10000000-0000-0000-0000-000000000000");
        UUID high = UUID.fromString("f0000000-0000-0000-0000-000000000000"); // negative as a Java long
        insertVersion(object.id, high, T0, false);
        insertVersion(object.id, low, T0, false);
        assertThat(resolvedNow(plugin)).containsEntry(object.id, high);

        insertVersion(object.id, UUID.randomUUID(), T0.plusSeconds(1), true);
        assertThat(resolvedNow(plugin)).isEmpty();
    }

    private static UUID insertPlugin(Connection db, UUID org) throws SQLException {
        try (PreparedStatement st =
                db.prepareStatement("INSERT INTO plugin (organization_id, name) VALUES (?, 'p') RETURNING id")) {
            st.setObject(1, org);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static UUID insertObject(UUID org, int index) throws SQLException {
        try (Connection db = database.connect();
                PreparedStatement st = db.prepareStatement("INSERT INTO config_object (organization_id, object_type,"
                        + " source_mode, title) VALUES (?, 'skill', 'cloud', ?) RETURNING id")) {
            st.setObject(1, org);
            st.setString(2, "object-" + index);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /** A version at one of a few instants, so that created_at ties are common. */
    private static void addVersion(ObjectState object, Random random) throws SQLException {
        Version version = new Version(UUID.randomUUID(), T0.plusSeconds(random.nextInt(4)), random.nextInt(5) == 0);
        insertVersion(object.id, version.id(), version.createdAt(), version.deleted());
        object.versions.add(version);
    }

    private static void insertVersion(UUID object, UUID id, OffsetDateTime createdAt, boolean deleted)
            throws SQLException {
        try (Connection db = database.connect();
                PreparedStatement st = db.prepareStatement("INSERT INTO config_object_version (id, config_object_id,"
                        + " normalized_payload_json, encryption_key_id, created_via, is_deleted_version, created_at)"
                        + " VALUES (?, ?, '\\x00'::bytea, 'k1', 'system', ?, ?)")) {
            st.setObject(1, id);
            st.setObject(2, object);
            st.setBoolean(3, deleted);
            st.setObject(4, createdAt);
            st.executeUpdate();
        }
    }

    private static void setStatus(ObjectState object, String status) throws SQLException {
        try (Connection db = database.connect();
                PreparedStatement st = db.prepareStatement("UPDATE config_object SET status = ? WHERE id = ?")) {
            st.setString(1, status);
            st.setObject(2, object.id);
            st.executeUpdate();
        }
        object.status = status;
    }

    /** Adds (or re-adds) and removes through the real membership writes. */
    private static void setMember(UUID org, UUID plugin, ObjectState object, boolean member) {
        pool.withTransaction(db -> member
                        ? PluginMemberships.add(
                                db, org, plugin, object.id, PluginMemberships.Sources.MANUAL, null, null)
                        : PluginMemberships.remove(db, org, plugin, object.id))
                .await()
                .indefinitely();
        object.member = member;
    }

    /** Cuts a release the way the API does: snapshotting the current resolution in SQL. */
    private static UUID cutRelease(UUID plugin) {
        return pool.withTransaction(db -> db.preparedQuery(
                                "INSERT INTO plugin_release (plugin_id, release_kind) VALUES ($1, 'manual') RETURNING id")
                        .execute(Tuple.of(plugin))
                        .map(rows -> rows.iterator().next().getUUID("id"))
                        .call(id -> db.preparedQuery("INSERT INTO plugin_release_item (plugin_release_id,"
                                        + " config_object_id, config_object_version_id) SELECT $2::uuid,"
                                        + " x.config_object_id, x.id FROM (" + PluginResolution.CURRENT + ") x")
                                .execute(Tuple.of(plugin, id))))
                .await()
                .indefinitely();
    }

    private static Map<UUID, UUID> resolvedNow(UUID plugin) {
        return asMap(pool.withConnection(db -> PluginResolution.current(db, plugin))
                .await()
                .indefinitely());
    }

    private static Map<UUID, UUID> resolvedRelease(UUID release) {
        return asMap(pool.withConnection(db -> PluginResolution.release(db, release))
                .await()
                .indefinitely());
    }

    private static Map<UUID, UUID> asMap(List<PluginResolution.Member> members) {
        Map<UUID, UUID> map = new HashMap<>();
        members.forEach(m -> map.put(m.configObjectId(), m.version().id()));
        assertThat(map).hasSize(members.size());
        return map;
    }
}
