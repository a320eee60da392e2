package io.plugsync.api.library.access;

import static io.plugsync.api.library.Library.base;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed-001 object and plugin routes answer 401 without a valid bearer token, and change nothing. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class NewRoutesNeedATokenTest {

    @Test
    void withoutATokenOrWithAGarbageOneEveryRouteIs401() {
        TestOrg org = TestOrg.create();
        String object = Library.createSkill(org.ownerToken(), org.id(), "guarded");
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Guarded");
        String o = base(org.id()) + "/config-objects/" + object;
        String p = base(org.id()) + "/plugins/" + plugin;
        List<String[]> routes = List.of(
                new String[] {"GET", o + "/plugins"},
                new String[] {"POST", o + "/plugins"},
                new String[] {"DELETE", o + "/plugins/" + plugin},
                new String[] {"GET", o + "/versions/latest"},
                new String[] {"GET", o + "/versions/compare?from=" + object + "&to=" + object},
                new String[] {"GET", o + "/provenance"},
                new String[] {"GET", base(org.id()) + "/config-objects?plugin_id=" + plugin},
                new String[] {"POST", p + "/archive"},
                new String[] {"POST", p + "/restore"});
        long events = Library.count("SELECT count(*) FROM outbox_event");
        List<String> open = new ArrayList<>();
        for (String[] route : routes) {
            int anonymous = given().contentType(ContentType.JSON)
                    .body("{\"plugin_id\": \"" + plugin + "\"}")
                    .request(route[0], route[1])
                    .statusCode();
            int garbage = given().auth()
                    .oauth2("x.y.z")
                    .contentType(ContentType.JSON)
                    .body("{\"plugin_id\": \"" + plugin + "\"}")
                    .request(route[0], route[1])
                    .statusCode();
            if (anonymous != 401 || garbage != 401) {
                open.add(route[0] + " " + route[1] + " -> " + anonymous + "/" + garbage);
            }
        }
        assertThat(open).isEmpty();
        assertThat(Library.count("SELECT count(*) FROM outbox_event")).isEqualTo(events);
    }
}
