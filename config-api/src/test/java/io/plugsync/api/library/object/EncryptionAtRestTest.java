package io.plugsync.api.library.object;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static io.plugsync.api.library.Library.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.library.ConfigObjectWriter;
import io.plugsync.common.library.ConfigParsers;
import io.plugsync.common.library.ConfigSource;
import io.plugsync.common.library.ObjectType;
import io.plugsync.common.library.ParsedConfig;
import io.plugsync.common.library.PayloadCipher;
import io.plugsync.common.library.VersionSealer;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Payloads are ciphertext in SQL and plaintext through the API; a key that is no longer active
 * (rotated out) still opens the rows it sealed; latest resolution breaks created_at ties by id.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@TestProfile(EncryptionAtRestTest.RotatedKeys.class)
class EncryptionAtRestTest {
    /** A fixed retired key, configured beside the active test key. */
    static final String RETIRED_KEY =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    public static class RotatedKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plugsync.encryption.keys.\"retired-0\"", RETIRED_KEY);
        }
    }

    @Test
    void sqlHoldsCiphertextWhileTheApiReturnsPlaintext() throws Exception {
        TestOrg org = TestOrg.create();
        String secret = "token-" + UUID.randomUUID();
        String content = "---\nname: secret-skill\ndescription: Uses a token\n---\nCall with " + secret + "\n";
        String id = as(org.editorToken())
                .body("{\"object_type\": \"skill\", \"content\": " + Library.json(content) + "}")
                .post(base(org.id()) + "/config-objects")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement st = db.prepareStatement("SELECT normalized_payload_json, raw_source_text,"
                        + " encryption_key_id FROM config_object_version WHERE config_object_id = ?")) {
            st.setObject(1, uuid(id));
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1))
                        .doesNotContain(secret);
                assertThat(new String(rs.getBytes(2), StandardCharsets.ISO_8859_1))
                        .doesNotContain(secret)
                        .doesNotContain("secret-skill");
                assertThat(rs.getString(3)).isEqualTo("test-1");
            }
        }
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + id + "/latest")
                .then()
                .statusCode(200)
                .body("item.content", is(content))
                .body("item.payload.body", is("Call with " + secret + "\n"));
    }

    @Test
    void rowsSealedUnderARetiredKeyStayReadable() throws Exception {
        TestOrg org = TestOrg.create();
        String id = Library.createSkill(org.editorToken(), org.id(), "rotated-skill");
        String old = "---\nname: sealed-long-ago\ndescription: Written before the rotation\n---\n";
        UUID version = insertVersion(uuid(id), old, "retired-0", "2000-01-01T00:00:00Z", UUID.randomUUID());
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + id + "/versions/" + version)
                .then()
                .statusCode(200)
                .body("item.content", is(old))
                .body("item.payload.name", is("sealed-long-ago"));
    }

    @Test
    void latestBreaksACreatedAtTieByTheHigherId() throws Exception {
        TestOrg org = TestOrg.create();
        String id = Library.createSkill(org.editorToken(), org.id(), "tied-skill");
        UUID low = UUID.fromString("00000000-0000-4000-8000-000000000001");
        UUID high = UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff");
        String future = "2999-01-01T00:00:00Z";
        insertVersion(uuid(id), "---\nname: high-id\ndescription: wins the tie\n---\n", "retired-0", future, high);
        insertVersion(uuid(id), "---\nname: low-id\ndescription: loses the tie\n---\n", "retired-0", future, low);
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + id + "/latest")
                .then()
                .statusCode(200)
                .body("item.id", is(high.toString()))
                .body("item.payload.name", is("high-id"));
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + id + "/versions?limit=2")
                .then()
                .body("items[0].id", is(high.toString()))
                .body("items[1].id", is(low.toString()));
    }

    /** A version sealed the way the writer seals it, inserted by SQL with an explicit id and created_at. */
    static UUID insertVersion(UUID objectId, String content, String keyId, String createdAt, UUID versionId)
            throws Exception {
        VersionSealer sealer =
                new ConfigObjectWriter(PayloadCipher.fromBase64Keys(keyId, Map.of(keyId, RETIRED_KEY))).sealer();
        ParsedConfig parsed = ConfigParsers.parse(ObjectType.SKILL, ConfigSource.of(content));
        VersionSealer.SealedContent sealed = sealer.seal(objectId, parsed.payload(), parsed.rawText());
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement st = db.prepareStatement("INSERT INTO config_object_version (id, config_object_id,"
                        + " normalized_payload_json, raw_source_text, encryption_key_id, created_via, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'system', ?::timestamptz)")) {
            st.setObject(1, versionId);
            st.setObject(2, objectId);
            st.setBytes(3, sealed.payload());
            st.setBytes(4, sealed.rawText());
            st.setString(5, sealed.keyId());
            st.setString(6, createdAt);
            st.executeUpdate();
        }
        return versionId;
    }
}
