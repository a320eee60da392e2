package io.plugsync.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** search_config_objects / get_config_object show only the library objects the caller may see. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class LibraryToolsTest {

    @Test
    void editorSeesOwnAndSharedObjectsButNotOthersPrivateOnes() throws SQLException {
        TestOrg org = TestOrg.create();
        UUID editor;
        UUID viewer;
        UUID mine;
        UUID shared;
        UUID secret;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            editor = OrgFixtures.ensureMember(db, org.id(), "editor-" + org.id(), "editor");
            viewer = OrgFixtures.ensureMember(db, org.id(), "viewer-" + org.id(), "viewer");
            mine = insertObject(db, org.id(), editor, "Hubspot sync skill", "maps contacts to companies");
            shared = insertObject(db, org.id(), viewer, "Hubspot deal hook", "fires on deal stage change");
            secret = insertObject(db, org.id(), viewer, "Hubspot private notes", "viewer only");
            try (PreparedStatement grant = db.prepareStatement(
                    "INSERT INTO config_object_access_grant (config_object_id, org_wide, role) VALUES (?, true, 'viewer')")) {
                grant.setObject(1, shared);
                grant.executeUpdate();
            }
        }
        try (Agent agent = Agent.connect(org.editorToken())) {
            JsonObject page = agent.ok("search_config_objects", Map.of("query", "hubspot"));
            JsonArray items = page.getJsonArray("items");
            assertThat(items.stream().map(i -> ((JsonObject) i).getString("id")))
                    .containsExactlyInAnyOrder(mine.toString(), shared.toString());
            assertThat(agent.ok("get_config_object", Map.of("config_object_id", shared.toString()))
                            .getString("title"))
                    .isEqualTo("Hubspot deal hook");
            assertThat(agent.error("get_config_object", Map.of("config_object_id", secret.toString())))
                    .contains("not-found");
        }
        try (Agent owner = Agent.connect(org.ownerToken())) {
            assertThat(owner.ok("search_config_objects", Map.of("query", "hubspot"))
                            .getJsonArray("items")
                            .size())
                    .isEqualTo(3);
        }
    }

    @Test
    void anotherOrganisationsObjectsAreInvisible() throws SQLException {
        TestOrg mine = TestOrg.create();
        TestOrg theirs = TestOrg.create();
        UUID object;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID owner = OrgFixtures.ensureMember(db, theirs.id(), "owner-" + theirs.id(), "owner");
            object = insertObject(db, theirs.id(), owner, "Zendesk ticket skill", "theirs");
            try (PreparedStatement grant = db.prepareStatement(
                    "INSERT INTO config_object_access_grant (config_object_id, org_wide, role) VALUES (?, true, 'viewer')")) {
                grant.setObject(1, object);
                grant.executeUpdate();
            }
        }
        try (Agent agent = Agent.connect(mine.ownerToken())) {
            assertThat(agent.ok("search_config_objects", Map.of("query", "zendesk"))
                            .getJsonArray("items"))
                    .isEmpty();
            assertThat(agent.error("get_config_object", Map.of("config_object_id", object.toString())))
                    .contains("not-found");
        }
    }

    @Test
    void malformedArgumentsAreToolErrorsWithPointers() {
        TestOrg org = TestOrg.create();
        try (Agent agent = Agent.connect(org.viewerToken())) {
            assertThat(agent.error("get_config_object", Map.of("config_object_id", "nope")))
                    .contains("/config_object_id");
            assertThat(agent.error("search_config_objects", Map.of("object_type", "plugin")))
                    .contains("/object_type");
        }
    }

    private static UUID insertObject(Connection db, UUID org, UUID creator, String title, String description)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO config_object (organization_id, object_type, source_mode, title, description,"
                        + " search_text, created_by_org_membership_id) VALUES (?, 'skill', 'cloud', ?, ?, ?, ?)"
                        + " RETURNING id")) {
            insert.setObject(1, org);
            insert.setString(2, title);
            insert.setString(3, description);
            insert.setString(4, title + " " + description);
            insert.setObject(5, creator);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }
}
