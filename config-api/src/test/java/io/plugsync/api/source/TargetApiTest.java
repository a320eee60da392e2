package io.plugsync.api.source;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.source.SourceFixtures.queued;
import static io.plugsync.api.source.SourceFixtures.synced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.plugsync.api.source.SourceFixtures.Shared;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Targets: the initial sync, the flat routes, branch and status changes and what they queue or cancel. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class TargetApiTest {

    @Test
    void aNewTargetQueuesItsInitialSyncAtOnce() {
        Shared s = SourceFixtures.shared();
        String event = as(s.editor())
                .body("{\"remote_id\": \"acme/tools\", \"external_target_ref\": \"main\"}")
                .post(s.base() + "/connector-instances/" + s.instance() + "/targets")
                .then()
                .statusCode(201)
                .body("item.remote_id", is("acme/tools"))
                .body("queued_sync_event_id", notNullValue())
                .extract()
                .path("queued_sync_event_id");
        as(s.viewer())
                .get(s.base() + "/connector-sync-events/" + event)
                .then()
                .statusCode(200)
                .body("item.status", is("queued"))
                .body("item.event_type", is("initial_sync"));
        assertThat(queued(s.target())).as("Library.source's target got one too").isEqualTo(1);
    }

    @Test
    void aTargetIsReadByItsOwnIdWithTheInstancesAccess() {
        Shared s = SourceFixtures.shared();
        String url = s.base() + "/connector-targets/" + s.target();
        as(s.viewer())
                .get(url)
                .then()
                .statusCode(200)
                .body("item.id", is(s.target()))
                .body("item.connector_instance_id", is(s.instance()));
        as(s.outsider()).get(url).then().statusCode(404).body("detail", is("target " + s.target() + " does not exist"));
        as(TestOrg.create().ownerToken()).get(url).then().statusCode(404);
        as(s.viewer())
                .get(s.base() + "/connector-targets/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        as(s.viewer())
                .get(s.base() + "/connector-instances/" + s.instance() + "/targets/" + s.target())
                .then()
                .statusCode(200);
    }

    @Test
    void changingTheBranchQueuesAResync() {
        Shared s = SourceFixtures.shared();
        synced(s.target(), "d".repeat(40), "README.md");
        String url = s.base() + "/connector-targets/" + s.target();
        as(s.viewer())
                .body("{\"external_target_ref\": \"dev\"}")
                .patch(url)
                .then()
                .statusCode(403);
        as(s.editor())
                .body("{\"external_target_ref\": \"a..b\", \"status\": \"gone\"}")
                .patch(url)
                .then()
                .statusCode(422)
                .body("errors.pointer", org.hamcrest.Matchers.hasItems("/external_target_ref", "/status"));
        as(s.editor()).body("{\"remote_id\": \"x/y\"}").patch(url).then().statusCode(400);
        assertThat(queued(s.target())).isZero();
        String event = as(s.editor())
                .body("{\"external_target_ref\": \"dev\"}")
                .patch(url)
                .then()
                .statusCode(200)
                .body("item.external_target_ref", is("dev"))
                .body("queued_sync_event_id", notNullValue())
                .extract()
                .path("queued_sync_event_id");
        assertThat(SourceFixtures.status(event)).isEqualTo("queued");
        as(s.editor())
                .body("{\"external_target_ref\": \"dev\"}")
                .patch(url)
                .then()
                .statusCode(200)
                .body("queued_sync_event_id", nullValue());
        assertThat(queued(s.target())).isEqualTo(1);

        as(s.editor())
                .body("{\"remote_id\": \"acme/agents\", \"external_target_ref\": \"main\"}")
                .post(s.base() + "/connector-instances/" + s.instance() + "/targets")
                .then()
                .statusCode(201);
        as(s.editor())
                .body("{\"external_target_ref\": \"main\"}")
                .patch(url)
                .then()
                .statusCode(409)
                .body("type", endsWith("target-exists"));
    }

    @Test
    void disablingATargetCancelsItsWaitingSyncsAndEnablingQueuesOne() {
        Shared s = SourceFixtures.shared();
        String url = s.base() + "/connector-targets/" + s.target();
        String initial = (String) as(s.viewer())
                .get(s.base() + "/connector-sync-events?connector_instance_id=" + s.instance())
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        as(s.editor())
                .body("{\"status\": \"disabled\"}")
                .patch(url)
                .then()
                .statusCode(200)
                .body("item.status", is("disabled"))
                .body("queued_sync_event_id", nullValue());
        assertThat(SourceFixtures.status(initial)).isEqualTo("cancelled");
        as(s.editor()).post(url + "/resync").then().statusCode(409).body("type", endsWith("target-disabled"));
        as(s.editor())
                .body("{\"status\": \"active\"}")
                .patch(url)
                .then()
                .statusCode(200)
                .body("queued_sync_event_id", notNullValue());
        assertThat(queued(s.target())).isEqualTo(1);
    }

    @Test
    void theFlatResyncQueuesASyncForEditors() {
        Shared s = SourceFixtures.shared();
        String url = s.base() + "/connector-targets/" + s.target() + "/resync";
        as(s.viewer()).post(url).then().statusCode(403).body(containsString("connector_instance:sync"));
        as(TestOrg.create().ownerToken()).post(url).then().statusCode(404);
        as(s.editor())
                .post(url)
                .then()
                .statusCode(202)
                .body("item.event_type", is("manual_resync"))
                .body("item.connector_target_id", is(s.target()));
    }
}
