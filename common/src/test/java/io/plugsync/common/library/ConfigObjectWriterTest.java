package io.plugsync.common.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugsync.common.http.ProblemException;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.common.support.FreshDatabase;
import io.plugsync.engines.OrgFixtures;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared write path against a real PostgreSQL with the real schema. */
class ConfigObjectWriterTest {
    static final String SKILL = ConfigParsersTest.SKILL;
    static FreshDatabase database;
    static Pool pool;
    static String oldKey = PayloadCipherTest.key();
    static ConfigObjectWriter writer = new ConfigObjectWriter(PayloadCipher.fromBase64Keys("k1", Map.of("k1", oldKey)));

    @BeforeAll
    static void freshDatabase() throws SQLException {
        database = FreshDatabase.create("library");
        pool = database.pool();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Connection db() throws SQLException {
        return database.connect();
    }

    static UUID org() throws SQLException {
        try (Connection db = db()) {
            return OrgFixtures.newOrganisation(db, "lib");
        }
    }

    static WrittenVersion create(UUID org, ObjectType type, String content) {
        return pool.withTransaction(tx -> writer.create(
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

    @Test
    void createWritesObjectEncryptedFirstVersionProjectionAndEvent() throws SQLException {
        UUID org = org();
        WrittenVersion written = create(org, ObjectType.SKILL, SKILL);
        try (Connection db = db();
                PreparedStatement st = db.prepareStatement(
                        "SELECT o.title, o.description, o.status, o.current_file_name,"
                                + " v.normalized_payload_json, v.raw_source_text, v.encryption_key_id"
                                + " FROM config_object o JOIN config_object_version v ON v.config_object_id = o.id WHERE o.id = ?")) {
            st.setObject(1, written.configObjectId());
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("title")).isEqualTo("pdf-tools");
                assertThat(rs.getString("description")).isEqualTo("Fill and merge PDF forms");
                assertThat(rs.getString("status")).isEqualTo("active");
                assertThat(rs.getString("current_file_name")).isEqualTo("SKILL.md");
                assertThat(new String(rs.getBytes("normalized_payload_json"), StandardCharsets.ISO_8859_1))
                        .doesNotContain("pdftk");
                assertThat(new String(rs.getBytes("raw_source_text"), StandardCharsets.ISO_8859_1))
                        .doesNotContain("pdftk")
                        .doesNotContain("pdf-tools");
                assertThat(rs.getString("encryption_key_id")).isEqualTo("k1");
            }
        }
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_type = ? AND aggregate_id = ?",
                        OutboxContract.CONFIG_OBJECT,
                        written.configObjectId().toString()))
                .isEqualTo(1);
        StoredVersion latest = pool.withConnection(c -> ConfigObjectVersions.latest(c, written.configObjectId()))
                .await()
                .indefinitely()
                .orElseThrow();
        VersionContent content = writer.sealer().open(latest);
        assertThat(content.rawText()).isEqualTo(SKILL);
        assertThat(content.payload().path("name").asText()).isEqualTo("pdf-tools");
    }

    @Test
    void invalidContentWritesNothing() throws SQLException {
        UUID org = org();
        assertThatThrownBy(() -> create(org, ObjectType.SKILL, "no frontmatter"))
                .isInstanceOf(InvalidContentException.class);
        assertThat(count("SELECT count(*) FROM config_object WHERE organization_id = ?", org))
                .isZero();
    }

    @Test
    void newVersionBecomesLatestAndRefreshesTheProjection() throws SQLException {
        UUID org = org();
        WrittenVersion first = create(org, ObjectType.SKILL, SKILL);
        WrittenVersion second = pool.withTransaction(tx -> writer.newVersion(
                        tx,
                        org,
                        first.configObjectId(),
                        ConfigSource.of("---\nname: pdf-suite\ndescription: All PDF things\n---\n"),
                        VersionAuthor.cloud(null)))
                .await()
                .indefinitely();
        StoredVersion latest = pool.withConnection(c -> ConfigObjectVersions.latest(c, first.configObjectId()))
                .await()
                .indefinitely()
                .orElseThrow();
        assertThat(latest.id()).isEqualTo(second.versionId());
        assertThat(count(
                        "SELECT count(*) FROM config_object WHERE id = ? AND title = 'pdf-suite'",
                        first.configObjectId()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id = ?",
                        first.configObjectId().toString()))
                .isEqualTo(2);
    }

    @Test
    void anotherOrganisationsObjectIsNotFoundAndUnchanged() throws SQLException {
        UUID mine = org();
        UUID theirs = org();
        WrittenVersion first = create(theirs, ObjectType.SKILL, SKILL);
        assertThatThrownBy(() -> pool.withTransaction(tx ->
                                writer.deletedVersion(tx, mine, first.configObjectId(), VersionAuthor.cloud(null)))
                        .await()
                        .indefinitely())
                .isInstanceOf(ProblemException.class)
                .satisfies(e ->
                        assertThat(((ProblemException) e).problem().status()).isEqualTo(404));
        assertThat(count(
                        "SELECT count(*) FROM config_object_version WHERE config_object_id = ?",
                        first.configObjectId()))
                .isEqualTo(1);
    }

    @Test
    void deleteWritesATerminalVersionAndRestoreBringsTheContentBack() throws SQLException {
        UUID org = org();
        WrittenVersion first = create(org, ObjectType.SKILL, SKILL);
        WrittenVersion deleted = pool.withTransaction(
                        tx -> writer.deletedVersion(tx, org, first.configObjectId(), VersionAuthor.cloud(null)))
                .await()
                .indefinitely();
        assertThat(deleted.deleted()).isTrue();
        assertThat(count(
                        "SELECT count(*) FROM config_object WHERE id = ? AND status = 'deleted' AND deleted_at IS NOT NULL",
                        first.configObjectId()))
                .isEqualTo(1);
        WrittenVersion restored = pool.withTransaction(
                        tx -> writer.restore(tx, org, first.configObjectId(), VersionAuthor.cloud(null)))
                .await()
                .indefinitely();
        StoredVersion latest = pool.withConnection(c -> ConfigObjectVersions.latest(c, first.configObjectId()))
                .await()
                .indefinitely()
                .orElseThrow();
        assertThat(latest.id()).isEqualTo(restored.versionId());
        assertThat(writer.sealer().open(latest).rawText()).isEqualTo(SKILL);
        assertThat(count(
                        "SELECT count(*) FROM config_object WHERE id = ? AND status = 'active' AND deleted_at IS NULL",
                        first.configObjectId()))
                .isEqualTo(1);
    }

    @Test
    void latestBreaksACreatedAtTieById() throws SQLException {
        UUID org = org();
        WrittenVersion first = create(org, ObjectType.CUSTOM, "first");
        StoredVersion original = pool.withConnection(c -> ConfigObjectVersions.latest(c, first.configObjectId()))
                .await()
                .indefinitely()
                .orElseThrow();
        UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID high = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");
        try (Connection db = db();
                PreparedStatement st = db.prepareStatement("INSERT INTO config_object_version (id, config_object_id,"
                        + " normalized_payload_json, raw_source_text, encryption_key_id, created_via, created_at)"
                        + " SELECT ?, config_object_id, normalized_payload_json, raw_source_text, encryption_key_id,"
                        + " 'system', '2100-01-01T00:00:00Z' FROM config_object_version WHERE id = ?")) {
            for (UUID id : new UUID[] {high, low}) {
                st.setObject(1, id);
                st.setObject(2, original.id());
                st.executeUpdate();
            }
        }
        StoredVersion latest = pool.withConnection(c -> ConfigObjectVersions.latest(c, first.configObjectId()))
                .await()
                .indefinitely()
                .orElseThrow();
        assertThat(latest.id()).isEqualTo(high);
    }

    @Test
    void rowsSealedUnderARotatedKeyStayReadable() throws SQLException {
        UUID org = org();
        WrittenVersion first = create(org, ObjectType.CUSTOM, "sealed under k1");
        ConfigObjectWriter rotated = new ConfigObjectWriter(
                PayloadCipher.fromBase64Keys("k2", Map.of("k1", oldKey, "k2", PayloadCipherTest.key())));
        WrittenVersion second = pool.withTransaction(tx -> rotated.newVersion(
                        tx, org, first.configObjectId(), ConfigSource.of("sealed under k2"), VersionAuthor.cloud(null)))
                .await()
                .indefinitely();
        StoredVersion newest = pool.withConnection(c -> ConfigObjectVersions.latest(c, first.configObjectId()))
                .await()
                .indefinitely()
                .orElseThrow();
        assertThat(newest.id()).isEqualTo(second.versionId());
        assertThat(newest.encryptionKeyId()).isEqualTo("k2");
        assertThat(rotated.sealer().open(newest).rawText()).isEqualTo("sealed under k2");
        StoredVersion old = pool.withConnection(c -> c.preparedQuery(
                                "SELECT " + StoredVersion.COLUMNS + " FROM config_object_version v WHERE v.id = $1")
                        .execute(Tuple.of(first.versionId()))
                        .map(rows -> StoredVersion.from(rows.iterator().next())))
                .await()
                .indefinitely();
        assertThat(old.encryptionKeyId()).isEqualTo("k1");
        assertThat(rotated.sealer().open(old).rawText()).isEqualTo("sealed under k1");
    }

    @Test
    void membershipIsOneRowPerPairSoftRemovedAndReactivated() throws SQLException {
        UUID org = org();
        WrittenVersion object = create(org, ObjectType.SKILL, SKILL);
        UUID plugin;
        try (Connection db = db();
                PreparedStatement st = db.prepareStatement(
                        "INSERT INTO plugin (organization_id, name) VALUES (?, 'p') RETURNING id")) {
            st.setObject(1, org);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                plugin = rs.getObject(1, UUID.class);
            }
        }
        UUID id = object.configObjectId();
        assertThat(membership(
                        m -> PluginMemberships.add(m, org, plugin, id, PluginMemberships.Sources.MANUAL, null, null)))
                .isTrue();
        assertThat(membership(
                        m -> PluginMemberships.add(m, org, plugin, id, PluginMemberships.Sources.MANUAL, null, null)))
                .isFalse();
        assertThat(membership(m -> PluginMemberships.remove(m, org, plugin, id)))
                .isTrue();
        assertThat(membership(m -> PluginMemberships.remove(m, org, plugin, id)))
                .isFalse();
        assertThat(membership(
                        m -> PluginMemberships.add(m, org, plugin, id, PluginMemberships.Sources.API, null, null)))
                .isTrue();
        assertThat(count(
                        "SELECT count(*) FROM plugin_config_object WHERE plugin_id = ? AND removed_at IS NULL", plugin))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM plugin_config_object WHERE plugin_id = ?", plugin))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_type = ? AND aggregate_id = ?",
                        OutboxContract.PLUGIN,
                        plugin.toString()))
                .isEqualTo(3);
        UUID other = org();
        assertThat(membership(m -> PluginMemberships.remove(m, other, plugin, id)))
                .isFalse();
    }

    static boolean membership(
            java.util.function.Function<io.vertx.mutiny.sqlclient.SqlConnection, io.smallrye.mutiny.Uni<Boolean>>
                    work) {
        return pool.withTransaction(work).await().indefinitely();
    }
}
