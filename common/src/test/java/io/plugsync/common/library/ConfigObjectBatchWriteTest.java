package io.plugsync.common.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugsync.common.http.ProblemException;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.common.support.FreshDatabase;
import io.plugsync.engines.OrgFixtures;
import io.vertx.mutiny.sqlclient.Pool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch forms of the shared write path (a sync writes thousands of files in a few statements)
 * keep every rule of the single forms: one encrypted version per object under the active key, the
 * projection, one outbox event per version in list order, all or nothing on invalid content or an
 * object outside the organisation.
 */
class ConfigObjectBatchWriteTest {
    static final ConfigObjectWriter writer =
            new ConfigObjectWriter(PayloadCipher.fromBase64Keys("k1", Map.of("k1", PayloadCipherTest.key())));
    static FreshDatabase database;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        database = FreshDatabase.create("batch");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Pool pool() {
        return database.pool();
    }

    static Connection db() throws SQLException {
        return database.connect();
    }

    static UUID org() throws SQLException {
        try (Connection db = db()) {
            return OrgFixtures.newOrganisation(db, "batch");
        }
    }

    static WrittenVersion create(UUID org, ObjectType type, String content) {
        return pool().withTransaction(tx -> writer.create(
                        tx,
                        new NewConfigObject(
                                org,
                                type,
                                SourceMode.CLOUD,
                                null,
                                ConfigSource.of(content),
                                VersionAuthor.cloud(null))))
                .await()
                .indefinitely();
    }

    static long count(String sql, Object... params) throws SQLException {
        try (Connection db = db();
                PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String skill(String name) {
        return "---\nname: " + name + "\ndescription: about " + name + "\n---\n# " + name + "\nbody of " + name + "\n";
    }

    static NewConfigObject newSkill(UUID org, String name) {
        return new NewConfigObject(
                org,
                ObjectType.SKILL,
                SourceMode.CONNECTOR,
                null,
                new ConfigSource(skill(name), null, "skills/" + name + "/SKILL.md", null),
                VersionAuthor.connector(null, null, "abc123"));
    }

    @Test
    void createAllWritesEachObjectItsSealedVersionProjectionAndEventInListOrder() throws SQLException {
        UUID org = org();
        List<NewConfigObject> commands = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            commands.add(newSkill(org, "skill-" + i));
        }
        List<WrittenVersion> written = pool().withTransaction(tx -> writer.createAll(tx, commands))
                .await()
                .indefinitely();

        assertThat(written).hasSize(5);
        assertThat(written.stream().map(WrittenVersion::configObjectId).distinct())
                .hasSize(5);
        for (int i = 0; i < 5; i++) {
            WrittenVersion w = written.get(i);
            assertThat(w.projection().title()).isEqualTo("skill-" + i);
            StoredVersion latest = pool().withConnection(c -> ConfigObjectVersions.latest(c, w.configObjectId()))
                    .await()
                    .indefinitely()
                    .orElseThrow();
            assertThat(latest.id()).isEqualTo(w.versionId());
            assertThat(latest.encryptionKeyId()).isEqualTo("k1");
            assertThat(writer.sealer().open(latest).rawText()).isEqualTo(skill("skill-" + i));
            assertThat(count(
                            "SELECT count(*) FROM config_object WHERE id = ? AND organization_id = ? AND title = ?"
                                    + " AND status = 'active' AND current_relative_path = ? AND source_mode = 'connector'",
                            w.configObjectId(),
                            org,
                            "skill-" + i,
                            "skills/skill-" + i + "/SKILL.md"))
                    .isEqualTo(1);
        }
        assertThat(eventObjectsInSeqOrder(org))
                .containsExactlyElementsOf(
                        written.stream().map(w -> w.configObjectId().toString()).toList());
    }

    @Test
    void createAllWithOneInvalidFileWritesNothing() throws SQLException {
        UUID org = org();
        List<NewConfigObject> commands = List.of(
                newSkill(org, "fine"),
                new NewConfigObject(
                        org,
                        ObjectType.SKILL,
                        SourceMode.CLOUD,
                        null,
                        ConfigSource.of("no frontmatter"),
                        VersionAuthor.cloud(null)));
        assertThatThrownBy(() -> pool().withTransaction(tx -> writer.createAll(tx, commands))
                        .await()
                        .indefinitely())
                .isInstanceOf(InvalidContentException.class);
        assertThat(count("SELECT count(*) FROM config_object WHERE organization_id = ?", org))
                .isZero();
    }

    @Test
    void createValidWritesTheParsableCommandsAndNamesTheErrorOfTheOthers() throws SQLException {
        UUID org = org();
        NewConfigObject broken = new NewConfigObject(
                org,
                ObjectType.SKILL,
                SourceMode.CONNECTOR,
                null,
                ConfigSource.of("no frontmatter"),
                VersionAuthor.connector(null, null, "abc123"));
        List<ConfigObjectWriter.Attempt> attempts = pool().withTransaction(
                        tx -> writer.createValid(tx, List.of(newSkill(org, "first"), broken, newSkill(org, "third"))))
                .await()
                .indefinitely();

        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(0).written().projection().title()).isEqualTo("first");
        assertThat(attempts.get(1).written()).isNull();
        assertThat(attempts.get(1).invalid()).isNotNull();
        assertThat(attempts.get(2).written().projection().title()).isEqualTo("third");
        assertThat(count("SELECT count(*) FROM config_object WHERE organization_id = ?", org))
                .isEqualTo(2);
        assertThat(eventObjectsInSeqOrder(org))
                .containsExactly(
                        attempts.get(0).written().configObjectId().toString(),
                        attempts.get(2).written().configObjectId().toString());
    }

    @Test
    void newValidVersionsLeaveAnObjectWithUnparsableContentAtItsVersion() throws SQLException {
        UUID org = org();
        WrittenVersion good = create(org, ObjectType.SKILL, skill("good"));
        WrittenVersion bad = create(org, ObjectType.SKILL, skill("bad"));
        List<ConfigObjectWriter.Attempt> attempts = pool().withTransaction(tx -> writer.newValidVersions(
                        tx,
                        org,
                        List.of(
                                new ConfigObjectWriter.Update(
                                        bad.configObjectId(), ConfigSource.of("broken"), VersionAuthor.cloud(null)),
                                new ConfigObjectWriter.Update(
                                        good.configObjectId(),
                                        ConfigSource.of(skill("good-two")),
                                        VersionAuthor.cloud(null)))))
                .await()
                .indefinitely();

        assertThat(attempts.get(0).invalid()).isNotNull();
        assertThat(attempts.get(1).written().configObjectId()).isEqualTo(good.configObjectId());
        assertThat(count("SELECT count(*) FROM config_object_version WHERE config_object_id = ?", bad.configObjectId()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM config_object WHERE id = ? AND title = 'bad'", bad.configObjectId()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM config_object WHERE id = ? AND title = 'good-two'",
                        good.configObjectId()))
                .isEqualTo(1);
    }

    @Test
    void newVersionsWriteOneVersionPerObjectAndRefreshEachProjection() throws SQLException {
        UUID org = org();
        WrittenVersion a = create(org, ObjectType.SKILL, skill("alpha"));
        WrittenVersion b = create(org, ObjectType.SKILL, skill("beta"));
        List<WrittenVersion> written = pool().withTransaction(tx -> writer.newVersions(
                        tx,
                        org,
                        List.of(
                                new ConfigObjectWriter.Update(
                                        b.configObjectId(),
                                        ConfigSource.of(skill("beta-two")),
                                        VersionAuthor.cloud(null)),
                                new ConfigObjectWriter.Update(
                                        a.configObjectId(),
                                        ConfigSource.of(skill("alpha-two")),
                                        VersionAuthor.cloud(null)))))
                .await()
                .indefinitely();

        assertThat(written.get(0).configObjectId()).isEqualTo(b.configObjectId());
        assertThat(written.get(1).configObjectId()).isEqualTo(a.configObjectId());
        assertThat(count("SELECT count(*) FROM config_object WHERE id = ? AND title = 'beta-two'", b.configObjectId()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM config_object WHERE id = ? AND title = 'alpha-two'", a.configObjectId()))
                .isEqualTo(1);
        for (WrittenVersion w : written) {
            StoredVersion latest = pool().withConnection(c -> ConfigObjectVersions.latest(c, w.configObjectId()))
                    .await()
                    .indefinitely()
                    .orElseThrow();
            assertThat(latest.id()).isEqualTo(w.versionId());
            assertThat(count(
                            "SELECT count(*) FROM config_object_version WHERE config_object_id = ?",
                            w.configObjectId()))
                    .isEqualTo(2);
        }
        List<String> events = eventObjectsInSeqOrder(org);
        assertThat(events.subList(2, 4))
                .containsExactly(
                        b.configObjectId().toString(), a.configObjectId().toString());
    }

    @Test
    void newVersionsWithAnObjectOfAnotherOrganisationAre404AndWriteNothing() throws SQLException {
        UUID mine = org();
        UUID theirs = org();
        WrittenVersion own = create(mine, ObjectType.SKILL, skill("own"));
        WrittenVersion foreign = create(theirs, ObjectType.SKILL, skill("foreign"));
        assertThatThrownBy(() -> pool().withTransaction(tx -> writer.newVersions(
                                tx,
                                mine,
                                List.of(
                                        new ConfigObjectWriter.Update(
                                                own.configObjectId(),
                                                ConfigSource.of(skill("own-two")),
                                                VersionAuthor.cloud(null)),
                                        new ConfigObjectWriter.Update(
                                                foreign.configObjectId(),
                                                ConfigSource.of(skill("stolen")),
                                                VersionAuthor.cloud(null)))))
                        .await()
                        .indefinitely())
                .isInstanceOf(ProblemException.class)
                .satisfies(e ->
                        assertThat(((ProblemException) e).problem().status()).isEqualTo(404));
        assertThat(count(
                        "SELECT count(*) FROM config_object_version WHERE config_object_id IN (?, ?)",
                        own.configObjectId(),
                        foreign.configObjectId()))
                .isEqualTo(2);
    }

    @Test
    void oneBatchMayNotNameAnObjectTwice() throws SQLException {
        UUID org = org();
        WrittenVersion a = create(org, ObjectType.SKILL, skill("twice"));
        ConfigObjectWriter.Update update = new ConfigObjectWriter.Update(
                a.configObjectId(), ConfigSource.of(skill("twice-two")), VersionAuthor.cloud(null));
        assertThatThrownBy(() -> pool().withTransaction(tx -> writer.newVersions(tx, org, List.of(update, update)))
                        .await()
                        .indefinitely())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(count("SELECT count(*) FROM config_object_version WHERE config_object_id = ?", a.configObjectId()))
                .isEqualTo(1);
    }

    @Test
    void deletedVersionsEndEachObjectWithATerminalVersionAndLeaveSearch() throws SQLException {
        UUID org = org();
        WrittenVersion a = create(org, ObjectType.SKILL, skill("gone-a"));
        WrittenVersion b = create(org, ObjectType.SKILL, skill("gone-b"));
        List<WrittenVersion> written = pool().withTransaction(tx -> writer.deletedVersions(
                        tx,
                        org,
                        List.of(
                                new ConfigObjectWriter.Deletion(a.configObjectId(), VersionAuthor.cloud(null)),
                                new ConfigObjectWriter.Deletion(b.configObjectId(), VersionAuthor.cloud(null)))))
                .await()
                .indefinitely();
        assertThat(written).allMatch(WrittenVersion::deleted);
        assertThat(count(
                        "SELECT count(*) FROM config_object WHERE id IN (?, ?) AND status = 'deleted'"
                                + " AND search_text IS NULL AND deleted_at IS NOT NULL",
                        a.configObjectId(),
                        b.configObjectId()))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM config_object_version WHERE config_object_id IN (?, ?)"
                                + " AND is_deleted_version AND raw_source_text IS NULL",
                        a.configObjectId(),
                        b.configObjectId()))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id IN (?, ?) AND (payload->>'deleted')::boolean",
                        a.configObjectId().toString(),
                        b.configObjectId().toString()))
                .isEqualTo(2);
    }

    @Test
    void addAllCountsAPairOnceSkipsOtherOrganisationsAndEventsOnlyChanges() throws SQLException {
        UUID org = org();
        UUID other = org();
        WrittenVersion a = create(org, ObjectType.SKILL, skill("member-a"));
        WrittenVersion b = create(org, ObjectType.SKILL, skill("member-b"));
        WrittenVersion foreign = create(other, ObjectType.SKILL, skill("member-foreign"));
        UUID plugin = plugin(org);
        assertThat(pool().withTransaction(m -> PluginMemberships.add(
                                m, org, plugin, a.configObjectId(), PluginMemberships.Sources.MANUAL, null, null))
                        .await()
                        .indefinitely())
                .isTrue();
        List<PluginMemberships.Addition> changed = pool().withTransaction(tx -> PluginMemberships.addAll(
                        tx,
                        org,
                        List.of(
                                addition(plugin, a.configObjectId()),
                                addition(plugin, b.configObjectId()),
                                addition(plugin, b.configObjectId()),
                                addition(plugin, foreign.configObjectId()))))
                .await()
                .indefinitely();
        assertThat(changed)
                .extracting(PluginMemberships.Addition::configObjectId)
                .containsExactly(b.configObjectId());
        assertThat(count("SELECT count(*) FROM plugin_config_object WHERE plugin_id = ?", plugin))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_type = ? AND aggregate_id = ?",
                        OutboxContract.PLUGIN,
                        plugin.toString()))
                .isEqualTo(2);
    }

    private static PluginMemberships.Addition addition(UUID plugin, UUID object) {
        return new PluginMemberships.Addition(plugin, object, PluginMemberships.Sources.CONNECTOR, null, null);
    }

    private static UUID plugin(UUID org) throws SQLException {
        try (Connection db = db();
                PreparedStatement st = db.prepareStatement(
                        "INSERT INTO plugin (organization_id, name) VALUES (?, 'p') RETURNING id")) {
            st.setObject(1, org);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /** The objects of the organisation's version events, in outbox order. */
    private static List<String> eventObjectsInSeqOrder(UUID org) throws SQLException {
        try (Connection db = db();
                PreparedStatement st = db.prepareStatement("SELECT aggregate_id FROM outbox_event"
                        + " WHERE event_type = ? AND payload->>'organization_id' = ? ORDER BY seq")) {
            st.setString(1, OutboxContract.CONFIG_OBJECT_VERSION_CREATED.name());
            st.setString(2, org.toString());
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
