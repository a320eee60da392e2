package io.plugsync.api.library.object;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static io.plugsync.api.library.Library.count;
import static io.plugsync.api.library.Library.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Parallel writers on one object: every write becomes a version and the projection names the latest. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ConcurrentVersionsTest {

    @Test
    void parallelUpdatesAllLandAndTheProjectionMatchesTheLatestVersion() throws Exception {
        TestOrg org = TestOrg.create();
        String id = Library.createSkill(org.editorToken(), org.id(), "raced-skill");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String body = "{\"content\": " + Library.json(Library.SKILL.replace("pdf-tools", "writer-" + i)) + "}";
                results.add(pool.submit(() -> as(org.editorToken())
                        .body(body)
                        .put(base(org.id()) + "/config-objects/" + id)
                        .statusCode()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM config_object_version WHERE config_object_id = ?", uuid(id)))
                .isEqualTo(writers + 1);
        String latestName = as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + id + "/latest")
                .then()
                .extract()
                .path("item.payload.name");
        String title = as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + id)
                .then()
                .extract()
                .path("item.title");
        assertThat(title).isEqualTo(latestName).startsWith("writer-");
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?",
                        id,
                        OutboxContract.CONFIG_OBJECT_VERSION_CREATED.name()))
                .isEqualTo(writers + 1);
    }
}
