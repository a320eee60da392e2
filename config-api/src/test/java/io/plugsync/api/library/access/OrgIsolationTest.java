package io.plugsync.api.library.access;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Another organisation's ids answer 404 on every endpoint, both under the caller's own
 * organisation path and under the other organisation's path, and nothing changes.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class OrgIsolationTest {
    static final List<String> TABLES = List.of(
            "config_object",
            "config_object_version",
            "plugin",
            "plugin_config_object",
            "plugin_access_grant",
            "config_object_access_grant",
            "connector_instance_access_grant",
            "plugin_release",
            "connector_account",
            "connector_instance",
            "connector_target",
            "connector_mapping",
            "connector_sync_event",
            "outbox_event");

    static Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, Library.count("SELECT count(*) FROM " + table));
        }
        counts.put(
                "versions_of_deleted_or_archived",
                Library.count("SELECT count(*) FROM config_object" + " WHERE status IN ('deleted', 'archived')"));
        counts.put(
                "sync_events_queued",
                Library.count("SELECT count(*) FROM connector_sync_event WHERE status = 'queued'"));
        return counts;
    }

    @Test
    void everyEndpointFamilyAnswers404ForAnotherOrganisationsIds() {
        TestOrg mine = TestOrg.create();
        TestOrg theirs = TestOrg.create();
        String object = Library.createSkill(theirs.ownerToken(), theirs.id(), "their-skill");
        String plugin = Library.createPlugin(theirs.ownerToken(), theirs.id(), "Theirs");
        as(theirs.ownerToken())
                .body("{\"config_object_id\": \"" + object + "\"}")
                .post(base(theirs.id()) + "/plugins/" + plugin + "/members")
                .then()
                .statusCode(201);
        String release = as(theirs.ownerToken())
                .post(base(theirs.id()) + "/plugins/" + plugin + "/releases")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
        String[] source = Library.source(theirs);
        String account = source[0];
        String instance = source[1];
        String target = source[2];
        String mapping = as(theirs.ownerToken())
                .body("{\"connector_target_id\": \"" + target
                        + "\", \"selector\": \"/x/**\", \"object_type\": \"skill\"}")
                .post(base(theirs.id()) + "/connector-instances/" + instance + "/mappings")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
        String event = as(theirs.ownerToken())
                .post(base(theirs.id()) + "/connector-instances/" + instance + "/targets/" + target + "/resync")
                .then()
                .statusCode(202)
                .extract()
                .path("item.id");
        String grant = as(theirs.ownerToken())
                .body("{\"org_wide\": true, \"role\": \"viewer\"}")
                .post(base(theirs.id()) + "/plugins/" + plugin + "/grants")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
        String version = as(theirs.ownerToken())
                .get(base(theirs.id()) + "/config-objects/" + object + "/latest")
                .then()
                .extract()
                .path("item.id");
        String skill = "{\"content\": " + Library.json(Library.SKILL) + "}";
        List<Function<String, Response>> calls = List.of(
                o -> as(mine.ownerToken()).get(o + "/config-objects/" + object),
                o -> as(mine.ownerToken()).body(skill).put(o + "/config-objects/" + object),
                o -> as(mine.ownerToken()).get(o + "/config-objects/" + object + "/versions"),
                o -> as(mine.ownerToken()).get(o + "/config-objects/" + object + "/versions/" + version),
                o -> as(mine.ownerToken()).get(o + "/config-objects/" + object + "/latest"),
                o -> as(mine.ownerToken()).get(o + "/config-objects/" + object + "/versions/latest"),
                o -> as(mine.ownerToken())
                        .get(o + "/config-objects/" + object + "/versions/compare?from=" + version + "&to=" + version),
                o -> as(mine.ownerToken()).get(o + "/config-objects/" + object + "/provenance"),
                o -> as(mine.ownerToken()).get(o + "/config-objects/" + object + "/plugins"),
                o -> as(mine.ownerToken())
                        .body("{\"plugin_id\": \"" + plugin + "\"}")
                        .post(o + "/config-objects/" + object + "/plugins"),
                o -> as(mine.ownerToken()).delete(o + "/config-objects/" + object + "/plugins/" + plugin),
                o -> as(mine.ownerToken()).post(o + "/plugins/" + plugin + "/archive"),
                o -> as(mine.ownerToken()).post(o + "/plugins/" + plugin + "/restore"),
                o -> as(mine.ownerToken()).post(o + "/config-objects/" + object + "/archive"),
                o -> as(mine.ownerToken()).post(o + "/config-objects/" + object + "/restore"),
                o -> as(mine.ownerToken()).delete(o + "/config-objects/" + object),
                o -> as(mine.ownerToken()).get(o + "/config-objects/" + object + "/grants"),
                o -> as(mine.ownerToken())
                        .body("{\"org_wide\": true, \"role\": \"manager\"}")
                        .post(o + "/config-objects/" + object + "/grants"),
                o -> as(mine.ownerToken()).get(o + "/plugins/" + plugin),
                o -> as(mine.ownerToken()).body("{\"name\": \"x\"}").patch(o + "/plugins/" + plugin),
                o -> as(mine.ownerToken()).delete(o + "/plugins/" + plugin),
                o -> as(mine.ownerToken()).get(o + "/plugins/" + plugin + "/members"),
                o -> as(mine.ownerToken())
                        .body("{\"config_object_id\": \"" + object + "\"}")
                        .post(o + "/plugins/" + plugin + "/members"),
                o -> as(mine.ownerToken()).delete(o + "/plugins/" + plugin + "/members/" + object),
                o -> as(mine.ownerToken()).get(o + "/plugins/" + plugin + "/resolved"),
                o -> as(mine.ownerToken()).get(o + "/plugins/" + plugin + "/releases"),
                o -> as(mine.ownerToken()).post(o + "/plugins/" + plugin + "/releases"),
                o -> as(mine.ownerToken()).get(o + "/plugins/" + plugin + "/releases/" + release),
                o -> as(mine.ownerToken()).get(o + "/plugins/" + plugin + "/releases/" + release + "/diff"),
                o -> as(mine.ownerToken()).delete(o + "/plugins/" + plugin + "/grants/" + grant),
                o -> as(mine.ownerToken()).get(o + "/connector-accounts/" + account),
                o -> as(mine.ownerToken())
                        .body("{\"status\": \"suspended\"}")
                        .patch(o + "/connector-accounts/" + account),
                o -> as(mine.ownerToken()).get(o + "/connector-instances/" + instance),
                o -> as(mine.ownerToken())
                        .body("{\"status\": \"paused\"}")
                        .patch(o + "/connector-instances/" + instance),
                o -> as(mine.ownerToken()).get(o + "/connector-instances/" + instance + "/grants"),
                o -> as(mine.ownerToken()).get(o + "/connector-instances/" + instance + "/targets"),
                o -> as(mine.ownerToken())
                        .body("{\"remote_id\": \"a/b\", \"external_target_ref\": \"dev\"}")
                        .post(o + "/connector-instances/" + instance + "/targets"),
                o -> as(mine.ownerToken()).get(o + "/connector-instances/" + instance + "/targets/" + target),
                o -> as(mine.ownerToken())
                        .post(o + "/connector-instances/" + instance + "/targets/" + target + "/resync"),
                o -> as(mine.ownerToken()).get(o + "/connector-instances/" + instance + "/mappings"),
                o -> as(mine.ownerToken()).get(o + "/connector-instances/" + instance + "/mappings/" + mapping),
                o -> as(mine.ownerToken()).delete(o + "/connector-instances/" + instance + "/mappings/" + mapping),
                o -> as(mine.ownerToken()).get(o + "/connector-sync-events/" + event),
                o -> as(mine.ownerToken()).post(o + "/connector-sync-events/" + event + "/retry"));
        Map<String, Long> before = snapshot();
        List<String> leaks = new ArrayList<>();
        for (String org : List.of(base(mine.id()), base(theirs.id()))) {
            for (int i = 0; i < calls.size(); i++) {
                Response response = calls.get(i).apply(org);
                if (response.statusCode() != 404) {
                    leaks.add(org + " call #" + i + " -> " + response.statusCode());
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
        as(mine.ownerToken())
                .get(base(mine.id()) + "/connector-sync-events")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void listsUnderAnotherOrganisationAre404() {
        TestOrg mine = TestOrg.create();
        TestOrg theirs = TestOrg.create();
        for (String family : List.of(
                "config-objects", "plugins", "connector-accounts", "connector-instances", "connector-sync-events")) {
            as(mine.ownerToken()).get(base(theirs.id()) + "/" + family).then().statusCode(404);
        }
    }
}
