package io.plugsync.api.library;

import static io.restassured.RestAssured.given;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** REST and SQL helpers for the config library tests. */
public final class Library {
    public static final String SKILL =
            "---\nname: pdf-tools\ndescription: Fill and merge PDF forms\n---\n# PDF tools\nUse pdftk for forms.\n";

    private Library() {}

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String base(UUID org) {
        return "/v1/orgs/" + org;
    }

    public static String skillBody(String name) {
        return "{\"object_type\": \"skill\", \"content\": " + json(SKILL.replace("pdf-tools", name)) + "}";
    }

    public static String createSkill(String token, UUID org, String name) {
        return as(token)
                .body(skillBody(name))
                .post(base(org) + "/config-objects")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
    }

    public static String createPlugin(String token, UUID org, String name) {
        return as(token)
                .body("{\"name\": " + json(name) + "}")
                .post(base(org) + "/plugins")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
    }

    public static ValidatableResponse get(String token, String path) {
        return as(token).get(path).then();
    }

    /** A JSON string literal. */
    public static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    public static long count(String sql, Object... params) {
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static UUID uuid(String value) {
        return UUID.fromString(value);
    }
    /** An account, an instance and a target created by the owner; ids in that order. */
    public static String[] source(TestOrg org) {
        String account = as(org.ownerToken())
                .body("{\"connector_type\": \"github\", \"remote_id\": \"" + UUID.randomUUID()
                        + "\", \"display_name\": \"Acme GitHub\"}")
                .post(base(org.id()) + "/connector-accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
        String instance = as(org.ownerToken())
                .body("{\"connector_account_id\": \"" + account + "\", \"name\": \"Main repo\"}")
                .post(base(org.id()) + "/connector-instances")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
        String target = as(org.ownerToken())
                .body("{\"remote_id\": \"acme/agents\", \"external_target_ref\": \"main\"}")
                .post(base(org.id()) + "/connector-instances/" + instance + "/targets")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
        return new String[] {account, instance, target};
    }
}
