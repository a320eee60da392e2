package io.plugsync.api.library.plugin;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.library.Library;
import io.plugsync.api.library.Outbox;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Plugin writes append {@code plugin.changed} with the resulting status; rejected writes append nothing. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class PluginEventsTest {

    static List<String> statuses(String plugin) {
        return Outbox.of(OutboxContract.PLUGIN, plugin).stream()
                .peek(e -> assertThat(e.eventType()).isEqualTo(OutboxContract.PLUGIN_CHANGED.name()))
                .map(e -> e.payload().get("status").asText())
                .toList();
    }

    @Test
    void createUpdateAndDeleteEachAppendPluginChangedWithTheResultingStatus() {
        TestOrg org = TestOrg.create();
        String plugin = Library.createPlugin(org.editorToken(), org.id(), "Evented");
        assertThat(statuses(plugin)).containsExactly("active");
        var created = Outbox.of(OutboxContract.PLUGIN, plugin).get(0).payload();
        assertThat(created.get("organization_id").asText()).isEqualTo(org.id().toString());
        assertThat(created.get("plugin_id").asText()).isEqualTo(plugin);

        as(org.editorToken())
                .body("{\"description\": \"now described\"}")
                .patch(base(org.id()) + "/plugins/" + plugin)
                .then()
                .statusCode(200);
        as(org.editorToken())
                .body("{\"status\": \"archived\"}")
                .patch(base(org.id()) + "/plugins/" + plugin)
                .then()
                .statusCode(200);
        as(org.editorToken())
                .delete(base(org.id()) + "/plugins/" + plugin)
                .then()
                .statusCode(204);
        assertThat(statuses(plugin)).containsExactly("active", "active", "archived", "deleted");
    }

    @Test
    void aRejectedPluginWriteAppendsNothingAndChangesNothing() {
        TestOrg org = TestOrg.create();
        String plugin = Library.createPlugin(org.editorToken(), org.id(), "Guarded");
        long before = Outbox.total();
        as(org.editorToken())
                .body("{\"status\": \"deleted\"}")
                .patch(base(org.id()) + "/plugins/" + plugin)
                .then()
                .statusCode(422);
        as(org.viewerToken())
                .body("{\"name\": \"taken over\"}")
                .patch(base(org.id()) + "/plugins/" + plugin)
                .then()
                .statusCode(404);
        as(org.viewerToken())
                .body("{\"name\": \"Viewer's\"}")
                .post(base(org.id()) + "/plugins")
                .then()
                .statusCode(403);
        as(org.editorToken())
                .body("{\"name\": \"\"}")
                .post(base(org.id()) + "/plugins")
                .then()
                .statusCode(422);
        as(org.editorToken())
                .delete(base(org.id()) + "/plugins/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        assertThat(Outbox.total()).isEqualTo(before);
        assertThat(statuses(plugin)).containsExactly("active");
        Library.get(org.editorToken(), base(org.id()) + "/plugins/" + plugin)
                .statusCode(200)
                .body("item.status", is("active"))
                .body("item.name", is("Guarded"));
    }
}
