package io.plugsync.api.publish;

import static io.plugsync.api.draft.V3Api.as;
import static io.plugsync.api.draft.V3Api.count;
import static io.plugsync.api.draft.V3Api.newConnector;
import static io.plugsync.api.draft.V3Api.patch;
import static io.plugsync.api.draft.V3Api.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.common.v3.V3Document;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Publish: version + manifests + outbox in one transaction, compare-and-set on base_version. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class PublishTest {

    @Test
    void publishCreatesVersionManifestsAndOutboxEvent() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        UUID uuid = UUID.fromString(id);
        patch(org.editorToken(), id, V3Api.CONTACT).then().statusCode(200);
        as(org.editorToken())
                .header("X-PlugSync-Writer", "dashboard")
                .contentType(ContentType.JSON)
                .body("{\"base_version\": 0, \"message\": \"first\"}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(201)
                .body("version", is(1))
                .body("checksum", is(CanonicalJson.sha256(V3Document.parse(V3Api.CONTACT))))
                .body("published_at", notNullValue())
                .body("published_by", is("editor-" + org.id()));
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ? AND is_active", uuid))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM event_flow_manifests WHERE connector_id = ? AND version = 1"
                                + " AND flow_key = 'hubspot/contact.created' AND source = 'hubspot'"
                                + " AND event_type = 'contact.created' AND manifest->'entity'->>'primary_key' = 'email'"
                                + " AND manifest->'flow'->>'action' = 'upsert'",
                        uuid))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_type = ? AND aggregate_id = ?"
                                + " AND event_type = ? AND payload->>'version' = '1'"
                                + " AND payload->>'connector_id' = ? AND payload->>'organization_id' = ?"
                                + " AND payload->>'checksum' IS NOT NULL AND payload->>'published_at' IS NOT NULL",
                        OutboxContract.CONNECTOR,
                        id,
                        OutboxContract.CONNECTOR_VERSION_PUBLISHED.name(),
                        id,
                        org.id().toString()))
                .isEqualTo(1);
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft")
                .then()
                .body("base_version", is(1))
                .body("active_version", is(1))
                .body("has_unpublished_changes", is(false));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft/history")
                .then()
                .body("items[0].action", is("publish"))
                .body("items[0].writer_kind", is("dashboard"))
                .body("items[0].detail.version", is(1));
    }

    @Test
    void publishWithStaleBaseVersionReturns409AndWritesNothing() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        patch(org.editorToken(), id, "{\"settings\":{\"region\":\"us\"}}")
                .then()
                .statusCode(200);
        publish(org.editorToken(), id, 0)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("stale-base-version"))
                .body("active_version", is(1))
                .body("base_version", is(0));
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", UUID.fromString(id)))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", id))
                .isEqualTo(1);
        publish(org.editorToken(), id, 1).then().statusCode(201).body("version", is(2));
    }

    @Test
    void unchangedDraftIs409NoChanges() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        publish(org.editorToken(), id, 1)
                .then()
                .statusCode(409)
                .body("type", endsWith("no-changes"))
                .body("active_version", is(1));
        String empty = newConnector(org);
        publish(org.editorToken(), empty, 0).then().statusCode(409).body("type", endsWith("no-changes"));
    }

    @Test
    void invalidDraftIs422AtPublish() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        // a draft that became invalid (e.g. stored before a schema rule tightened)
        V3Api.execute("UPDATE connector_config_drafts SET document = '{\"entities\":{},\"event_flows\":"
                + "{\"s/t\":{\"entity\":\"ghost\"}},\"settings\":{}}' WHERE connector_id = '" + id + "'");
        publish(org.editorToken(), id, 0)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/event_flows/s~1t/entity"));
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", UUID.fromString(id)))
                .isZero();
    }

    @Test
    void missingBaseVersionIs422AndViewerCannotPublish() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/base_version"));
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"base_version\": \"one\"}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(400)
                .body("errors[0].pointer", is("/base_version"));
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"base_version\": 0, \"force\": true}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(400)
                .body("type", endsWith("unknown-field"));
        patch(org.editorToken(), id, V3Api.CONTACT).then().statusCode(200);
        publish(org.viewerToken(), id, 0).then().statusCode(403);
        publish(TestOrg.create().ownerToken(), id, 0).then().statusCode(404);
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        patch(org.editorToken(), id, V3Api.CONTACT).then().statusCode(200);
        String first = as(org.editorToken())
                .header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON)
                .body("{\"base_version\": 0}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        String again = as(org.editorToken())
                .header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON)
                .body("{\"base_version\": 0}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .asString();
        assertThat(V3Document.parse(again)).isEqualTo(V3Document.parse(first));
        as(org.editorToken())
                .header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON)
                .body("{\"base_version\": 0, \"message\": \"other\"}")
                .post("/api/connectors/" + id + "/publish")
                .then()
                .statusCode(422)
                .body("type", endsWith("idempotency-key-reused"));
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", UUID.fromString(id)))
                .isEqualTo(1);
    }

    @Test
    void putConfigReplacesTheDraftAndPublishesOnlyWhenAsked() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        as(org.editorToken())
                .header("X-PlugSync-Writer", "script")
                .contentType(ContentType.JSON)
                .body(V3Api.CONTACT)
                .put("/api/connectors/" + id + "/config")
                .then()
                .statusCode(200)
                .body("draft.has_unpublished_changes", is(true))
                .body("published", is((Object) null));
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", UUID.fromString(id)))
                .isZero();
        as(org.editorToken())
                .header("X-PlugSync-Writer", "script")
                .contentType(ContentType.JSON)
                .body(V3Api.CONTACT.replace("\"eu\"", "\"us\""))
                .put("/api/connectors/" + id + "/config?publish=true&base_version=0")
                .then()
                .statusCode(201)
                .body("published.version", is(1))
                .body("draft.base_version", is(1))
                .body("draft.has_unpublished_changes", is(false))
                .body("draft.revision", is(3))
                .body("draft.document.settings.region", is("us"));
        // the draft as stored matches the answer, and the journal has the replacement, then the publish
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft")
                .then()
                .header("ETag", "\"3\"")
                .body("revision", is(3))
                .body("base_version", is(1))
                .body("updated_by_kind", is("script"))
                .body("document.settings.region", is("us"));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft/history")
                .then()
                .body("items[0].action", is("publish"))
                .body("items[0].revision", is(3))
                .body("items[1].action", is("replace"))
                .body("items[1].revision", is(3))
                .body("items[1].writer_kind", is("script"))
                .body("items[1].paths", hasItems("/settings/region"));
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body("{\"entities\":{}}")
                .put("/api/connectors/" + id + "/config?publish=true&base_version=1")
                .then()
                .statusCode(422)
                .body("errors.pointer", hasItems("/event_flows", "/settings"));
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body(V3Api.CONTACT)
                .put("/api/connectors/" + id + "/config?publish=true&base_version=0")
                .then()
                .statusCode(409)
                .body("type", endsWith("stale-base-version"));
        // the 409 rolled the draft replacement back too
        as(org.viewerToken()).get("/api/connectors/" + id + "/draft").then().body("document.settings.region", is("us"));
    }

    @Test
    void retriedPutConfigPublishWithTheSameIdempotencyKeyPublishesOnce() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        for (int attempt = 0; attempt < 2; attempt++) {
            as(org.editorToken())
                    .header("X-PlugSync-Writer", "script")
                    .header("Idempotency-Key", "ci-run-42")
                    .contentType(ContentType.JSON)
                    .body(V3Api.CONTACT)
                    .put("/api/connectors/" + id + "/config?publish=true&base_version=0")
                    .then()
                    .statusCode(201)
                    .body("published.version", is(1));
        }
        as(org.editorToken())
                .header("Idempotency-Key", "ci-run-42")
                .contentType(ContentType.JSON)
                .body(V3Api.CONTACT.replace("\"eu\"", "\"us\""))
                .put("/api/connectors/" + id + "/config?publish=true&base_version=0")
                .then()
                .statusCode(422)
                .body("type", endsWith("idempotency-key-reused"));
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", UUID.fromString(id)))
                .isEqualTo(1);
        as(org.viewerToken()).get("/api/connectors/" + id + "/draft").then().body("document.settings.region", is("eu"));
    }

    @Test
    void putConfigPublishNeedsABaseVersionOrAnExplicitForceThatTheJournalRecords() {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        String edited = V3Api.CONTACT.replace("\"eu\"", "\"us\"");
        // no base_version: refused before anything is written, the draft stays as it was
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body(edited)
                .put("/api/connectors/" + id + "/config?publish=true")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItems("query:base_version"))
                .body("errors.code", hasItems("required"));
        // both: refused too
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body(edited)
                .put("/api/connectors/" + id + "/config?publish=true&base_version=1&force=true")
                .then()
                .statusCode(422)
                .body("errors.pointer", hasItems("query:force"));
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", UUID.fromString(id)))
                .isEqualTo(1);
        as(org.viewerToken()).get("/api/connectors/" + id + "/draft").then().body("document.settings.region", is("eu"));
        // a draft-only PUT needs no base
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body(edited)
                .put("/api/connectors/" + id + "/config")
                .then()
                .statusCode(200);
        // force=true publishes over whatever is active, and the journal says it was forced
        as(org.editorToken())
                .header("X-PlugSync-Writer", "script")
                .contentType(ContentType.JSON)
                .body(V3Api.CONTACT.replace("\"eu\"", "\"fr\""))
                .put("/api/connectors/" + id + "/config?publish=true&force=true")
                .then()
                .statusCode(201)
                .body("published.version", is(2));
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft/history")
                .then()
                .body("items[0].action", is("publish"))
                .body("items[0].detail.forced", is(true))
                .body("items[0].detail.version", is(2));
        // an ordinary publish is not marked forced
        as(org.editorToken())
                .contentType(ContentType.JSON)
                .body(V3Api.CONTACT.replace("\"eu\"", "\"de\""))
                .put("/api/connectors/" + id + "/config?publish=true&base_version=2")
                .then()
                .statusCode(201);
        as(org.viewerToken())
                .get("/api/connectors/" + id + "/draft/history")
                .then()
                .body("items[0].action", is("publish"))
                .body("items[0].detail.forced", is((Object) null));
    }
}
