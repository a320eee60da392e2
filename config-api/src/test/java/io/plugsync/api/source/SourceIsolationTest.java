package io.plugsync.api.source;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.library.Library;
import io.plugsync.api.source.SourceFixtures.Shared;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Another organisation's targets, mappings, instances and sync events through the flat routes and
 * the instance actions: 404 under either organisation's path, and nothing changes.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class SourceIsolationTest {

    @Test
    void anotherOrganisationsSourceObjectsAre404AndUnchanged() {
        Shared theirs = SourceFixtures.shared();
        String mapping = SourceFixtures.mapping(theirs, "/skills/**");
        SourceFixtures.synced(theirs.target(), "9".repeat(40), "skills/a/SKILL.md");
        String event = SourceFixtures.held(theirs);
        TestOrg mine = TestOrg.create();
        String owner = mine.ownerToken();
        String t = "/connector-targets/" + theirs.target();
        String m = "/connector-mappings/" + mapping;
        String i = "/connector-instances/" + theirs.instance();
        String e = "/connector-sync-events/" + event;
        List<Function<String, Response>> calls = List.of(
                o -> as(owner).get(o + t),
                o -> as(owner).body("{\"external_target_ref\": \"dev\"}").patch(o + t),
                o -> as(owner).post(o + t + "/resync"),
                o -> as(owner).get(o + t + "/mappings"),
                o -> as(owner)
                        .body("{\"selector\": \"/x/**\", \"object_type\": \"skill\"}")
                        .post(o + t + "/mappings"),
                o -> as(owner).body("{\"selector\": \"/**\"}").post(o + t + "/mappings/preview"),
                o -> as(owner).get(o + m),
                o -> as(owner).body("{\"selector\": \"/y/**\"}").patch(o + m),
                o -> as(owner).delete(o + m),
                o -> as(owner).post(o + m + "/preview"),
                o -> as(owner).body("{\"selector\": \"/y/**\"}").patch(o + i + "/mappings/" + mapping),
                o -> as(owner).post(o + i + "/disable"),
                o -> as(owner).post(o + i + "/enable"),
                o -> as(owner).post(o + i + "/archive"),
                o -> as(owner).get(o + e),
                o -> as(owner).post(o + e + "/retry"),
                o -> as(owner).post(o + e + "/confirm-deletions"),
                o -> as(owner).post(o + e + "/discard"));
        String before = snapshot(theirs);
        List<String> leaks = new ArrayList<>();
        for (String org : List.of(base(mine.id()), base(theirs.org().id()))) {
            for (int n = 0; n < calls.size(); n++) {
                int status = calls.get(n).apply(org).statusCode();
                if (status != 404) {
                    leaks.add(org + " call #" + n + " -> " + status);
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(snapshot(theirs)).isEqualTo(before);
        as(owner).get(base(mine.id()) + "/connector-sync-events/held").then().statusCode(200);
    }

    private static String snapshot(Shared s) {
        return List.of(
                        Library.count(
                                "SELECT count(*) FROM connector_mapping WHERE connector_instance_id = ?"
                                        + " AND status = 'active'",
                                Library.uuid(s.instance())),
                        Library.count(
                                "SELECT count(*) FROM connector_sync_event WHERE connector_instance_id = ?"
                                        + " AND status IN ('queued', 'needs_confirmation')",
                                Library.uuid(s.instance())),
                        Library.count(
                                "SELECT count(*) FROM connector_instance WHERE id = ? AND status = 'active'",
                                Library.uuid(s.instance())),
                        Library.count(
                                "SELECT count(*) FROM connector_target WHERE id = ? AND external_target_ref = 'main'"
                                        + " AND status = 'active'",
                                Library.uuid(s.target())))
                .toString();
    }
}
