package io.plugsync.api.source;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static io.plugsync.api.library.Library.count;
import static io.plugsync.api.library.Library.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Connector admin: accounts, instances, targets with resync, mappings, sync events with retry. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ConnectorAdminApiTest {

    @Test
    void onlyOwnersAndAdminsConnectAccountsAndDuplicatesConflict() {
        TestOrg org = TestOrg.create();
        String body = "{\"connector_type\": \"github\", \"remote_id\": \"4242\", \"display_name\": \"Acme\"}";
        as(org.editorToken())
                .body(body)
                .post(base(org.id()) + "/connector-accounts")
                .then()
                .statusCode(403)
                .body("missing_capability", is("connector_account:create"));
        as(org.ownerToken())
                .body(body)
                .post(base(org.id()) + "/connector-accounts")
                .then()
                .statusCode(201);
        as(org.ownerToken())
                .body(body)
                .post(base(org.id()) + "/connector-accounts")
                .then()
                .statusCode(409)
                .body("type", endsWith("account-exists"));
        as(org.viewerToken())
                .get(base(org.id()) + "/connector-accounts")
                .then()
                .statusCode(200)
                .body("items.remote_id", hasItem("4242"));
    }

    @Test
    void resyncQueuesASyncEventAndAnswers202() {
        TestOrg org = TestOrg.create();
        String[] ids = Library.source(org);
        String event = as(org.ownerToken())
                .post(base(org.id()) + "/connector-instances/" + ids[1] + "/targets/" + ids[2] + "/resync")
                .then()
                .statusCode(202)
                .body("item.status", is("queued"))
                .body("item.connector_target_id", is(ids[2]))
                .extract()
                .path("item.id");
        assertThat(count("SELECT count(*) FROM connector_sync_event WHERE id = ? AND status = 'queued'", uuid(event)))
                .isEqualTo(1);
        as(org.ownerToken())
                .get(base(org.id()) + "/connector-sync-events?connector_instance_id=" + ids[1])
                .then()
                .statusCode(200)
                .body("items.id", hasItem(event));
    }

    @Test
    void onlyUnsuccessfulSyncEventsCanBeRetried() throws Exception {
        TestOrg org = TestOrg.create();
        String[] ids = Library.source(org);
        String event = as(org.ownerToken())
                .post(base(org.id()) + "/connector-instances/" + ids[1] + "/targets/" + ids[2] + "/resync")
                .then()
                .extract()
                .path("item.id");
        as(org.ownerToken())
                .post(base(org.id()) + "/connector-sync-events/" + event + "/retry")
                .then()
                .statusCode(409)
                .body("type", endsWith("not-retryable"));
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement st = db.prepareStatement(
                        "UPDATE connector_sync_event SET status = 'failed', completed_at = now() WHERE id = ?")) {
            st.setObject(1, uuid(event));
            st.executeUpdate();
        }
        as(org.ownerToken())
                .post(base(org.id()) + "/connector-sync-events/" + event + "/retry")
                .then()
                .statusCode(202)
                .body("item.status", is("queued"));
    }

    @Test
    void mappingsTakeGlobSelectorsAndCheckTheirReferences() {
        TestOrg org = TestOrg.create();
        String[] ids = Library.source(org);
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Sales");
        String mappings = base(org.id()) + "/connector-instances/" + ids[1] + "/mappings";
        as(org.ownerToken())
                .body("{\"connector_target_id\": \"" + ids[2] + "\", \"selector\": \"/sales/skills/**\","
                        + " \"object_type\": \"skill\", \"plugin_id\": \"" + plugin
                        + "\", \"auto_add_to_plugin\": true}")
                .post(mappings)
                .then()
                .statusCode(201)
                .body("item.selector", is("/sales/skills/**"))
                .body("item.auto_add_to_plugin", is(true))
                .body("item.mapping_kind", is("path"));
        for (String selector : new String[] {"sales/**", "/a/**b", "/a//b", "/../x", "/a/[b"}) {
            as(org.ownerToken())
                    .body("{\"connector_target_id\": \"" + ids[2] + "\", \"selector\": \"" + selector
                            + "\", \"object_type\": \"skill\"}")
                    .post(mappings)
                    .then()
                    .statusCode(422)
                    .body("errors[0].pointer", is("/selector"));
        }
        as(org.ownerToken())
                .body("{\"connector_target_id\": \"" + UUID.randomUUID() + "\", \"selector\": \"/x/**\","
                        + " \"object_type\": \"skill\"}")
                .post(mappings)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/connector_target_id"));
        as(org.ownerToken())
                .body("{\"connector_target_id\": \"" + ids[2] + "\", \"selector\": \"/x/**\","
                        + " \"object_type\": \"skill\", \"auto_add_to_plugin\": true}")
                .post(mappings)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/auto_add_to_plugin"));
        assertThat(count("SELECT count(*) FROM connector_mapping WHERE connector_instance_id = ?", uuid(ids[1])))
                .isEqualTo(1);
    }

    @Test
    void instancesArePrivateToTheirCreatorUntilShared() {
        TestOrg org = TestOrg.create();
        String[] ids = Library.source(org);
        as(org.editorToken())
                .get(base(org.id()) + "/connector-instances/" + ids[1])
                .then()
                .statusCode(404);
        as(org.ownerToken())
                .body("{\"org_wide\": true, \"role\": \"viewer\"}")
                .post(base(org.id()) + "/connector-instances/" + ids[1] + "/grants")
                .then()
                .statusCode(201);
        as(org.editorToken())
                .get(base(org.id()) + "/connector-instances/" + ids[1])
                .then()
                .statusCode(200)
                .body("item.your_role", is("viewer"));
        as(org.editorToken())
                .post(base(org.id()) + "/connector-instances/" + ids[1] + "/targets/" + ids[2] + "/resync")
                .then()
                .statusCode(403)
                .body("type", endsWith("/missing-resource-role"))
                .body("action", is("connector_instance:sync"));
    }
}
