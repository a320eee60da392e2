package io.plugsync.api.rollout;

import static io.plugsync.api.draft.V3Api.as;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Test helpers for rollouts: publishes that roll out, worker reports, rollout rows made due. */
final class Rollouts {
    private Rollouts() {}

    /** A connector at version 1 with a draft that differs from it (ready for a version 2). */
    static String connectorReadyForVersionTwo(TestOrg org) {
        String id = V3Api.publishedConnector(org);
        edit(org, id, "v2");
        return id;
    }

    static void edit(TestOrg org, String id, String region) {
        V3Api.patch(org.editorToken(), id, "{\"settings\":{\"region\":\"" + region + "\"}}")
                .then()
                .statusCode(200);
    }

    /** {@code POST /publish} with a rollout (a JSON value: an object or a quoted short form). */
    static Response publish(String token, String id, int base, String rolloutJson) {
        String body = "{\"base_version\": " + base + (rolloutJson == null ? "" : ", \"rollout\": " + rolloutJson) + "}";
        return as(token).contentType(ContentType.JSON).body(body).post("/api/connectors/" + id + "/publish");
    }

    static Response report(String token, String id, String worker, int version, long events, long errors) {
        return as(token)
                .contentType(ContentType.JSON)
                .body("{\"worker_id\":\"" + worker + "\",\"version\":" + version + ",\"events\":" + events
                        + ",\"errors\":" + errors + "}")
                .post("/api/connectors/" + id + "/fleet/reports");
    }

    static String workerToken(TestOrg org, String id) {
        return PlugSyncTestEngines.workerToken("worker-of-" + id, org.id(), UUID.fromString(id));
    }

    /** Makes the connector's open rollout's step due now (instead of waiting for it). */
    static void makeDue(String id) {
        execute(
                "UPDATE connector_rollout SET due_at = now() - interval '1 second' WHERE connector_id = ?"
                        + " AND state = 'in_progress'",
                id);
    }

    /** Lets the worker report again at once (the rate limit is tested on its own). */
    static void forgetLastReport(String id) {
        execute(
                "UPDATE fleet_worker SET last_report_at = last_report_at - interval '1 hour' WHERE connector_id = ?",
                id);
    }

    static void execute(String sql, String id) {
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(id));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
