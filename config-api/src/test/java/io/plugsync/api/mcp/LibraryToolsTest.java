package io.plugsync.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** search_config_objects / get_config_object show only the library objects the caller may see. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class LibraryToolsTest {

    @Test
    void editorSeesOwnAndSharedObjectsButNotOthersPrivateOnes() {
        TestOrg org = TestOrg.create();
        String mine = Library.createSkill(org.editorToken(), org.id(), "hubspot-sync");
        String shared = Library.createSkill(org.ownerToken(), org.id(), "hubspot-deals");
        String secret = Library.createSkill(org.ownerToken(), org.id(), "hubspot-private");
        Library.as(org.ownerToken())
                .body("{\"org_wide\": true, \"role\": \"viewer\"}")
                .post(Library.base(org.id()) + "/config-objects/" + shared + "/grants")
                .then()
                .statusCode(201);
        try (Agent agent = Agent.connect(org.editorToken())) {
            JsonObject page = agent.ok("search_config_objects", Map.of("query", "pdf"));
            assertThat(page.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")))
                    .contains(mine, shared)
                    .doesNotContain(secret);
            assertThat(agent.ok("get_config_object", Map.of("config_object_id", shared))
                            .getString("id"))
                    .isEqualTo(shared);
            assertThat(agent.error("get_config_object", Map.of("config_object_id", secret)))
                    .contains("not-found");
        }
        try (Agent owner = Agent.connect(org.ownerToken())) {
            assertThat(owner.ok("search_config_objects", Map.of()).getJsonArray("items").stream()
                            .map(i -> ((JsonObject) i).getString("id")))
                    .contains(mine, shared, secret);
        }
    }

    @Test
    void anotherOrganisationsObjectsAreInvisible() {
        TestOrg mine = TestOrg.create();
        TestOrg theirs = TestOrg.create();
        String object = Library.createSkill(theirs.ownerToken(), theirs.id(), "zendesk-tickets");
        try (Agent agent = Agent.connect(mine.ownerToken())) {
            assertThat(agent.ok("search_config_objects", Map.of()).getJsonArray("items").stream()
                            .map(i -> ((JsonObject) i).getString("id")))
                    .doesNotContain(object);
            assertThat(agent.error("get_config_object", Map.of("config_object_id", object)))
                    .contains("not-found");
            assertThat(agent.error(
                            "search_config_objects",
                            Map.of("organization_id", theirs.id().toString())))
                    .contains("not-found");
        }
    }

    @Test
    void malformedArgumentsAreToolErrorsWithPointers() {
        TestOrg org = TestOrg.create();
        try (Agent agent = Agent.connect(org.viewerToken())) {
            assertThat(agent.error("get_config_object", Map.of("config_object_id", "nope")))
                    .contains("/config_object_id");
            assertThat(agent.error("search_config_objects", Map.of("object_type", "plugin")))
                    .contains("object_type");
        }
    }
}
