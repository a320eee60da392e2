package io.plugsync.ingest.linking;

import static io.plugsync.ingest.support.IngestFixtures.count;
import static io.plugsync.ingest.support.IngestFixtures.rows;
import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeGithubUser;
import io.plugsync.ingest.support.IngestFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Linking a GitHub App installation to an organisation: an admin's install link, GitHub's setup
 * callback verified with the installer's OAuth code, the organisation's installations.
 */
@QuarkusTest
@TestProfile(FakeGithubUser.LinkingConfigured.class)
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class InstallationLinkTest {
    static final String SETUP = "/api/github/setup";

    @Test
    void installationFromAnAdminsLinkIsLinkedToTheOrganisationOnce() {
        UUID org = IngestFixtures.organisation();
        String admin = "admin-" + UUID.randomUUID();
        UUID membership = IngestFixtures.member(org, admin, "admin");
        String installation = IngestFixtures.newInstallationId();

        Response link = as(token(admin, org, "admin")).post(links(org));
        link.then()
                .statusCode(200)
                .body(
                        "url",
                        startsWith(FakeGithubResource.server().baseUrl() + "/apps/" + FakeGithubUser.APP_SLUG
                                + "/installations/new?state="));
        Instant expiresAt = Instant.parse(link.path("expires_at"));
        assertThat(Duration.between(Instant.now(), expiresAt))
                .isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        String state = stateOf(link.path("url"));

        setup(installation, state, FakeGithubUser.authorizing("1", installation))
                .then()
                .statusCode(201)
                .body("status", is("linked"))
                .body("organization_id", is(org.toString()))
                .body("installation_id", is(installation));
        assertThat(rows(
                        "SELECT organization_id, status, external_account_ref, created_by_org_membership_id"
                                + " FROM connector_account WHERE connector_type = 'github' AND remote_id = ?",
                        installation))
                .containsExactly(List.of(org, "active", "acme-" + installation, membership));
        assertThat(scalar("SELECT account_login FROM github_installation WHERE installation_id = ?", installation))
                .isEqualTo("acme-" + installation);

        // GitHub sends the installer back again (e.g. after "Configure"): same link, a new code
        setup(installation, state, FakeGithubUser.authorizing(installation))
                .then()
                .statusCode(200)
                .body("status", is("already_linked"));
        assertThat(accountsOf(installation)).isEqualTo(1);

        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("plugsync_ingest_github_installation_links_total{outcome=\"linked\"}"))
                .body(containsString("plugsync_ingest_github_calls_total{operation=\"oauth_token\",status=\"200\"}"))
                .body(containsString(
                        "plugsync_ingest_github_calls_total{operation=\"user_installations\",status=\"200\"}"));

        as(token("viewer-" + UUID.randomUUID(), org, "viewer"))
                .get(installations(org))
                .then()
                .statusCode(200)
                .body("items.installation_id", hasItem(installation))
                .body("items.find { it.installation_id == '" + installation + "' }.status", is("active"))
                .body(
                        "items.find { it.installation_id == '" + installation + "' }.account_login",
                        is("acme-" + installation));
    }

    @Test
    void browserIsSentOnToTheDashboard() {
        UUID org = IngestFixtures.organisation();
        String installation = IngestFixtures.newInstallationId();
        String state = installLinkState(org);

        given().redirects()
                .follow(false)
                .accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .queryParam("installation_id", installation)
                .queryParam("setup_action", "install")
                .queryParam("state", state)
                .queryParam("code", FakeGithubUser.authorizing(installation))
                .get(SETUP)
                .then()
                .statusCode(303)
                .header(
                        "Location",
                        is(FakeGithubUser.DASHBOARD + "?status=linked&organization_id=" + org + "&installation_id="
                                + installation));
        assertThat(accountsOf(installation)).isEqualTo(1);
    }

    @Test
    void tamperedStateIsRefusedBeforeAskingGithub() {
        UUID org = IngestFixtures.organisation();
        UUID victim = IngestFixtures.organisation();
        String installation = IngestFixtures.newInstallationId();
        String[] parts = installLinkState(org).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace(org.toString(), victim.toString())
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        String code = FakeGithubUser.authorizing(installation);

        setup(installation, forged, code)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-state"))
                .body("errors[0].pointer", is("query:state"));
        setup(installation, "not-a-state", code).then().statusCode(400).body("type", endsWith("/invalid-state"));
        assertThat(FakeGithubUser.exchangesOf(code)).isZero();
        assertNothingWritten(installation);
    }

    @Test
    void expiredStateIsRefused() {
        UUID org = IngestFixtures.organisation();
        String installation = IngestFixtures.newInstallationId();
        // issued 16 minutes ago, valid for 15
        Instant issued = Instant.now().minus(Duration.ofMinutes(16));
        InstallStateCodec codec =
                new InstallStateCodec(FakeGithubUser.STATE_SECRET, Clock.fixed(issued, ZoneOffset.UTC));
        String expired = codec.sign(new InstallState(org, "admin", issued.plus(Duration.ofMinutes(15)), "n"));
        String code = FakeGithubUser.authorizing(installation);

        setup(installation, expired, code)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/state-expired"))
                .body("errors[0].pointer", is("query:state"))
                .body("errors[0].code", is("expired"));
        assertThat(FakeGithubUser.exchangesOf(code)).isZero();
        assertNothingWritten(installation);
    }

    @Test
    void installationIdTheInstallerCannotAccessIsNotLinked() {
        UUID org = IngestFixtures.organisation();
        String spoofed = IngestFixtures.newInstallationId();
        String own = IngestFixtures.newInstallationId();

        setup(spoofed, installLinkState(org), FakeGithubUser.authorizing(own))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/installation-not-verified"))
                .body("installation_id", is(spoofed));
        assertNothingWritten(spoofed);
    }

    @Test
    void codeGithubRefusesIsNotLinked() {
        UUID org = IngestFixtures.organisation();
        String installation = IngestFixtures.newInstallationId();
        FakeGithubUser.authorizing(installation);

        setup(installation, installLinkState(org), "code-nobody-issued")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/oauth-code-rejected"))
                .body("github_error", is("bad_verification_code"))
                .body("errors[0].pointer", is("query:code"));
        assertNothingWritten(installation);
    }

    @Test
    void callbackWithoutCodeOrInstallationIdNamesEachMissingParameter() {
        UUID org = IngestFixtures.organisation();
        given().queryParam("setup_action", "install")
                .queryParam("state", installLinkState(org))
                .get(SETUP)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-query"))
                .body("errors.pointer", hasItem("query:code"))
                .body("errors.pointer", hasItem("query:installation_id"))
                .body(
                        "errors.find { it.pointer == 'query:code' }.message",
                        is("required: enable \"Request user authorization (OAuth) during installation\" in the"
                                + " GitHub App"));
    }

    @Test
    void installationLinkedToAnotherOrganisationIs409() {
        UUID first = IngestFixtures.organisation();
        UUID second = IngestFixtures.organisation();
        String installation = IngestFixtures.newInstallationId();
        setup(installation, installLinkState(first), FakeGithubUser.authorizing(installation))
                .then()
                .statusCode(201);

        setup(installation, installLinkState(second), FakeGithubUser.authorizing(installation))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/installation-linked-elsewhere"));
        assertThat(rows(
                        "SELECT organization_id FROM connector_account WHERE connector_type = 'github' AND remote_id = ?",
                        installation))
                .containsExactly(List.of(first));
        as(token("admin-" + UUID.randomUUID(), second, "admin"))
                .get(installations(second))
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void onlyOwnersAndAdminsGetInstallLinksAndOnlyMembersSeeInstallations() {
        UUID org = IngestFixtures.organisation();
        as(token("editor-" + UUID.randomUUID(), org, "editor"))
                .post(links(org))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("missing_capability", is("github_installation.link"));
        as(token("viewer-" + UUID.randomUUID(), org, "viewer"))
                .post(links(org))
                .then()
                .statusCode(403);
        as(token("owner-" + UUID.randomUUID(), org, "owner"))
                .post(links(org))
                .then()
                .statusCode(200);

        String otherOrgsOwner = token("owner-" + UUID.randomUUID(), UUID.randomUUID(), "owner");
        as(otherOrgsOwner).post(links(org)).then().statusCode(404);
        as(otherOrgsOwner).get(installations(org)).then().statusCode(404);
        given().post(links(org)).then().statusCode(401);
        given().get(installations(org)).then().statusCode(401);
    }

    @Test
    void installationRequestWaitingForApprovalLinksNothing() {
        UUID org = IngestFixtures.organisation();
        given().queryParam("setup_action", "request")
                .queryParam("state", installLinkState(org))
                .get(SETUP)
                .then()
                .statusCode(202)
                .body("status", is("requested"));
        assertThat(count("SELECT count(*) FROM connector_account WHERE organization_id = ?", org))
                .isZero();
    }

    static String installLinkState(UUID org) {
        return stateOf(as(token("admin-" + UUID.randomUUID(), org, "admin"))
                .post(links(org))
                .then()
                .statusCode(200)
                .extract()
                .path("url"));
    }

    static Response setup(String installationId, String state, String code) {
        return given().accept("application/json")
                .queryParam("installation_id", installationId)
                .queryParam("setup_action", "install")
                .queryParam("state", state)
                .queryParam("code", code)
                .get(SETUP);
    }

    private static void assertNothingWritten(String installation) {
        assertThat(accountsOf(installation)).isZero();
        assertThat(count("SELECT count(*) FROM github_installation WHERE installation_id = ?", installation))
                .isZero();
    }

    private static long accountsOf(String installation) {
        return count(
                "SELECT count(*) FROM connector_account WHERE connector_type = 'github' AND remote_id = ?",
                installation);
    }

    private static String stateOf(String url) {
        return URLDecoder.decode(url.substring(url.indexOf("state=") + "state=".length()), StandardCharsets.UTF_8);
    }

    private static String links(UUID org) {
        return "/v1/orgs/" + org + "/github/install-links";
    }

    private static String installations(UUID org) {
        return "/v1/orgs/" + org + "/github/installations";
    }

    private static String token(String subject, UUID org, String role) {
        return PlugSyncTestEngines.token(subject, Map.of(org.toString(), role));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
