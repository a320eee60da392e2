package io.plugsync.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;

import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without a configured webhook secret nothing is accepted: 503, not a silent 2xx. */
@QuarkusTest
@TestProfile(WebhookWithoutSecretTest.NoSecret.class)
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class WebhookWithoutSecretTest {
    public static class NoSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plugsync.github.webhook-secret", "");
        }
    }

    @Test
    void unconfiguredSecretIs503() {
        given().header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", "sha256=00")
                .body("{}")
                .post("/api/webhooks/connectors/github")
                .then()
                .statusCode(503)
                .body("type", endsWith("/webhook-not-configured"));
    }
}
