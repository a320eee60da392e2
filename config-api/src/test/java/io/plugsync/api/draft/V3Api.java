package io.plugsync.api.draft;

import static io.restassured.RestAssured.given;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Test helpers for the connector config API: connectors, draft writes, publishes, row counts. */
public final class V3Api {
    public static final String CONTACT = "{\"entities\":{\"contact\":{\"primary_key\":\"email\",\"fields\":{"
            + "\"email\":{\"type\":\"string\",\"required\":true},\"name\":{\"type\":\"string\"}}}},"
            + "\"event_flows\":{\"hubspot/contact.created\":{\"entity\":\"contact\",\"mapping\":{\"email\":\"$.e\"}}},"
            + "\"settings\":{\"region\":\"eu\"}}";

    private V3Api() {}

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    public static String newConnector(TestOrg org) {
        return as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"c-" + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                .post("/api/connectors")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Response patch(String token, String id, String body) {
        return as(token).contentType(ContentType.JSON).body(body).patch("/api/connectors/" + id + "/draft");
    }

    public static Response publish(String token, String id, int base) {
        return as(token)
                .contentType(ContentType.JSON)
                .body("{\"base_version\": " + base + "}")
                .post("/api/connectors/" + id + "/publish");
    }

    /** A connector whose version 1 is {@link #CONTACT}. */
    public static String publishedConnector(TestOrg org) {
        String id = newConnector(org);
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body(CONTACT)
                .put("/api/connectors/" + id + "/config?publish=true&base_version=0")
                .then()
                .statusCode(201);
        return id;
    }

    public static long count(String sql, Object... params) {
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) {
        try (Connection db = PlugSyncTestEngines.jdbc();
                var statement = db.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
