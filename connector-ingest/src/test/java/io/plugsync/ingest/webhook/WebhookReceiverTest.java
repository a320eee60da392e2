package io.plugsync.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.plugsync.ingest.support.Webhooks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The receiver: signatures, event filtering, payload checks, de-duplication, what it records. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class WebhookReceiverTest {
    private static final String PING = "{\"zen\":\"x\",\"hook_id\":1}";

    @Test
    void signedPingIsAnsweredAndIgnored() {
        Webhooks.send("ping", Webhooks.delivery(), PING).then().statusCode(200).body("outcome", is("ignored"));
    }

    @Test
    void wrongSecretIs401() {
        byte[] raw = PING.getBytes(StandardCharsets.UTF_8);
        given().header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", Webhooks.delivery())
                .header("X-Hub-Signature-256", WebhookSignature.sign("not-the-secret", raw))
                .body(raw)
                .post(Webhooks.PATH)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", endsWith("/bad-signature"));
    }

    @Test
    void tamperedBodyIs401() {
        byte[] signed = PING.getBytes(StandardCharsets.UTF_8);
        given().header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", Webhooks.delivery())
                .header("X-Hub-Signature-256", WebhookSignature.sign(PlugSyncTestEngines.webhookSecret(), signed))
                .body(PING.replace("x", "y"))
                .post(Webhooks.PATH)
                .then()
                .statusCode(401);
    }

    @Test
    void missingSignatureIs401() {
        given().header("X-GitHub-Event", "push")
                .body(PING)
                .post(Webhooks.PATH)
                .then()
                .statusCode(401);
    }

    @Test
    void sha1SignatureAloneIs401() {
        given().header("X-GitHub-Event", "push")
                .header("X-Hub-Signature", "sha1=0a4d55a8d778e5022fab701977c5d840bbc486d0")
                .body(PING)
                .post(Webhooks.PATH)
                .then()
                .statusCode(401);
    }

    @Test
    void malformedJsonIs400() {
        Webhooks.send("push", Webhooks.delivery(), "{not json")
                .then()
                .statusCode(400)
                .body("type", endsWith("/malformed-payload"));
    }

    @Test
    void pushWithoutRequiredFieldsListsThemByPointer() {
        Webhooks.send("push", Webhooks.delivery(), "{\"ref\":\"refs/heads/main\"}")
                .then()
                .statusCode(400)
                .body("errors.pointer", hasItems("/after", "/repository/full_name", "/repository/id"));
    }

    @Test
    void pushQueuesOneSyncAndReplaysAreNoOps() {
        FakeRepo repo = new FakeRepo("acme", "recv-" + System.nanoTime(), "main");
        IngestFixtures.Connector c = IngestFixtures.connector(repo);
        String delivery = Webhooks.delivery();
        String body = Webhooks.pushBody(repo, c.installationId(), "0".repeat(40), "a".repeat(40));

        Webhooks.send("push", delivery, body).then().statusCode(202).body("outcome", is("queued"));
        // GitHub redelivers with the same delivery id
        Webhooks.send("push", delivery, body).then().statusCode(200).body("outcome", is("duplicate_delivery"));
        // a second delivery for the same head SHA
        Webhooks.send("push", Webhooks.delivery(), body)
                .then()
                .statusCode(200)
                .body("outcome", is("duplicate_revision"));

        assertThat(IngestFixtures.count(
                        "SELECT count(*) FROM connector_sync_event WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo(1);
        assertThat(IngestFixtures.scalar(
                        "SELECT status FROM connector_sync_event WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo("queued");
        assertThat(IngestFixtures.scalar("SELECT outcome FROM github_webhook_delivery WHERE delivery_id = ?", delivery))
                .isEqualTo("queued");
    }

    @Test
    void pushForAnUnknownRepositoryIsRecordedWithoutASync() {
        FakeRepo repo = new FakeRepo("acme", "nobody-syncs-" + System.nanoTime(), "main");
        String delivery = Webhooks.delivery();
        Webhooks.send("push", delivery, Webhooks.pushBody(repo, "1", "0".repeat(40), "b".repeat(40)))
                .then()
                .statusCode(200)
                .body("outcome", is("no_target"));
        assertThat(IngestFixtures.scalar("SELECT outcome FROM github_webhook_delivery WHERE delivery_id = ?", delivery))
                .isEqualTo("no_target");
    }

    @Test
    void metricsCountDeliveriesByOutcome() {
        Webhooks.send("ping", Webhooks.delivery(), PING).then().statusCode(200);
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("plugsync_ingest_webhook_deliveries_total{event=\"ping\",outcome=\"ignored\"}");
    }
}
