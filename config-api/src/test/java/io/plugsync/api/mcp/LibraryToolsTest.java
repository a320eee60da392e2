package io.plugsync.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.library.Library;
import io.plugsync.api.library.delivery.Reader;
import io.plugsync.api.library.delivery.Replica;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.delivery.ResolvedPlugin;
import io.plugsync.common.library.PayloadCipher;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * search_config_objects / get_config_object show only the library objects the caller may see;
 * list_my_plugins / get_my_plugin only the delivered plugins it may install.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class LibraryToolsTest {
    @Inject
    DynamoDbAsyncClient dynamo;

    @Inject
    PayloadCipher cipher;

    /** A reader entitled (org-wide) to one delivered plugin, beside one it is not entitled to. */
    record Delivered(Reader reader, ResolvedPlugin entitled, ResolvedPlugin other) {}

    Delivered delivered() {
        Replica replica = new Replica(dynamo, cipher).ensureTable();
        Reader reader = Reader.create();
        ResolvedPlugin entitled = Replica.plugin(
                reader.org(), "Agent kit", "active", List.of(Replica.skill("agent-kit", "# Agent kit\n")));
        ResolvedPlugin other =
                Replica.plugin(reader.org(), "Other kit", "active", List.of(Replica.skill("other-kit", "# Other\n")));
        replica.deliver(entitled);
        replica.deliver(other);
        replica.entitleOrg(reader.org(), List.of(entitled.pluginId()));
        return new Delivered(reader, entitled, other);
    }

    @Test
    void listMyPluginsShowsTheEntitledPluginsWithoutContent() {
        Delivered delivered = delivered();
        try (Agent agent = Agent.connect(delivered.reader().token())) {
            JsonObject list = agent.ok("list_my_plugins", Map.of());
            assertThat(list.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("plugin_id")))
                    .containsExactly(delivered.entitled().pluginId().toString());
            JsonObject member = list.getJsonArray("items")
                    .getJsonObject(0)
                    .getJsonArray("members")
                    .getJsonObject(0);
            assertThat(member.getString("path")).isEqualTo("skills/agent-kit/SKILL.md");
            assertThat(member.containsKey("content")).isFalse();
            assertThat(agent.error(
                            "list_my_plugins",
                            Map.of("organization_id", UUID.randomUUID().toString())))
                    .contains("not-found");
        }
    }

    @Test
    void getMyPluginGivesTheFilesOfAnEntitledPluginOnly() {
        Delivered delivered = delivered();
        try (Agent agent = Agent.connect(delivered.reader().token())) {
            JsonObject plugin = agent.ok(
                    "get_my_plugin",
                    Map.of(
                            "plugin_id", delivered.entitled().pluginId().toString(),
                            "organization_id", delivered.reader().org().toString()));
            assertThat(plugin.getString("checksum"))
                    .isEqualTo(delivered.entitled().checksum());
            JsonObject member = plugin.getJsonArray("members").getJsonObject(0);
            assertThat(member.getString("path")).isEqualTo("skills/agent-kit/SKILL.md");
            assertThat(member.getString("content")).isEqualTo("# Agent kit\n");
            assertThat(agent.error(
                            "get_my_plugin",
                            Map.of("plugin_id", delivered.other().pluginId().toString())))
                    .contains("not-found");
            assertThat(agent.error("get_my_plugin", Map.of("plugin_id", "nope")))
                    .contains("/plugin_id");
        }
    }

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
