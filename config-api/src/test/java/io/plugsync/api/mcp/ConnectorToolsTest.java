package io.plugsync.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** list_connectors and the schema resource, as the caller. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ConnectorToolsTest {

    @Test
    void listConnectorsShowsOnlyTheCallersOrganisation() {
        TestOrg mine = TestOrg.create();
        TestOrg theirs = TestOrg.create();
        String own = McpFixtures.createConnector(mine, "crm-mine");
        String other = McpFixtures.createConnector(theirs, "crm-theirs");
        try (Agent agent = Agent.connect(mine.viewerToken())) {
            JsonObject page = agent.ok("list_connectors", Map.of());
            assertThat(page.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")))
                    .contains(own)
                    .doesNotContain(other);
            assertThat(agent.error(
                            "list_connectors",
                            Map.of("organization_id", theirs.id().toString())))
                    .contains("not-found");
        }
    }

    @Test
    void schemaResourceIsTheV3JsonSchema() {
        TestOrg org = TestOrg.create();
        try (Agent agent = Agent.connect(org.viewerToken())) {
            AtomicReference<String> text = new AtomicReference<>();
            agent.client()
                    .when()
                    .resourcesList(page ->
                            assertThat(page.findByUri(SchemaResource.URI)).isNotNull())
                    .resourcesRead(
                            SchemaResource.URI,
                            response ->
                                    text.set(response.contents().get(0).asText().text()))
                    .thenAssertResults();
            JsonObject schema = new JsonObject(text.get());
            assertThat(schema.getJsonObject("properties").fieldNames()).contains("entities", "event_flows", "settings");
        }
    }
}
