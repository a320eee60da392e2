package io.plugsync.ingest.linking;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.plugsync.ingest.support.IngestFixtures.execute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.plugsync.ingest.support.IngestFixtures.Connector;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GitHub target setup through an installation the organisation linked: its repositories (paged
 * from GitHub's installation listing) and the validate-target check, against the fake GitHub.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class TargetSetupTest {
    private final WireMockServer github = FakeGithubResource.server();

    @Test
    void editorPagesThroughTheRepositoriesTheInstallationCanAccess() {
        Connector c = linked();
        stubRepositories(c.installationId(), 1, 2, 3, "acme/one", "acme/two");
        stubRepositories(c.installationId(), 2, 2, 3, "acme/three");

        String next = as(c, "editor")
                .queryParam("limit", 2)
                .get(repositories(c.orgId(), c.installationId()))
                .then()
                .statusCode(200)
                .body("items.full_name", contains("acme/one", "acme/two"))
                .body("items[0].id", is(1001))
                .body("items[0].default_branch", is("main"))
                .body("items[0].private", is(true))
                .body("total_count", is(3))
                .body("next_cursor", notNullValue())
                .extract()
                .path("next_cursor");
        as(c, "editor")
                .queryParam("cursor", next)
                .get(repositories(c.orgId(), c.installationId()))
                .then()
                .statusCode(200)
                .body("items.full_name", contains("acme/three"))
                .body("next_cursor", nullValue());

        // asked as the installation, with its token
        github.verify(getRequestedFor(urlPathEqualTo("/installation/repositories"))
                .withQueryParam("page", equalTo("2"))
                .withHeader("Authorization", equalTo("Bearer ghs_" + c.installationId())));
        given().get("/q/metrics")
                .then()
                .body(containsString(
                        "plugsync_ingest_github_calls_total{operation=\"installation_repositories\",status=\"200\"}"));
    }

    @Test
    void repositoriesOfInstallationsTheOrganisationHasNotLinkedAre404() {
        Connector mine = linked();
        Connector theirs = linked();
        stubRepositories(theirs.installationId(), 1, 50, 1, "other/secret");

        as(mine, "owner")
                .get(repositories(mine.orgId(), theirs.installationId()))
                .then()
                .statusCode(404);
        as(mine, "owner").get(repositories(mine.orgId(), "999999999999")).then().statusCode(404);
        as(mine, "owner").get(repositories(mine.orgId(), "not-a-number")).then().statusCode(404);
        github.verify(
                0,
                getRequestedFor(urlPathEqualTo("/installation/repositories"))
                        .withHeader("Authorization", equalTo("Bearer ghs_" + theirs.installationId())));

        execute("UPDATE connector_account SET status = 'suspended' WHERE id = ?", mine.accountId());
        as(mine, "owner")
                .get(repositories(mine.orgId(), mine.installationId()))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("installation-not-active"))
                .body("status", is("suspended"));
    }

    @Test
    void onlyEditorsAndUpOfTheOrganisationMaySetUpTargets() {
        Connector c = linked();
        stubRepositories(c.installationId(), 1, 50, 0);
        String path = repositories(c.orgId(), c.installationId());
        as(c, "viewer")
                .get(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("missing_capability", is("github_installation.repositories"));
        as(c, "viewer")
                .contentType(ContentType.JSON)
                .body(body("acme/x", "main", c.installationId()))
                .post(validate(c.orgId()))
                .then()
                .statusCode(403)
                .body("missing_capability", is("github_target.validate"));
        as(c, "admin").get(path).then().statusCode(200);

        String otherOrgsOwner = PlugSyncTestEngines.token(
                "owner-" + UUID.randomUUID(), Map.of(UUID.randomUUID().toString(), "owner"));
        given().auth().oauth2(otherOrgsOwner).get(path).then().statusCode(404);
        given().auth()
                .oauth2(otherOrgsOwner)
                .contentType(ContentType.JSON)
                .body(body("acme/x", "main", c.installationId()))
                .post(validate(c.orgId()))
                .then()
                .statusCode(404);
        given().get(path).then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(body("acme/x", "main", c.installationId()))
                .post(validate(c.orgId()))
                .then()
                .statusCode(401);
    }

    @Test
    void validTargetAnswersRepositoryIdDefaultBranchAndHead() {
        Connector c = linked();
        FakeRepo repo = c.repo().stubRepository(4242);
        repo.put("README.md", "hello");
        String head = repo.commit();

        as(c, "editor")
                .contentType(ContentType.JSON)
                .body(body(repo.fullName(), "main", c.installationId()))
                .post(validate(c.orgId()))
                .then()
                .statusCode(200)
                .body("item.installation_id", is(c.installationId()))
                .body("item.repository_id", is(4242))
                .body("item.repository_full_name", is(repo.fullName()))
                .body("item.default_branch", is("main"))
                .body("item.branch", is("main"))
                .body("item.head_commit_sha", is(head));
    }

    @Test
    void unknownRepositoryAndUnknownBranchAre422AtTheirFields() {
        Connector c = linked();
        FakeRepo repo = c.repo().stubRepository(77);
        repo.commit();

        as(c, "editor")
                .contentType(ContentType.JSON)
                .body(body("acme/nobody-has-" + UUID.randomUUID(), "main", c.installationId()))
                .post(validate(c.orgId()))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", contains("/repository_full_name"));
        as(c, "editor")
                .contentType(ContentType.JSON)
                .body(body(repo.fullName(), "no-such-branch", c.installationId()))
                .post(validate(c.orgId()))
                .then()
                .statusCode(422)
                .body("errors.pointer", contains("/branch"));
    }

    @Test
    void installationFieldMustBeAnActiveLinkOfTheOrganisation() {
        Connector mine = linked();
        Connector theirs = linked();
        theirs.repo().stubRepository(5).commit();

        as(mine, "editor")
                .contentType(ContentType.JSON)
                .body(body(theirs.repo().fullName(), "main", theirs.installationId()))
                .post(validate(mine.orgId()))
                .then()
                .statusCode(422)
                .body("errors.pointer", contains("/installation_id"))
                .body("errors.code", contains("unknown"));
        github.verify(
                0, getRequestedFor(urlPathEqualTo("/repos/" + theirs.repo().fullName())));

        execute("UPDATE connector_account SET status = 'disconnected' WHERE id = ?", mine.accountId());
        as(mine, "editor")
                .contentType(ContentType.JSON)
                .body(body(mine.repo().fullName(), "main", mine.installationId()))
                .post(validate(mine.orgId()))
                .then()
                .statusCode(422)
                .body("errors.code", contains("not_active"));
    }

    @Test
    void badBodiesNameEveryFailingField() {
        Connector c = linked();
        String path = validate(c.orgId());
        as(c, "editor")
                .contentType(ContentType.JSON)
                .body("{}")
                .post(path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/repository_full_name", "/branch", "/installation_id"))
                .body("errors.code", contains("required", "required", "required"));
        as(c, "editor")
                .contentType(ContentType.JSON)
                .body(body("no-slash", "a..b", "12ab"))
                .post(path)
                .then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/repository_full_name", "/branch", "/installation_id"))
                .body("errors.code", contains("pattern", "pattern", "pattern"));
        as(c, "editor")
                .contentType(ContentType.JSON)
                .body("{\"repository_full_name\": \"acme/x\", \"branch\": \"main\", \"installation_id\": \""
                        + c.installationId() + "\", \"ref\": \"refs/heads/main\"}")
                .post(path)
                .then()
                .statusCode(400)
                .body("type", endsWith("unknown-field"))
                .body("errors[0].pointer", is("/ref"));
        as(c, "editor")
                .contentType(ContentType.JSON)
                .body("{\"repository_full_name\": ")
                .post(path)
                .then()
                .statusCode(400)
                .body("type", endsWith("malformed-json"));
        as(c, "editor")
                .contentType(ContentType.JSON)
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        github.verify(0, getRequestedFor(urlPathEqualTo("/repos/acme/x")));

        String list = repositories(c.orgId(), c.installationId());
        as(c, "editor").queryParam("limit", 0).get(list).then().statusCode(400).body("type", endsWith("invalid-limit"));
        as(c, "editor")
                .queryParam("cursor", "not-ours")
                .get(list)
                .then()
                .statusCode(400)
                .body("type", endsWith("invalid-cursor"));
    }

    @Test
    void githubFailingIs502() {
        Connector c = linked();
        github.stubFor(get(urlPathEqualTo("/installation/repositories"))
                .withHeader("Authorization", equalTo("Bearer ghs_" + c.installationId()))
                .willReturn(serverError()));
        as(c, "editor")
                .get(repositories(c.orgId(), c.installationId()))
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", endsWith("github-unavailable"));
    }

    /** An organisation with a connector account on a fresh installation (its token endpoint stubbed). */
    private static Connector linked() {
        return IngestFixtures.connector(new FakeRepo("acme", "setup-" + System.nanoTime(), "main"));
    }

    private void stubRepositories(String installation, int page, int perPage, int total, String... names) {
        StringBuilder repos = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            repos.append(i == 0 ? "" : ",")
                    .append("{\"id\":")
                    .append(1000 + (page - 1) * perPage + i + 1)
                    .append(",\"full_name\":\"")
                    .append(names[i])
                    .append("\",\"default_branch\":\"main\",\"private\":true,\"archived\":false}");
        }
        github.stubFor(get(urlPathEqualTo("/installation/repositories"))
                .withHeader("Authorization", equalTo("Bearer ghs_" + installation))
                .withQueryParam("page", equalTo(Integer.toString(page)))
                .withQueryParam("per_page", equalTo(Integer.toString(perPage)))
                .willReturn(okJson("{\"total_count\":" + total + ",\"repositories\":[" + repos + "]}")));
    }

    private static String body(String repository, String branch, String installation) {
        return "{\"repository_full_name\": \"" + repository + "\", \"branch\": \"" + branch
                + "\", \"installation_id\": \"" + installation + "\"}";
    }

    private static String repositories(UUID org, String installation) {
        return "/v1/orgs/" + org + "/github/installations/" + installation + "/repositories";
    }

    private static String validate(UUID org) {
        return "/v1/orgs/" + org + "/github/validate-target";
    }

    private static RequestSpecification as(Connector c, String role) {
        String subject = role + "-" + UUID.randomUUID();
        IngestFixtures.member(c.orgId(), subject, role);
        return given().auth()
                .oauth2(PlugSyncTestEngines.token(subject, Map.of(c.orgId().toString(), role)));
    }
}
