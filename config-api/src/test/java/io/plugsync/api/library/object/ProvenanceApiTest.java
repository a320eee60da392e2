package io.plugsync.api.library.object;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /config-objects/{id}/provenance}: the bindings and tombstones connector-ingest wrote,
 * read back. The rows are inserted as connector-ingest writes them (config-api only reads them).
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ProvenanceApiTest {
    static final String PATH = "skills/reports/SKILL.md";

    /** A file synced as {@code first}, deleted at its source, then back as {@code second}. */
    record Source(
            TestOrg org, String instance, String target, String mapping, String event, String first, String second) {
        String provenance(String object) {
            return base(org.id()) + "/config-objects/" + object + "/provenance";
        }
    }

    static Source deletedAndBack() throws Exception {
        TestOrg org = TestOrg.create();
        String[] source = Library.source(org);
        String instance = source[1];
        String target = source[2];
        String mapping = as(org.ownerToken())
                .body("{\"connector_target_id\": \"" + target
                        + "\", \"selector\": \"/skills/**\", \"object_type\": \"skill\"}")
                .post(base(org.id()) + "/connector-instances/" + instance + "/mappings")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
        String event = as(org.ownerToken())
                .post(base(org.id()) + "/connector-instances/" + instance + "/targets/" + target + "/resync")
                .then()
                .statusCode(202)
                .extract()
                .path("item.id");
        String first = Library.createSkill(org.ownerToken(), org.id(), "reports");
        String second = Library.createSkill(org.ownerToken(), org.id(), "reports-again");
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            for (String object : new String[] {first, second}) {
                update(
                        db,
                        "UPDATE config_object SET source_mode = 'connector', connector_instance_id = ?::uuid"
                                + " WHERE id = ?::uuid",
                        instance,
                        object);
            }
            update(
                    db,
                    "INSERT INTO connector_source_binding (config_object_id, connector_instance_id,"
                            + " connector_target_id, connector_mapping_id, connector_type, remote_id, external_locator,"
                            + " external_stable_ref, last_seen_source_revision_ref, status, created_at, deleted_at)"
                            + " VALUES (?::uuid, ?::uuid, ?::uuid, ?::uuid, 'github', 'acme/agents', ?, 'blob1', 'c1',"
                            + " 'closed', now() - interval '2 hours', now() - interval '1 hour')",
                    first,
                    instance,
                    target,
                    mapping,
                    PATH);
            update(
                    db,
                    "INSERT INTO connector_source_tombstone (connector_instance_id, connector_target_id,"
                            + " connector_mapping_id, connector_type, remote_id, external_locator,"
                            + " former_config_object_id, deleted_in_sync_event_id, deleted_source_revision_ref,"
                            + " created_at) VALUES (?::uuid, ?::uuid, ?::uuid, 'github', 'acme/agents', ?, ?::uuid,"
                            + " ?::uuid, 'c2', now() - interval '1 hour')",
                    instance,
                    target,
                    mapping,
                    PATH,
                    first,
                    event);
            update(
                    db,
                    "INSERT INTO connector_source_binding (config_object_id, connector_instance_id,"
                            + " connector_target_id, connector_mapping_id, connector_type, remote_id, external_locator,"
                            + " external_stable_ref, last_seen_source_revision_ref, created_at)"
                            + " VALUES (?::uuid, ?::uuid, ?::uuid, ?::uuid, 'github', 'acme/agents', ?, 'blob2', 'c3',"
                            + " now() - interval '10 minutes')",
                    second,
                    instance,
                    target,
                    mapping,
                    PATH);
        }
        return new Source(org, instance, target, mapping, event, first, second);
    }

    static void update(Connection db, String sql, String... params) throws Exception {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            st.executeUpdate();
        }
    }

    @Test
    void aDeletedFileShowsItsClosedBindingItsTombstoneAndWhatItReappearedAs() throws Exception {
        Source s = deletedAndBack();
        as(s.org().ownerToken())
                .get(s.provenance(s.first()))
                .then()
                .statusCode(200)
                .body("item.config_object_id", is(s.first()))
                .body("item.source_mode", is("connector"))
                .body("item.bindings", hasSize(1))
                .body("item.bindings[0].status", is("closed"))
                .body("item.bindings[0].connector_instance_id", is(s.instance()))
                .body("item.bindings[0].connector_target_id", is(s.target()))
                .body("item.bindings[0].connector_mapping_id", is(s.mapping()))
                .body("item.bindings[0].remote_id", is("acme/agents"))
                .body("item.bindings[0].external_locator", is(PATH))
                .body("item.bindings[0].last_seen_source_revision_ref", is("c1"))
                .body("item.bindings[0].created_at", notNullValue())
                .body("item.bindings[0].closed_at", notNullValue())
                .body("item.bindings[0].reappearance_of", nullValue())
                .body("item.tombstones", hasSize(1))
                .body("item.tombstones[0].external_locator", is(PATH))
                .body("item.tombstones[0].deleted_in_sync_event_id", is(s.event()))
                .body("item.tombstones[0].deleted_source_revision_ref", is("c2"))
                .body("item.tombstones[0].reappeared_as.config_object_id", is(s.second()))
                .body("item.tombstones[0].reappeared_as.connector_source_binding_id", notNullValue());
        as(s.org().ownerToken())
                .get(s.provenance(s.second()))
                .then()
                .statusCode(200)
                .body("item.bindings", hasSize(1))
                .body("item.bindings[0].status", is("active"))
                .body("item.bindings[0].closed_at", nullValue())
                .body("item.bindings[0].last_seen_source_revision_ref", is("c3"))
                .body("item.bindings[0].reappearance_of.config_object_id", is(s.first()))
                .body("item.bindings[0].reappearance_of.connector_source_tombstone_id", notNullValue())
                .body("item.tombstones", empty());
    }

    static void shareWithEditor(Source s, String object) throws Exception {
        UUID editor;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            editor = OrgFixtures.ensureMember(
                    db, s.org().id(), "editor-" + s.org().id(), "editor");
        }
        as(s.org().ownerToken())
                .body("{\"org_membership_id\": \"" + editor + "\", \"role\": \"viewer\"}")
                .post(base(s.org().id()) + "/config-objects/" + object + "/grants")
                .then()
                .statusCode(201);
    }

    @Test
    void aViewerOfTheOldObjectOnlyDoesNotLearnTheNewOne() throws Exception {
        Source s = deletedAndBack();
        shareWithEditor(s, s.first());
        as(s.org().editorToken())
                .get(s.provenance(s.first()))
                .then()
                .statusCode(200)
                .body("item.tombstones", hasSize(1))
                .body("item.tombstones[0].reappeared_as", nullValue());
        as(s.org().editorToken()).get(s.provenance(s.second())).then().statusCode(404);
    }

    @Test
    void aViewerOfTheNewObjectOnlyDoesNotLearnTheOldOne() throws Exception {
        Source s = deletedAndBack();
        shareWithEditor(s, s.second());
        as(s.org().editorToken())
                .get(s.provenance(s.second()))
                .then()
                .statusCode(200)
                .body("item.bindings", hasSize(1))
                .body("item.bindings[0].reappearance_of", nullValue());
        as(s.org().editorToken()).get(s.provenance(s.first())).then().statusCode(404);
    }

    @Test
    void aCloudObjectHasNoProvenanceAndOtherOrganisationsSeeNothing() {
        TestOrg org = TestOrg.create();
        String id = Library.createSkill(org.editorToken(), org.id(), "cloud-only");
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + id + "/provenance")
                .then()
                .statusCode(200)
                .body("item.source_mode", is("cloud"))
                .body("item.bindings", empty())
                .body("item.tombstones", empty());
        TestOrg stranger = TestOrg.create();
        as(stranger.ownerToken())
                .get(base(stranger.id()) + "/config-objects/" + id + "/provenance")
                .then()
                .statusCode(404);
        as(stranger.ownerToken())
                .get(base(org.id()) + "/config-objects/" + id + "/provenance")
                .then()
                .statusCode(404);
        as(org.viewerToken())
                .get(base(org.id()) + "/config-objects/" + id + "/provenance")
                .then()
                .statusCode(404);
    }
}
