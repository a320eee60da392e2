package io.plugsync.api.source;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.source.SourceFixtures.synced;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.plugsync.api.source.SourceFixtures.Shared;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Mapping previews against the tree the target last synced, with the sync's glob rule. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class MappingPreviewApiTest {
    static final String[] TREE = {
        "README.md",
        "skills/pdf/SKILL.md",
        "skills/csv/SKILL.md",
        "skills/csv/notes.md",
        "agents/review.md",
        "x/skills/y.md"
    };

    @Test
    void aSavedMappingPreviewsTheSyncedPathsItSelectsInPages() {
        Shared s = SourceFixtures.shared();
        String mapping = SourceFixtures.mapping(s, "/skills/**");
        String url = s.base() + "/connector-mappings/" + mapping + "/preview";
        as(s.viewer()).post(url).then().statusCode(409).body("type", endsWith("target-never-synced"));
        synced(s.target(), "e".repeat(40), TREE);

        String cursor = as(s.viewer())
                .post(url + "?limit=2")
                .then()
                .statusCode(200)
                .body("item.connector_mapping_id", is(mapping))
                .body("item.connector_target_id", is(s.target()))
                .body("item.selector", is("/skills/**"))
                .body("item.source_revision_ref", is("e".repeat(40)))
                .body("item.captured_at", notNullValue())
                .body("item.tree_truncated", is(false))
                .body("item.tree_path_count", is(6))
                .body("item.matched_count", is(3))
                .body("item.paths", contains("skills/csv/SKILL.md", "skills/csv/notes.md"))
                .body("item.next_cursor", notNullValue())
                .extract()
                .path("item.next_cursor");
        as(s.viewer())
                .post(url + "?limit=2&cursor=" + cursor)
                .then()
                .statusCode(200)
                .body("item.paths", contains("skills/pdf/SKILL.md"))
                .body("item.next_cursor", nullValue());
        as(s.viewer()).post(url + "?cursor=a*b").then().statusCode(400);
        as(s.viewer()).post(url + "?limit=0").then().statusCode(400);
        as(s.outsider()).post(url).then().statusCode(404);
        as(TestOrg.create().ownerToken()).post(url).then().statusCode(404);
    }

    @Test
    void anUnsavedSelectorPreviewsWhatItWouldSelect() {
        Shared s = SourceFixtures.shared();
        String url = s.base() + "/connector-targets/" + s.target() + "/mappings/preview";
        as(s.viewer())
                .body("{\"selector\": \"/**/SKILL.md\"}")
                .post(url)
                .then()
                .statusCode(409)
                .body("type", endsWith("target-never-synced"));
        synced(s.target(), "f".repeat(40), TREE);
        as(s.viewer())
                .body("{\"selector\": \"/**/SKILL.md\"}")
                .post(url)
                .then()
                .statusCode(200)
                .body("item.connector_mapping_id", nullValue())
                .body("item.paths", contains("skills/csv/SKILL.md", "skills/pdf/SKILL.md"));
        // '*' stays inside a segment, as in the sync
        as(s.viewer())
                .body("{\"selector\": \"/*.md\"}")
                .post(url)
                .then()
                .statusCode(200)
                .body("item.paths", contains("README.md"));
        as(s.viewer())
                .body("{\"selector\": \"/nothing/**\"}")
                .post(url)
                .then()
                .statusCode(200)
                .body("item.matched_count", is(0))
                .body("item.paths", empty());
        as(s.viewer())
                .body("{\"selector\": \"skills/**\"}")
                .post(url)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/selector"));
        as(s.viewer())
                .body("{\"selector\": \"/x/**\", \"glob\": 1}")
                .post(url)
                .then()
                .statusCode(400);
        as(s.viewer()).post(url).then().statusCode(400);
        as(s.outsider()).body("{\"selector\": \"/**\"}").post(url).then().statusCode(404);
        as(TestOrg.create().ownerToken())
                .body("{\"selector\": \"/**\"}")
                .post(url)
                .then()
                .statusCode(404);
    }
}
