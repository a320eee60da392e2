package io.plugsync.ingest.support;

import static io.restassured.RestAssured.given;

import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.webhook.WebhookSignature;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Signed GitHub deliveries, as GitHub sends them. */
public final class Webhooks {
    public static final String PATH = "/api/webhooks/connectors/github";

    private Webhooks() {}

    /** A delivery; returns the response. Keep the delivery id to replay it. */
    public static Response send(String event, String deliveryId, String body) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        return given().header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId)
                .header("X-Hub-Signature-256", WebhookSignature.sign(PlugSyncTestEngines.webhookSecret(), raw))
                .contentType("application/json")
                .body(raw)
                .post(PATH);
    }

    public static String pushBody(FakeRepo repo, String installationId, String before, String after) {
        return "{\"ref\":\"refs/heads/main\",\"before\":\"" + before + "\",\"after\":\"" + after
                + "\",\"repository\":{\"id\":" + Math.abs(repo.fullName().hashCode()) + ",\"full_name\":\""
                + repo.fullName() + "\"},\"installation\":{\"id\":" + installationId
                + "},\"commits\":[{\"added\":[\"ignored-by-design.md\"]}]}";
    }

    /**
     * Publishes the repository's files as a new head and delivers that push for the installation
     * (accepted: 202); returns the new head. Run the sync worker to apply it.
     */
    public static String push(FakeRepo repo, String installationId, String before) {
        String after = repo.commit();
        send("push", delivery(), pushBody(repo, installationId, before, after))
                .then()
                .statusCode(202);
        return after;
    }

    public static String delivery() {
        return UUID.randomUUID().toString();
    }
}
