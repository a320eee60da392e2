package io.plugsync.api.dashboard;

import static io.restassured.RestAssured.given;

import io.plugsync.engines.PlugSyncTestEngines;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A connector whose draft is based on v1 while v2 is active, both having changed {@code
 * settings.region}: the state a rebase reports conflicts for. The API keeps one draft per
 * connector and re-bases it on every publish, so (as in the drafts tests) the stale base is set
 * in the table to stand for a second editor's draft started at v1.
 */
final class StaleDraft {
    private StaleDraft() {}

    static String create(DemoOrg org, String demoDocument) throws SQLException {
        String owner = org.tokens().get("OWNER_TOKEN");
        String editor = org.tokens().get("EDITOR_TOKEN");
        String id = as(owner)
                .body("{\"name\": \"demo-hubspot-stale\", \"display_name\": \"Demo HubSpot\", \"kind\": \"hubspot\"}")
                .post("/api/connectors")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        put(owner, id, demoDocument);
        publish(owner, id, 0);
        // someone else moves the region and publishes v2
        as(editor)
                .body("{\"region\": \"us-east-1\", \"sync_interval_seconds\": 300}")
                .put("/api/connectors/" + id + "/draft/settings")
                .then()
                .statusCode(200);
        publish(editor, id, 1);
        // the owner's draft, started at v1, moved the region elsewhere
        as(owner)
                .body("{\"version\": 1}")
                .post("/api/connectors/" + id + "/draft/restore")
                .then()
                .statusCode(200);
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement st = db.prepareStatement(
                        "UPDATE connector_config_drafts SET base_version = 1 WHERE connector_id = ?")) {
            st.setObject(1, UUID.fromString(id));
            st.executeUpdate();
        }
        as(owner)
                .body("{\"region\": \"ap-south-1\", \"sync_interval_seconds\": 300}")
                .put("/api/connectors/" + id + "/draft/settings")
                .then()
                .statusCode(200);
        return id;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("X-PlugSync-Writer", "dashboard");
    }

    private static void put(String token, String id, String document) {
        as(token)
                .queryParam("publish", "false")
                .body(document)
                .put("/api/connectors/" + id + "/config")
                .then()
                .statusCode(200);
    }

    private static void publish(String token, String id, int base) {
        as(token)
                .body("{\"base_version\": " + base + ", \"message\": null}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(201);
    }
}
