package io.plugsync.ingest.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GitHub App client against WireMock: App JWT, token cache, retries, rate limits. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class GithubApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    GithubApi github;

    private final WireMockServer server = FakeGithubResource.server();

    @Test
    void installationTokenIsRequestedWithAValidAppJwtAndCached() throws Exception {
        String installation = IngestFixtures.newInstallationId();
        FakeRepo.stubInstallation(installation);
        FakeRepo repo = new FakeRepo("acme", "token-" + System.nanoTime(), "main");
        repo.put("a.md", "a").commit();

        github.branchHead(installation, "acme", repo.fullName().substring(5), "main")
                .await()
                .atMost(WAIT);
        github.branchHead(installation, "acme", repo.fullName().substring(5), "main")
                .await()
                .atMost(WAIT);

        String tokenPath = "/app/installations/" + installation + "/access_tokens";
        List<LoggedRequest> tokenCalls = server.findAll(postRequestedFor(urlPathEqualTo(tokenPath)));
        assertThat(tokenCalls).hasSize(1);
        String jwt = tokenCalls.get(0).getHeader("Authorization").substring("Bearer ".length());
        String[] parts = jwt.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(FakeGithubResource.appKey().getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("iss").asText()).isEqualTo(FakeGithubResource.APP_ID);
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isLessThanOrEqualTo(600);
        // API calls use the installation token, not the JWT
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/repos/" + repo.fullName() + "/branches/main")))
                        .get(0)
                        .getHeader("Authorization"))
                .isEqualTo("Bearer ghs_" + installation);
    }

    @Test
    void retriesAfter429And5xxHonouringRetryAfter() {
        String installation = IngestFixtures.newInstallationId();
        FakeRepo.stubInstallation(installation);
        String path = "/repos/acme/flaky-" + System.nanoTime() + "/branches/main";
        String scenario = "flaky" + path;
        server.stubFor(get(urlPathEqualTo(path))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
                .willSetStateTo("second"));
        server.stubFor(get(urlPathEqualTo(path))
                .inScenario(scenario)
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502))
                .willSetStateTo("third"));
        server.stubFor(get(urlPathEqualTo(path))
                .inScenario(scenario)
                .whenScenarioStateIs("third")
                .willReturn(okJson("{\"commit\":{\"sha\":\"c1\",\"commit\":{\"tree\":{\"sha\":\"t1\"}}}}")));

        BranchHead head = github.branchHead(installation, "acme", path.split("/")[3], "main")
                .await()
                .atMost(WAIT);
        assertThat(head).isEqualTo(new BranchHead("c1", "t1"));
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo(path)))).hasSize(3);
    }

    @Test
    void exhaustedRateLimitFailsWithTheWaitInsteadOfHoldingTheWorker() {
        String installation = IngestFixtures.newInstallationId();
        FakeRepo.stubInstallation(installation);
        String path = "/repos/acme/limited-" + System.nanoTime() + "/branches/main";
        long reset = Instant.now().plusSeconds(3600).getEpochSecond();
        server.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Long.toString(reset))
                        .withBody("{\"message\":\"API rate limit exceeded\"}")));

        assertThatThrownBy(() -> github.branchHead(installation, "acme", path.split("/")[3], "main")
                        .await()
                        .atMost(WAIT))
                .isInstanceOfSatisfying(GithubApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    // capped at 15 minutes although the reset is an hour away
                    assertThat(e.retryAfter()).contains(Duration.ofMinutes(15));
                });
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo(path)))).hasSize(1);
    }

    @Test
    void notFoundIsNotRetried() {
        String installation = IngestFixtures.newInstallationId();
        FakeRepo.stubInstallation(installation);
        String path = "/repos/acme/missing-" + System.nanoTime() + "/branches/main";
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(404)));
        assertThatThrownBy(() -> github.branchHead(installation, "acme", path.split("/")[3], "main")
                        .await()
                        .atMost(WAIT))
                .isInstanceOfSatisfying(
                        GithubApiException.class,
                        e -> assertThat(e.retryAfter()).isEmpty());
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo(path)))).hasSize(1);
    }

    @Test
    void compareReportsHowFarTheHeadMovedAndTheChangedFiles() {
        String installation = IngestFixtures.newInstallationId();
        FakeRepo.stubInstallation(installation);
        String repo = "cmp-" + System.nanoTime();
        server.stubFor(get(urlPathEqualTo("/repos/acme/" + repo + "/compare/aaa...bbb"))
                .willReturn(okJson("{\"status\":\"ahead\",\"ahead_by\":3,\"behind_by\":0,\"files\":["
                        + "{\"filename\":\"a.md\",\"status\":\"modified\",\"sha\":\"s1\"},"
                        + "{\"filename\":\"b/new.md\",\"status\":\"renamed\",\"sha\":\"s2\","
                        + "\"previous_filename\":\"b/old.md\"}]}")));
        assertThat(github.compare(installation, "acme", repo, "aaa", "bbb")
                        .await()
                        .atMost(WAIT))
                .isEqualTo(new Comparison(
                        "ahead",
                        3,
                        0,
                        List.of(
                                new Comparison.ChangedFile("a.md", "modified", "s1", null),
                                new Comparison.ChangedFile("b/new.md", "renamed", "s2", "b/old.md"))));
    }
}
