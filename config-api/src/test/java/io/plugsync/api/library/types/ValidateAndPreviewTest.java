package io.plugsync.api.library.types;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static io.plugsync.api.library.Library.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /{kind}/validate} and {@code /preview}: the library's parser on submitted content,
 * answering the projection and payload parts or every failing field in create's format; nothing is
 * written.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ValidateAndPreviewTest {

    @Test
    void previewShowsWhatASkillAgentOrCommandWouldStore() {
        TestOrg org = TestOrg.create();
        String o = base(org.id());
        long before = TypedRoutesTest.rows();
        as(org.viewerToken())
                .body(TypedRoutesTest.content(Library.SKILL))
                .post(o + "/skills/preview")
                .then()
                .statusCode(200)
                .body("item.object_type", is("skill"))
                .body("item.name", is("pdf-tools"))
                .body("item.title", is("pdf-tools"))
                .body("item.description", is("Fill and merge PDF forms"))
                .body("item.file_name", is("SKILL.md"))
                .body("item.frontmatter.name", is("pdf-tools"))
                .body("item.body", is("# PDF tools\nUse pdftk for forms.\n"));
        as(org.viewerToken())
                .body(TypedRoutesTest.content(TypedRoutesTest.AGENT))
                .post(o + "/agents/preview")
                .then()
                .statusCode(200)
                .body("item.frontmatter.tools", is("Read, Grep"))
                .body("item.body", is("You review code.\n"));
        for (String route : new String[] {"/commands/render-preview", "/commands/preview"}) {
            as(org.viewerToken())
                    .body("{\"content\": " + json(TypedRoutesTest.COMMAND) + ", \"file_name\": \"summarise.md\"}")
                    .post(o + route)
                    .then()
                    .statusCode(200)
                    .body("item.name", is("summarise"))
                    .body("item.description", is("Summarise the diff"))
                    .body("item.body", is("Summarise $ARGUMENTS\n"));
        }
        as(org.viewerToken())
                .body(TypedRoutesTest.content(Library.SKILL))
                .post(o + "/skills/render-preview")
                .then()
                .statusCode(404);
        assertThat(TypedRoutesTest.rows()).isEqualTo(before);
    }

    @Test
    void previewOfAnMcpConfigShowsTheNormalizedServers() {
        TestOrg org = TestOrg.create();
        as(org.editorToken())
                .body(TypedRoutesTest.content(TypedRoutesTest.MCP))
                .post(base(org.id()) + "/mcps/preview")
                .then()
                .statusCode(200)
                .body("item.title", is("github"))
                .body("item.servers.github.command", is("npx"))
                .body("item.servers.github.env.GITHUB_TOKEN", is("${GITHUB_TOKEN}"))
                .body("item.frontmatter", nullValue());
    }

    @Test
    void validateListsEveryFailingFieldInTheFormatOfCreate() {
        TestOrg org = TestOrg.create();
        String o = base(org.id());
        String bad = TypedRoutesTest.content("---\nname: Bad Name\n---\nbody");
        long before = TypedRoutesTest.rows();
        JsonPath check = as(org.editorToken())
                .body(bad)
                .post(o + "/skills/validate")
                .then()
                .statusCode(200)
                .body("item.valid", is(false))
                .body("item.object_type", is("skill"))
                .body("item.preview", nullValue())
                .extract()
                .jsonPath();
        JsonPath create = as(org.editorToken())
                .body(bad)
                .post(o + "/skills")
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertThat(check.getList("item.errors"))
                .isEqualTo(create.getList("errors"))
                .hasSize(2);
        assertThat(check.getList("item.errors.pointer"))
                .containsExactly("/content/frontmatter/name", "/content/frontmatter/description");

        as(org.editorToken())
                .body(TypedRoutesTest.content(TypedRoutesTest.MCP))
                .post(o + "/mcps/validate")
                .then()
                .statusCode(200)
                .body("item.valid", is(true))
                .body("item.errors", empty())
                .body("item.preview.servers.github.args", contains("-y", "@modelcontextprotocol/server-github"));
        as(org.editorToken())
                .body(TypedRoutesTest.content(
                        "{\"mcpServers\": {\"x\": {\"command\": \"a\", \"url\": \"https://b\"}}}"))
                .post(o + "/mcps/validate")
                .then()
                .statusCode(200)
                .body("item.valid", is(false))
                .body("item.errors.pointer", contains("/content/mcpServers/x"));
        // a command's file name is its name when the frontmatter has none
        as(org.editorToken())
                .body(TypedRoutesTest.content("Just a prompt"))
                .post(o + "/commands/validate")
                .then()
                .statusCode(200)
                .body("item.errors.pointer", contains("/file_name"));
        assertThat(TypedRoutesTest.rows()).isEqualTo(before);
    }
}
