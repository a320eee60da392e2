package io.plugsync.api.library.types;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code POST /mcps/{id}/install-check}: a static reading of the stored config, nothing run or contacted. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class McpInstallCheckTest {
    static final String REMOTE = "{\"mcpServers\": {"
            + "\"docs\": {\"type\": \"http\", \"url\": \"http://docs.internal.example/mcp\","
            + " \"headers\": {\"Authorization\": \"Bearer abc123\", \"X-Team\": \"${TEAM:-core}\"}},"
            + "\"broken\": {\"type\": \"sse\", \"command\": \"mcp-${REGION}\"}}}";

    @Test
    void aLocalServerNeedsItsExecutableAndTheEnvironmentItReferences() {
        TestOrg org = TestOrg.create();
        String mcp =
                TypedRoutesTest.create(org.editorToken(), org, "mcps", TypedRoutesTest.content(TypedRoutesTest.MCP));
        long before = TypedRoutesTest.rows();
        as(org.editorToken())
                .post(base(org.id()) + "/mcps/" + mcp + "/install-check")
                .then()
                .statusCode(200)
                .body("item.config_object_id", is(mcp))
                .body("item.installable", is(true))
                .body("item.servers", hasSize(1))
                .body("item.servers[0].name", is("github"))
                .body("item.servers[0].transport", is("stdio"))
                .body("item.servers[0].command", is("npx"))
                .body("item.servers[0].required_env", contains("GITHUB_TOKEN"))
                .body(
                        "item.servers[0].client_must_provide",
                        contains("the executable 'npx' on the client's PATH", "environment variable GITHUB_TOKEN"))
                .body("item.servers[0].problems", empty())
                .body("item.servers[0].warnings", empty());
        assertThat(TypedRoutesTest.rows()).isEqualTo(before);
    }

    @Test
    void remoteServersShowTheirOriginOptionalEnvAndLiteralCredentialsAndAMismatchedTransportBlocks() {
        TestOrg org = TestOrg.create();
        String mcp = TypedRoutesTest.create(org.editorToken(), org, "mcps", TypedRoutesTest.content(REMOTE));
        var check = as(org.editorToken())
                .post(base(org.id()) + "/mcps/" + mcp + "/install-check")
                .then()
                .statusCode(200)
                .body("item.installable", is(false))
                .extract()
                .jsonPath();
        assertThat(check.getString("item.servers.find { it.name == 'docs' }.transport"))
                .isEqualTo("http");
        assertThat(check.getList("item.servers.find { it.name == 'docs' }.optional_env"))
                .containsExactly("TEAM");
        assertThat(check.getList("item.servers.find { it.name == 'docs' }.client_must_provide"))
                .containsExactly("network access to http://docs.internal.example");
        assertThat(check.getList("item.servers.find { it.name == 'docs' }.warnings", String.class))
                .anyMatch(w -> w.contains("Authorization holds a literal credential"))
                .anyMatch(w -> w.contains("plain http"));
        assertThat(check.getList("item.servers.find { it.name == 'broken' }.problems"))
                .containsExactly("transport sse needs a url");
        assertThat(check.getList("item.servers.find { it.name == 'broken' }.required_env"))
                .containsExactly("REGION");
    }

    @Test
    void installCheckNeedsReadAccessAndALiveConfig() {
        TestOrg org = TestOrg.create();
        TestOrg other = TestOrg.create();
        String mcp =
                TypedRoutesTest.create(org.ownerToken(), org, "mcps", TypedRoutesTest.content(TypedRoutesTest.MCP));
        String path = base(org.id()) + "/mcps/" + mcp + "/install-check";
        as(org.viewerToken()).post(path).then().statusCode(404);
        as(other.ownerToken()).post(path).then().statusCode(404);
        as(org.ownerToken())
                .body("{\"org_wide\": true, \"role\": \"viewer\"}")
                .post(base(org.id()) + "/config-objects/" + mcp + "/grants")
                .then()
                .statusCode(201);
        as(org.viewerToken()).post(path).then().statusCode(200);
        as(org.ownerToken())
                .delete(base(org.id()) + "/config-objects/" + mcp)
                .then()
                .statusCode(200);
        as(org.ownerToken()).post(path).then().statusCode(409).body("type", endsWith("/object-deleted"));
    }
}
