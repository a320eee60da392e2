package io.plugsync.api.library.object;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code versions/latest} and {@code versions/compare}: the documented version routes. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class VersionCompareApiTest {

    static String objectPath(TestOrg org, String id) {
        return base(org.id()) + "/config-objects/" + id;
    }

    static String latestVersion(TestOrg org, String id) {
        return as(org.editorToken())
                .get(objectPath(org, id) + "/versions/latest")
                .then()
                .statusCode(200)
                .extract()
                .path("item.id");
    }

    @Test
    void versionsLatestIsTheNewestVersionAndTheOldPathStillAnswers() {
        TestOrg org = TestOrg.create();
        String id = Library.createSkill(org.editorToken(), org.id(), "latest-skill");
        as(org.editorToken())
                .body("{\"content\": " + Library.json(Library.SKILL.replace("pdf-tools", "latest-two")) + "}")
                .put(objectPath(org, id))
                .then()
                .statusCode(200);
        String newest = as(org.editorToken())
                .get(objectPath(org, id) + "/versions")
                .then()
                .extract()
                .path("items[0].id");
        as(org.editorToken())
                .get(objectPath(org, id) + "/versions/latest")
                .then()
                .statusCode(200)
                .body("item.id", is(newest))
                .body("item.payload.name", is("latest-two"));
        as(org.editorToken())
                .get(objectPath(org, id) + "/latest")
                .then()
                .statusCode(200)
                .body("item.id", is(newest));
        as(org.viewerToken())
                .get(objectPath(org, id) + "/versions/latest")
                .then()
                .statusCode(404);
    }

    @Test
    void compareGivesBothVersionsAUnifiedDiffAndThePayloadPatch() {
        TestOrg org = TestOrg.create();
        String id = Library.createSkill(org.editorToken(), org.id(), "diff-skill");
        String first = latestVersion(org, id);
        String changed = Library.SKILL.replace("pdf-tools", "diff-skill").replace("Use pdftk for forms.", "Use qpdf.");
        as(org.editorToken())
                .body("{\"content\": " + Library.json(changed) + "}")
                .put(objectPath(org, id))
                .then()
                .statusCode(200);
        String second = latestVersion(org, id);
        as(org.editorToken())
                .queryParam("from", first)
                .queryParam("to", second)
                .get(objectPath(org, id) + "/versions/compare")
                .then()
                .statusCode(200)
                .body("item.config_object_id", is(id))
                .body("item.from.id", is(first))
                .body("item.to.id", is(second))
                .body("item.identical", is(false))
                .body("item.lines_added", is(1))
                .body("item.lines_removed", is(1))
                .body("item.diff", containsString("--- " + first))
                .body("item.diff", containsString("+++ " + second))
                .body("item.diff", containsString("\n-Use pdftk for forms.\n+Use qpdf.\n"))
                .body("item.payload_patch.op", hasItem("replace"));
        as(org.editorToken())
                .queryParam("from", second)
                .queryParam("to", second)
                .get(objectPath(org, id) + "/versions/compare")
                .then()
                .statusCode(200)
                .body("item.identical", is(true))
                .body("item.diff", is(""))
                .body("item.payload_patch", empty());
    }

    @Test
    void compareWithADeletedVersionDiffsAgainstEmptyText() {
        TestOrg org = TestOrg.create();
        String id = Library.createSkill(org.editorToken(), org.id(), "doomed-skill");
        String first = latestVersion(org, id);
        as(org.editorToken()).delete(objectPath(org, id)).then().statusCode(200);
        String deleted = latestVersion(org, id);
        as(org.editorToken())
                .queryParam("from", first)
                .queryParam("to", deleted)
                .get(objectPath(org, id) + "/versions/compare")
                .then()
                .statusCode(200)
                .body("item.to.is_deleted_version", is(true))
                .body("item.identical", is(false))
                .body("item.lines_added", is(0))
                .body("item.diff", containsString("-name: doomed-skill"));
    }

    @Test
    void compareAnswers404ForAVersionOfAnotherObjectOrAnUnknownOne() {
        TestOrg org = TestOrg.create();
        String id = Library.createSkill(org.editorToken(), org.id(), "mine-skill");
        String other = Library.createSkill(org.editorToken(), org.id(), "other-skill");
        String mine = latestVersion(org, id);
        String foreign = latestVersion(org, other);
        for (String[] pair : new String[][] {
            {mine, foreign}, {foreign, mine}, {mine, UUID.randomUUID().toString()}
        }) {
            as(org.editorToken())
                    .queryParam("from", pair[0])
                    .queryParam("to", pair[1])
                    .get(objectPath(org, id) + "/versions/compare")
                    .then()
                    .statusCode(404)
                    .body("type", endsWith("/not-found"));
        }
        TestOrg stranger = TestOrg.create();
        as(stranger.ownerToken())
                .queryParam("from", mine)
                .queryParam("to", mine)
                .get(base(stranger.id()) + "/config-objects/" + id + "/versions/compare")
                .then()
                .statusCode(404);
    }

    @Test
    void compareNeedsBothParametersAsVersionIds() {
        TestOrg org = TestOrg.create();
        String id = Library.createSkill(org.editorToken(), org.id(), "param-skill");
        String version = latestVersion(org, id);
        as(org.editorToken())
                .get(objectPath(org, id) + "/versions/compare")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.pointer", hasItems("query:from", "query:to"))
                .body("errors.code", hasItems("required"));
        as(org.editorToken())
                .queryParam("from", version)
                .queryParam("to", "latest")
                .get(objectPath(org, id) + "/versions/compare")
                .then()
                .statusCode(400)
                .body("errors[0].pointer", is("query:to"))
                .body("errors[0].code", is("uuid"));
    }
}
