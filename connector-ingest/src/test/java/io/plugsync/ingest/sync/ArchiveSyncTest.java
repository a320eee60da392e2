package io.plugsync.ingest.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.plugsync.ingest.support.IngestFixtures.count;
import static io.plugsync.ingest.support.IngestFixtures.rows;
import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static io.plugsync.ingest.support.Skills.skill;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.plugsync.ingest.support.IngestFixtures.Connector;
import io.plugsync.ingest.support.Webhooks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A first sync reads the head as one tarball (redirected to a codeload host that never sees the
 * token); a later push reads compare and fetches only the changed mapped blobs; a comparison GitHub
 * capped, or whose base it no longer knows, falls back to the archive; Retry-After and the
 * rate-limit reset are waited out.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class ArchiveSyncTest {
    private static final String ZERO = "0".repeat(40);

    @Inject
    SyncWorker worker;

    private final WireMockServer server = FakeGithubResource.server();

    @Test
    void initialSyncReadsOneTarballAndBindsWhatTheTreeWouldHave() {
        FakeRepo repo = repo("initial");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        String alpha = skill("alpha", "first");
        String beta = skill("beta", "second");
        repo.put("skills/alpha/SKILL.md", alpha)
                .put("skills/deep/er/beta/SKILL.md", beta)
                .put("README.md", "not mapped")
                .put("docs/guide.md", "not mapped either");

        String head = SyncRuns.pushAndSync(worker, c, ZERO);

        // the same bindings the tree + blob path made: path, git blob SHA, object with the file's title
        assertThat(rows(
                        "SELECT b.external_locator, b.external_stable_ref, o.title FROM connector_source_binding b"
                                + " JOIN config_object o ON o.id = b.config_object_id"
                                + " WHERE b.connector_target_id = ? AND b.status = 'active' ORDER BY b.external_locator",
                        c.targetId()))
                .containsExactly(
                        List.of("skills/alpha/SKILL.md", FakeRepo.blobSha(bytes(alpha)), "alpha"),
                        List.of("skills/deep/er/beta/SKILL.md", FakeRepo.blobSha(bytes(beta)), "beta"));
        assertThat(count("SELECT count(*) FROM config_object WHERE connector_instance_id = ?", c.instanceId()))
                .isEqualTo(2);
        assertThat(scalar(
                        "SELECT array_to_string(paths, '|') || ' ' || truncated FROM connector_target_tree"
                                + " WHERE connector_target_id = ?",
                        c.targetId()))
                .isEqualTo("README.md|docs/guide.md|skills/alpha/SKILL.md|skills/deep/er/beta/SKILL.md false");
        assertThat(latestSummary(c)).contains("\"head_read_via\": \"archive\"");

        // token, branch head, tarball: 3 API requests; then one download from codeload, no trees, no blobs
        assertThat(apiRequests(repo))
                .extracting(LoggedRequest::getUrl)
                .containsExactlyInAnyOrder(
                        "/repos/" + repo.fullName() + "/branches/main",
                        "/repos/" + repo.fullName() + "/tarball/" + head);
        assertThat(server.findAll(postRequestedFor(
                        urlPathEqualTo("/app/installations/" + c.installationId() + "/access_tokens"))))
                .hasSize(1);
        List<LoggedRequest> downloads = server.findAll(getRequestedFor(urlPathEqualTo(repo.codeloadPath(head))));
        assertThat(downloads).hasSize(1);
        // the redirect pointed at another host: the installation token stayed behind
        assertThat(downloads.get(0).getHost()).isEqualTo("127.0.0.1");
        assertThat(downloads.get(0).containsHeader("Authorization")).isFalse();
        assertThat(apiRequests(repo))
                .allMatch(r -> r.getHeader("Authorization").equals("Bearer ghs_" + c.installationId()));
    }

    @Test
    void pushReadsCompareAndFetchesOnlyTheChangedMappedBlobs() {
        FakeRepo repo = repo("incremental");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        repo.put("skills/keep/SKILL.md", skill("keep", "unchanged"))
                .put("skills/edit/SKILL.md", skill("edit", "v1"))
                .put("skills/gone/SKILL.md", skill("gone", "deleted next"))
                .put("skills/old/SKILL.md", skill("moved", "renamed next"))
                .put("docs/a.md", "a");
        String first = SyncRuns.pushAndSync(worker, c, ZERO);
        UUID edit = objectAt(c, "skills/edit/SKILL.md");
        UUID moved = objectAt(c, "skills/old/SKILL.md");
        server.resetRequests();

        String edited = skill("edit", "v2");
        String added = skill("added", "new");
        repo.put("skills/edit/SKILL.md", edited)
                .put("skills/added/SKILL.md", added)
                .remove("skills/gone/SKILL.md")
                .move("skills/old/SKILL.md", "skills/new/SKILL.md")
                .put("docs/a.md", "a, revised")
                .put("docs/b.md", "b");
        String second = SyncRuns.pushAndSync(worker, c, first);

        // branch head, compare, and the two new contents; the move needs no content, docs/ no mapping
        assertThat(apiRequests(repo))
                .extracting(LoggedRequest::getUrl)
                .containsExactlyInAnyOrder(
                        "/repos/" + repo.fullName() + "/branches/main",
                        "/repos/" + repo.fullName() + "/compare/" + first + "..." + second,
                        "/repos/" + repo.fullName() + "/git/blobs/" + FakeRepo.blobSha(bytes(edited)),
                        "/repos/" + repo.fullName() + "/git/blobs/" + FakeRepo.blobSha(bytes(added)));
        assertThat(latestSummary(c)).contains("\"head_read_via\": \"compare\"");
        assertThat(count("SELECT count(*) FROM config_object_version WHERE config_object_id = ?", edit))
                .isEqualTo(2);
        assertThat(objectAt(c, "skills/new/SKILL.md")).isEqualTo(moved);
        assertThat(activePaths(c))
                .containsExactly(
                        "skills/added/SKILL.md", "skills/edit/SKILL.md", "skills/keep/SKILL.md", "skills/new/SKILL.md");
        assertThat(count(
                        "SELECT count(*) FROM connector_source_tombstone WHERE connector_target_id = ?"
                                + " AND external_locator = 'skills/gone/SKILL.md'",
                        c.targetId()))
                .isEqualTo(1);
        assertThat(scalar(
                        "SELECT array_to_string(paths, '|') FROM connector_target_tree WHERE connector_target_id = ?",
                        c.targetId()))
                .isEqualTo("docs/a.md|docs/b.md|skills/added/SKILL.md|skills/edit/SKILL.md|skills/keep/SKILL.md"
                        + "|skills/new/SKILL.md");
    }

    @Test
    void aComparisonGithubCappedFallsBackToTheArchive() {
        FakeRepo repo = repo("capped");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        String first = SyncRuns.pushAndSync(worker, c, ZERO);
        for (int i = 0; i < 301; i++) {
            repo.put("skills/s" + i + "/SKILL.md", skill("s" + i, "bulk " + i));
        }
        server.resetRequests();
        String second = SyncRuns.pushAndSync(worker, c, first);

        assertThat(apiRequests(repo))
                .extracting(LoggedRequest::getUrl)
                .containsExactlyInAnyOrder(
                        "/repos/" + repo.fullName() + "/branches/main",
                        "/repos/" + repo.fullName() + "/compare/" + first + "..." + second,
                        "/repos/" + repo.fullName() + "/tarball/" + second);
        assertThat(latestSummary(c)).contains("\"head_read_via\": \"archive\"");
        assertThat(activePaths(c)).hasSize(301);
    }

    @Test
    void aBaseGithubNoLongerKnowsFallsBackToTheArchive() {
        FakeRepo repo = repo("forced");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        repo.put("skills/a/SKILL.md", skill("a", "one"));
        String first = SyncRuns.pushAndSync(worker, c, ZERO);
        repo.put("skills/a/SKILL.md", skill("a", "force-pushed"));
        String second = repo.commit();
        // after a force-push the old head is gone: GitHub answers the comparison 404
        server.stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/compare/" + first + "..." + second))
                .willReturn(notFound()));
        server.resetRequests();
        deliverAndSync(c, first, second);

        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/repos/" + repo.fullName() + "/tarball/" + second))))
                .hasSize(1);
        assertThat(scalar(
                        "SELECT o.title || ':' || count(v.*) FROM config_object o JOIN config_object_version v"
                                + " ON v.config_object_id = o.id WHERE o.connector_instance_id = ? GROUP BY o.title",
                        c.instanceId()))
                .isEqualTo("a:2");
    }

    @Test
    void retryAfterAndTheRateLimitResetAreWaitedOut() {
        FakeRepo repo = repo("limited");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        repo.put("skills/a/SKILL.md", skill("a", "one"));
        String head = repo.commit();
        // the tarball: first a secondary rate limit with Retry-After, then the redirect
        String tarball = "/repos/" + repo.fullName() + "/tarball/" + head;
        server.stubFor(get(urlPathEqualTo(tarball))
                .inScenario("tarball-" + repo.fullName())
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Retry-After", "1")
                        .withBody("{\"message\":\"You have exceeded a secondary rate limit\"}"))
                .willSetStateTo("limited"));
        server.stubFor(get(urlPathEqualTo(tarball))
                .inScenario("tarball-" + repo.fullName())
                .whenScenarioStateIs("limited")
                .willReturn(aResponse().withStatus(302).withHeader("Location", repo.codeloadUrl(head))));
        String first = deliverAndSync(c, ZERO, head);
        List<LoggedRequest> tries = server.findAll(getRequestedFor(urlPathEqualTo(tarball)));
        assertThat(tries).hasSize(2);
        assertThat(tries.get(1).getLoggedDate().getTime()
                        - tries.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(1000);

        // a changed blob: the primary rate limit is spent until x-ratelimit-reset, then it is served
        String changed = skill("a", "two");
        repo.put("skills/a/SKILL.md", changed);
        String second = repo.commit();
        String blob = "/repos/" + repo.fullName() + "/git/blobs/" + FakeRepo.blobSha(bytes(changed));
        server.stubFor(get(urlPathEqualTo(blob))
                .inScenario("blob-" + repo.fullName())
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Long.toString(System.currentTimeMillis() / 1000 + 2))
                        .withBody("{\"message\":\"API rate limit exceeded\"}"))
                .willSetStateTo("reset"));
        server.stubFor(get(urlPathEqualTo(blob))
                .inScenario("blob-" + repo.fullName())
                .whenScenarioStateIs("reset")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"encoding\":\"base64\",\"content\":\""
                                + java.util.Base64.getEncoder().encodeToString(bytes(changed)) + "\"}")));
        deliverAndSync(c, first, second);
        List<LoggedRequest> blobTries = server.findAll(getRequestedFor(urlPathEqualTo(blob)));
        assertThat(blobTries).hasSize(2);
        assertThat(blobTries.get(1).getLoggedDate().getTime()
                        - blobTries.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(1000);
        assertThat(latestSummary(c)).contains("\"head_read_via\": \"compare\"");
        assertThat(scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId()))
                .isEqualTo(second);
    }

    /** Delivers the push of an already committed head and syncs it (for stubs laid over the commit's). */
    private String deliverAndSync(Connector c, String before, String after) {
        Webhooks.send("push", Webhooks.delivery(), Webhooks.pushBody(c.repo(), c.installationId(), before, after))
                .then()
                .statusCode(202);
        worker.drain().await().atMost(Duration.ofMinutes(1));
        assertThat(scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId()))
                .isEqualTo(after);
        return after;
    }

    private static FakeRepo repo(String kind) {
        return new FakeRepo("acme", kind + "-" + System.nanoTime(), "main");
    }

    private List<LoggedRequest> apiRequests(FakeRepo repo) {
        return server.findAll(getRequestedFor(urlPathMatching("/repos/" + repo.fullName() + "/.*")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static UUID objectAt(Connector c, String path) {
        return (UUID) scalar(
                "SELECT config_object_id FROM connector_source_binding WHERE connector_target_id = ?"
                        + " AND external_locator = ? AND status = 'active'",
                c.targetId(),
                path);
    }

    private static List<Object> activePaths(Connector c) {
        return rows(
                        "SELECT external_locator FROM connector_source_binding WHERE connector_target_id = ?"
                                + " AND status = 'active' ORDER BY external_locator",
                        c.targetId())
                .stream()
                .map(r -> r.get(0))
                .toList();
    }

    private static String latestSummary(Connector c) {
        return String.valueOf(scalar(
                "SELECT summary_json::text FROM connector_sync_event WHERE connector_target_id = ?"
                        + " ORDER BY started_at DESC LIMIT 1",
                c.targetId()));
    }
}
