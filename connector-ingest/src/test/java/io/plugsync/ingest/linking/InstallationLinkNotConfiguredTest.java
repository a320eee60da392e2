package io.plugsync.ingest.linking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;

import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.IngestFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Without the App's slug, OAuth client and state secret, linking answers 503 naming what is missing. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class InstallationLinkNotConfiguredTest {
    private static final String[] MISSING = {
        "plugsync.github.app-slug",
        "plugsync.github.client-id",
        "plugsync.github.client-secret",
        "plugsync.github.linking.state-secret"
    };

    @Test
    void installLinksAndTheSetupCallbackAnswer503() {
        UUID org = IngestFixtures.organisation();
        given().auth()
                .oauth2(PlugSyncTestEngines.token("admin-" + UUID.randomUUID(), Map.of(org.toString(), "admin")))
                .post("/v1/orgs/" + org + "/github/install-links")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", endsWith("/github-app-not-configured"))
                .body("missing_settings", hasItems(MISSING));
        given().queryParam("installation_id", "1")
                .queryParam("setup_action", "install")
                .queryParam("state", "v1.x.y")
                .queryParam("code", "c")
                .get("/api/github/setup")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", endsWith("/github-app-not-configured"));
    }
}
