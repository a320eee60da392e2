package io.plugsync.api.library.types;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static io.plugsync.api.library.Library.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.plugsync.api.library.Library;
import io.plugsync.api.library.Outbox;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /skills}, {@code /agents}, {@code /commands}, {@code /mcps}: the config-object routes with
 * the type fixed (same rules, events and access), and their 404 for an object of another type.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class TypedRoutesTest {
    static final String AGENT =
            "---\nname: reviewer\ndescription: Reviews pull requests\ntools: Read, Grep\n---\n" + "You review code.\n";
    static final String COMMAND = "---\ndescription: Summarise the diff\n---\nSummarise $ARGUMENTS\n";
    static final String MCP = "{\"mcpServers\": {\"github\": {\"command\": \"npx\","
            + " \"args\": [\"-y\", \"@modelcontextprotocol/server-github\"],"
            + " \"env\": {\"GITHUB_TOKEN\": \"${GITHUB_TOKEN}\"}}}}";

    /** Rows a rejected request must not add. */
    static long rows() {
        return Library.count(
                "SELECT (SELECT count(*) FROM config_object) + (SELECT count(*) FROM config_object_version)"
                        + " + (SELECT count(*) FROM outbox_event)");
    }

    static String content(String text) {
        return "{\"content\": " + json(text) + "}";
    }

    static String create(String token, TestOrg org, String kind, String body) {
        return as(token)
                .body(body)
                .post(base(org.id()) + "/" + kind)
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/orgs/" + org.id() + "/" + kind + "/"))
                .extract()
                .path("item.id");
    }

    @Test
    void eachKindCreatesListsGetsAndVersionsItsOwnType() {
        TestOrg org = TestOrg.create();
        String skill = create(org.editorToken(), org, "skills", content(Library.SKILL));
        String agent = create(org.editorToken(), org, "agents", content(AGENT));
        String command = create(
                org.editorToken(),
                org,
                "commands",
                "{\"content\": " + json(COMMAND) + ", \"file_name\": \"summarise.md\"}");
        String mcp = create(org.editorToken(), org, "mcps", content(MCP));

        as(org.editorToken())
                .get(base(org.id()) + "/skills/" + skill)
                .then()
                .statusCode(200)
                .body("item.object_type", is("skill"))
                .body("item.title", is("pdf-tools"))
                .body("item.your_role", is("manager"));
        as(org.editorToken())
                .get(base(org.id()) + "/agents/" + agent)
                .then()
                .statusCode(200)
                .body("item.object_type", is("agent"));
        as(org.editorToken())
                .get(base(org.id()) + "/commands/" + command)
                .then()
                .statusCode(200)
                .body("item.title", is("summarise"));
        as(org.editorToken())
                .get(base(org.id()) + "/mcps/" + mcp)
                .then()
                .statusCode(200)
                .body("item.title", is("github"));

        as(org.editorToken())
                .get(base(org.id()) + "/skills")
                .then()
                .statusCode(200)
                .body("items.id", contains(skill))
                .body("items.object_type", everyItem(is("skill")));
        as(org.editorToken())
                .get(base(org.id()) + "/mcps")
                .then()
                .statusCode(200)
                .body("items.id", contains(mcp));

        String version = as(org.editorToken())
                .body(content(Library.SKILL.replace("pdf-tools", "pdf-tools-v2")))
                .post(base(org.id()) + "/skills/" + skill + "/versions")
                .then()
                .statusCode(201)
                .body("item.title", is("pdf-tools-v2"))
                .extract()
                .path("item.latest_version_id");
        as(org.editorToken())
                .get(base(org.id()) + "/config-objects/" + skill + "/latest")
                .then()
                .body("item.id", is(version));
        // the same events as POST /config-objects and PUT /config-objects/{id}: one per version
        assertThat(Outbox.of(OutboxContract.CONFIG_OBJECT, skill))
                .extracting(Outbox.Event::eventType)
                .containsExactly(
                        OutboxContract.CONFIG_OBJECT_VERSION_CREATED.name(),
                        OutboxContract.CONFIG_OBJECT_VERSION_CREATED.name());
    }

    @Test
    void anObjectOfAnotherTypeIsNotFoundUnderAKind() {
        TestOrg org = TestOrg.create();
        String skill = Library.createSkill(org.editorToken(), org.id(), "only-a-skill");
        long before = Library.count("SELECT count(*) FROM config_object_version");
        for (String kind : new String[] {"agents", "commands", "mcps"}) {
            as(org.editorToken())
                    .get(base(org.id()) + "/" + kind + "/" + skill)
                    .then()
                    .statusCode(404)
                    .contentType(startsWith("application/problem+json"));
            as(org.editorToken())
                    .body(content(Library.SKILL))
                    .post(base(org.id()) + "/" + kind + "/" + skill + "/versions")
                    .then()
                    .statusCode(404);
            as(org.editorToken())
                    .get(base(org.id()) + "/" + kind)
                    .then()
                    .statusCode(200)
                    .body("items.id", not(hasItem(skill)));
        }
        as(org.editorToken())
                .post(base(org.id()) + "/mcps/" + skill + "/install-check")
                .then()
                .statusCode(404);
        as(org.editorToken()).get(base(org.id()) + "/tools").then().statusCode(404);
        assertThat(Library.count("SELECT count(*) FROM config_object_version")).isEqualTo(before);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() {
        TestOrg org = TestOrg.create();
        String skill = Library.createSkill(org.editorToken(), org.id(), "bad-input-skill");
        String o = base(org.id());
        long before = rows();
        record Case(String path, String body, int status, String pointer) {}
        for (Case c : new Case[] {
            new Case("/skills", content("no frontmatter"), 422, "/content"),
            new Case("/skills", "{\"object_type\": \"agent\", \"content\": \"x\"}", 400, "/object_type"),
            new Case("/skills", "{\"content\": {\"name\": \"x\"}}", 400, "/content"),
            new Case("/skills", "{\"content\": \"x\", \"source_mode\": \"connector\"}", 422, "/source_mode"),
            new Case(
                    "/agents",
                    content("---\nname: Bad Name\ndescription: d\n---\nprompt"),
                    422,
                    "/content/frontmatter/name"),
            new Case("/mcps", content("{not json"), 422, "/content"),
            new Case("/mcps", "{\"colour\": \"red\"}", 400, "/colour"),
            new Case("/skills/" + skill + "/versions", "{\"content\": \"\"}", 422, "/content"),
            new Case("/skills/" + skill + "/versions", "{\"content\": [1]}", 400, "/content"),
            new Case("/skills/validate", "{\"content\": \"x\", \"extra\": 1}", 400, "/extra"),
            new Case("/skills/preview", content("no frontmatter"), 422, "/content"),
            new Case("/commands/render-preview", "{\"content\": true, \"title\": {}}", 400, "/title"),
        }) {
            var response = as(org.editorToken()).body(c.body()).post(o + c.path());
            response.then().statusCode(c.status()).contentType(startsWith("application/problem+json"));
            assertThat(response.jsonPath().getString("errors[0].pointer"))
                    .as(c.path() + " " + c.body())
                    .isEqualTo(c.pointer());
        }
        as(org.editorToken()).post(o + "/skills").then().statusCode(400);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void accessFollowsTheConfigObjectRules() {
        TestOrg org = TestOrg.create();
        TestOrg other = TestOrg.create();
        String skill = create(org.ownerToken(), org, "skills", content(Library.SKILL));
        String path = base(org.id()) + "/skills/" + skill;
        String newVersion = content(Library.SKILL.replace("pdf-tools", "pdf-tools-next"));

        // creating needs the organisation's editor role
        as(org.viewerToken())
                .body(content(Library.SKILL))
                .post(base(org.id()) + "/skills")
                .then()
                .statusCode(403);
        // private by default: invisible to others in the organisation, and to other organisations
        as(org.editorToken()).get(path).then().statusCode(404);
        as(other.ownerToken()).get(path).then().statusCode(404);
        as(other.ownerToken()).get(base(org.id()) + "/skills").then().statusCode(404);
        as(other.ownerToken()).body(newVersion).post(path + "/versions").then().statusCode(404);
        as(org.editorToken())
                .get(base(org.id()) + "/skills")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(skill)));

        String grants = base(org.id()) + "/config-objects/" + skill + "/grants";
        as(org.ownerToken())
                .body("{\"org_wide\": true, \"role\": \"viewer\"}")
                .post(grants)
                .then()
                .statusCode(201);
        as(org.viewerToken()).get(path).then().statusCode(200).body("item.your_role", is("viewer"));
        as(org.viewerToken()).body(newVersion).post(path + "/versions").then().statusCode(403);
        as(org.ownerToken())
                .body("{\"org_wide\": true, \"role\": \"editor\"}")
                .post(grants)
                .then()
                .statusCode(201);
        as(org.viewerToken()).body(newVersion).post(path + "/versions").then().statusCode(201);
        as(org.ownerToken())
                .body("{\"org_wide\": true, \"role\": \"manager\"}")
                .post(grants)
                .then()
                .statusCode(201);
        as(org.editorToken()).get(path).then().statusCode(200).body("item.your_role", is("manager"));
        as(org.editorToken()).body(newVersion).post(path + "/versions").then().statusCode(201);

        // checking content writes nothing and needs only membership of the organisation
        as(org.viewerToken())
                .body(content(Library.SKILL))
                .post(base(org.id()) + "/skills/validate")
                .then()
                .statusCode(200);
        as(other.ownerToken())
                .body(content(Library.SKILL))
                .post(base(org.id()) + "/skills/validate")
                .then()
                .statusCode(404);
        as(other.ownerToken())
                .body(content(Library.SKILL))
                .post(base(org.id()) + "/skills/preview")
                .then()
                .statusCode(404);
        as(org.ownerToken())
                .get(base(org.id()) + "/skills/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
