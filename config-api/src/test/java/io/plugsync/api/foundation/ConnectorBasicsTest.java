package io.plugsync.api.foundation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Connectors belong to an organisation; callers see only theirs. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ConnectorBasicsTest {

    @Test
    void editorCreatesAndReadsAConnector() {
        TestOrg org = TestOrg.create();
        String id = given().auth()
                .oauth2(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"crm-main\", \"kind\": \"hubspot\"}")
                .when()
                .post("/api/connectors")
                .then()
                .statusCode(201)
                .body("organization_id", is(org.id().toString()))
                .body("active_version", is(0))
                .extract()
                .path("id");
        given().auth()
                .oauth2(org.viewerToken())
                .when()
                .get("/api/connectors/" + id)
                .then()
                .statusCode(200)
                .body("name", is("crm-main"));
        given().auth()
                .oauth2(org.viewerToken())
                .when()
                .get("/api/connectors")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("next_cursor", is((Object) null));
    }

    @Test
    void anotherOrganisationsConnectorIs404AndNotListed() {
        TestOrg mine = TestOrg.create();
        TestOrg theirs = TestOrg.create();
        String id = given().auth()
                .oauth2(theirs.ownerToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"secret\"}")
                .when()
                .post("/api/connectors")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(mine.ownerToken())
                .when()
                .get("/api/connectors/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(mine.ownerToken())
                .when()
                .get("/api/connectors")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void viewerCannotCreate() {
        TestOrg org = TestOrg.create();
        given().auth()
                .oauth2(org.viewerToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"nope\"}")
                .when()
                .post("/api/connectors")
                .then()
                .statusCode(403)
                .body("missing_capability", is("connector:create"));
    }

    @Test
    void badInputGivesProblemJsonWithPointers() {
        TestOrg org = TestOrg.create();
        given().auth()
                .oauth2(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Bad Name!\"}")
                .when()
                .post("/api/connectors")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].pointer", is("/name"));
        given().auth()
                .oauth2(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"ok\", \"colour\": \"red\"}")
                .when()
                .post("/api/connectors")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("unknown-field"))
                .body("errors[0].pointer", is("/colour"));
        given().auth()
                .oauth2(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": ")
                .when()
                .post("/api/connectors")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("malformed-json"));
        given().auth()
                .oauth2(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": [1]}")
                .when()
                .post("/api/connectors")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", is("/name"));
    }

    @Test
    void duplicateNameIs409() {
        TestOrg org = TestOrg.create();
        given().auth()
                .oauth2(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"twice\"}")
                .when()
                .post("/api/connectors")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"twice\"}")
                .when()
                .post("/api/connectors")
                .then()
                .statusCode(409)
                .body("type", endsWith("name-taken"));
    }
}
