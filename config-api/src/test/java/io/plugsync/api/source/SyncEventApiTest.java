package io.plugsync.api.source;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.source.SourceFixtures.held;
import static io.plugsync.api.source.SourceFixtures.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.plugsync.api.source.SourceFixtures.Shared;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code /connector-sync-events}: history, held syncs, confirm and discard with the instance's access. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class SyncEventApiTest {

    @Test
    void viewersOfTheInstanceSeeItsHeldSyncs() {
        Shared s = SourceFixtures.shared();
        String event = held(s);
        String events = s.base() + "/connector-sync-events";
        as(s.viewer())
                .get(events + "/held")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(event))
                .body("items.find { it.id == '" + event + "' }.planned_deletions", is(10))
                .body("items.find { it.id == '" + event + "' }.deleted_paths", hasItem("a/SKILL.md"))
                .body("items.find { it.id == '" + event + "' }.repository", is("acme/agents"));
        as(s.viewer())
                .get(events + "/held?connector_instance_id=" + s.instance())
                .then()
                .statusCode(200)
                .body("items.id", hasItem(event));
        as(s.viewer())
                .get(events + "?status=needs_confirmation")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(event));
        as(s.outsider()).get(events + "/held").then().statusCode(200).body("items.id", not(hasItem(event)));
        as(s.outsider()).get(events + "/" + event).then().statusCode(404);
        as(TestOrg.create().ownerToken()).get(events + "/held").then().statusCode(404);
        as(s.viewer()).get(events + "/held?connector_instance_id=x").then().statusCode(400);
        given().get(events + "/held").then().statusCode(401);
    }

    @Test
    void editorsConfirmAHeldSyncWhichIsQueuedAgainWithItsDeletionsConfirmed() {
        Shared s = SourceFixtures.shared();
        String event = held(s);
        String confirm = s.base() + "/connector-sync-events/" + event + "/confirm-deletions";
        as(s.viewer()).post(confirm).then().statusCode(403).body(containsString("connector_instance:sync"));
        as(s.outsider()).post(confirm).then().statusCode(404);
        as(TestOrg.create().ownerToken()).post(confirm).then().statusCode(404);
        given().post(confirm).then().statusCode(401);
        assertThat(status(event)).isEqualTo("needs_confirmation");

        as(s.editor())
                .post(confirm)
                .then()
                .statusCode(202)
                .body("item.id", is(event))
                .body("item.status", is("queued"))
                .body("item.summary.deletions_confirmed", is(true))
                .body("item.summary.confirmed_by", is("editor-" + s.org().id()));
        as(s.editor()).post(confirm).then().statusCode(409).body("type", endsWith("not-held"));
    }

    @Test
    void discardingAHeldSyncCancelsItAndNothingElse() {
        Shared s = SourceFixtures.shared();
        String event = held(s);
        long queuedBefore = SourceFixtures.queued(s.target());
        String discard = s.base() + "/connector-sync-events/" + event + "/discard";
        as(s.viewer()).post(discard).then().statusCode(403);
        as(TestOrg.create().ownerToken()).post(discard).then().statusCode(404);
        as(s.editor())
                .post(discard)
                .then()
                .statusCode(200)
                .body("item.status", is("cancelled"))
                .body("item.summary.planned_deletions", is(10))
                .body("item.summary.discarded_by", is("editor-" + s.org().id()));
        assertThat(status(event)).isEqualTo("cancelled");
        assertThat(SourceFixtures.queued(s.target())).isEqualTo(queuedBefore);
        as(s.editor()).post(discard).then().statusCode(409).body("type", endsWith("not-held"));
        as(s.editor())
                .post(s.base() + "/connector-sync-events/" + event + "/confirm-deletions")
                .then()
                .statusCode(409);
    }

    @Test
    void theOldSyncEventsPathIsGone() {
        Shared s = SourceFixtures.shared();
        as(s.org().ownerToken()).get(s.base() + "/sync-events").then().statusCode(404);
        as(s.org().ownerToken()).get(s.base() + "/connector-sync-events").then().statusCode(200);
    }
}
