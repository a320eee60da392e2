package io.plugsync.api.governance;

import static io.restassured.RestAssured.given;

import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh organisation with enough people for a two-approval policy: alice writes the change, bob
 * and carol review it, an admin and an owner, a viewer, and an AI agent's identity (editor role).
 */
record People(UUID org, Map<String, String> tokens) {
    static final String V1 = "{\"entities\":{\"contact\":{\"primary_key\":\"email\",\"fields\":{"
            + "\"email\":{\"type\":\"string\",\"required\":true}}}},"
            + "\"event_flows\":{\"hubspot/contact.created\":{\"entity\":\"contact\",\"mapping\":{\"email\":\"$.e\"}}},"
            + "\"settings\":{\"region\":\"eu\"}}";

    static People create() {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID org = OrgFixtures.newOrganisation(db, "gov");
            Map<String, String> roles = Map.of(
                    "alice", "editor",
                    "bob", "editor",
                    "carol", "editor",
                    "admin", "admin",
                    "owner", "owner",
                    "viewer", "viewer",
                    "agent", "editor");
            Map<String, String> tokens = new HashMap<>();
            for (var person : roles.entrySet()) {
                String subject = person.getKey() + "-" + org;
                OrgFixtures.ensureMember(db, org, subject, person.getValue());
                tokens.put(
                        person.getKey(), PlugSyncTestEngines.token(subject, Map.of(org.toString(), person.getValue())));
            }
            return new People(org, Map.copyOf(tokens));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String token(String who) {
        return tokens.get(who);
    }

    /** The token subject of a person of this organisation. */
    String subject(String who) {
        return who + "-" + org;
    }

    RequestSpecification as(String who) {
        return given().auth().oauth2(token(who)).contentType(ContentType.JSON);
    }

    RequestSpecification as(String who, String writer) {
        return as(who).header("X-PlugSync-Writer", writer);
    }

    /** A connector whose version 1 is {@link #V1}, created and published by the owner. */
    String connector() {
        String id = as("owner")
                .body("{\"name\": \"gov-" + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                .post("/api/connectors")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("owner")
                .body(V1)
                .put("/api/connectors/" + id + "/config?publish=true&base_version=0")
                .then()
                .statusCode(201);
        return id;
    }

    /** Overrides the connector's publish policy (as the owner). */
    void policy(String connectorId, String patch) {
        as("owner")
                .body(patch)
                .patch("/api/connectors/" + connectorId + "/publish-policy")
                .then()
                .statusCode(200);
    }

    /** A draft write by {@code who}: sets settings.region. */
    void edit(String who, String connectorId, String region) {
        as(who, "dashboard")
                .body("{\"settings\":{\"region\":\"" + region + "\"}}")
                .patch("/api/connectors/" + connectorId + "/draft")
                .then()
                .statusCode(200);
    }

    /** Asks for a review of the draft as it is; returns the review id. */
    String requestReview(String who, String connectorId) {
        return as(who, "dashboard")
                .body("{\"summary\": \"region change\"}")
                .post("/api/connectors/" + connectorId + "/reviews")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
    }

    Response approve(String who, String connectorId, String reviewId) {
        return as(who, "dashboard")
                .body("{\"comment\": \"looks right\"}")
                .post("/api/connectors/" + connectorId + "/reviews/" + reviewId + "/approve");
    }

    Response review(String connectorId, String reviewId) {
        return as("viewer").get("/api/connectors/" + connectorId + "/reviews/" + reviewId);
    }

    Response publish(String who, String writer, String connectorId, int base) {
        return as(who, writer)
                .body("{\"base_version\": " + base + "}")
                .post("/api/connectors/" + connectorId + "/publish");
    }

    int activeVersion(String connectorId) {
        return as("viewer")
                .get("/api/connectors/" + connectorId + "/draft")
                .then()
                .statusCode(200)
                .extract()
                .path("active_version");
    }
}
