package io.plugsync.api.source;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.source.SourceFixtures.queued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.plugsync.api.source.SourceFixtures.Shared;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Instances: editors rename; managers disable, enable and archive (terminal, hidden from the default list). */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class InstanceLifecycleApiTest {

    @Test
    void editorsRenameButOnlyManagersChangeTheStatus() {
        Shared s = SourceFixtures.shared();
        String url = s.base() + "/connector-instances/" + s.instance();
        as(s.viewer()).body("{\"name\": \"Renamed\"}").patch(url).then().statusCode(403);
        as(s.editor())
                .body("{\"name\": \"Renamed\"}")
                .patch(url)
                .then()
                .statusCode(200)
                .body("item.name", is("Renamed"));
        as(s.editor())
                .body("{\"status\": \"disabled\"}")
                .patch(url)
                .then()
                .statusCode(403)
                .body(containsString("connector_instance:disable"));
        as(s.editor()).post(url + "/disable").then().statusCode(403).body(containsString("connector_instance:disable"));
        as(s.editor()).post(url + "/enable").then().statusCode(403).body(containsString("connector_instance:enable"));
        as(s.manager())
                .body("{\"status\": \"archived\"}")
                .patch(url)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/status"));
        as(TestOrg.create().ownerToken()).post(url + "/disable").then().statusCode(404);
        as(s.viewer()).get(url).then().statusCode(200).body("item.status", is("active"));
    }

    @Test
    void disablingCancelsWaitingSyncsAndEnablingQueuesASyncPerTarget() {
        Shared s = SourceFixtures.shared();
        String url = s.base() + "/connector-instances/" + s.instance();
        assertThat(queued(s.target())).isEqualTo(1);
        as(s.manager()).post(url + "/disable").then().statusCode(200).body("item.status", is("disabled"));
        assertThat(queued(s.target())).isZero();
        as(s.editor())
                .post(s.base() + "/connector-targets/" + s.target() + "/resync")
                .then()
                .statusCode(409)
                .body("type", endsWith("instance-disabled"));
        as(s.manager()).post(url + "/enable").then().statusCode(200).body("item.status", is("active"));
        assertThat(queued(s.target())).isEqualTo(1);
        as(s.manager())
                .body("{\"status\": \"paused\"}")
                .patch(url)
                .then()
                .statusCode(200)
                .body("item.status", is("paused"));
        assertThat(queued(s.target())).isZero();
    }

    @Test
    void archivingIsForManagersTerminalAndHidesTheInstanceFromTheDefaultList() {
        Shared s = SourceFixtures.shared();
        String url = s.base() + "/connector-instances/" + s.instance();
        String list = s.base() + "/connector-instances";
        String mapping = SourceFixtures.mapping(s, "/skills/**");
        as(s.editor()).post(url + "/archive").then().statusCode(403).body(containsString("connector_instance:archive"));
        assertThat(queued(s.target())).isEqualTo(1);

        as(s.manager())
                .post(url + "/archive")
                .then()
                .statusCode(200)
                .body("item.status", is("archived"))
                .body("item.archived_at", notNullValue());
        assertThat(queued(s.target())).as("its waiting syncs are cancelled").isZero();
        as(s.manager()).post(url + "/archive").then().statusCode(200).body("item.status", is("archived"));

        as(s.viewer()).get(list).then().statusCode(200).body("items.id", not(hasItem(s.instance())));
        as(s.viewer()).get(list + "?status=archived").then().statusCode(200).body("items.id", hasItem(s.instance()));
        as(s.viewer()).get(list + "?status=active").then().statusCode(200).body("items.id", not(hasItem(s.instance())));
        as(s.viewer()).get(list + "?status=gone").then().statusCode(400).body("errors[0].pointer", is("query:status"));
        as(s.viewer()).get(url).then().statusCode(200).body("item.status", is("archived"));

        as(s.manager()).post(url + "/enable").then().statusCode(409).body("type", endsWith("instance-archived"));
        as(s.manager()).body("{\"name\": \"x\"}").patch(url).then().statusCode(409);
        as(s.editor())
                .body("{\"remote_id\": \"acme/other\", \"external_target_ref\": \"main\"}")
                .post(url + "/targets")
                .then()
                .statusCode(409)
                .body("type", endsWith("instance-archived"));
        as(s.editor())
                .body("{\"selector\": \"/x/**\"}")
                .patch(s.base() + "/connector-mappings/" + mapping)
                .then()
                .statusCode(409);
        as(s.editor())
                .post(s.base() + "/connector-targets/" + s.target() + "/resync")
                .then()
                .statusCode(409);
        assertThat(queued(s.target())).isZero();
    }
}
