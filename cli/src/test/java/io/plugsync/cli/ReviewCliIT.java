package io.plugsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.engines.Ports;
import io.plugsync.engines.ServiceProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plugsync review request|approve|request-changes|status} against the packaged config-api,
 * and the CLI's publishes ({@code publish}, {@code push --publish}) hitting the publish gate: refused
 * (exit 4) until another person approved, then published once.
 */
class ReviewCliIT {
    static ServiceProcess api;
    static UUID org;
    static String author;
    static String reviewer;
    static String owner;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @BeforeAll
    static void startConfigApi() throws Exception {
        Path jar = Path.of("../config-api/target/quarkus-app/quarkus-run.jar")
                .toAbsolutePath()
                .normalize();
        assertThat(jar)
                .as("config-api must be packaged before the CLI tests (./mvnw verify builds it first)")
                .exists();
        Map<String, String> config = new HashMap<>(new PlugSyncTestEngines().start());
        config.put("quarkus.flyway.migrate-at-start", "true");
        config.put("quarkus.otel.sdk.disabled", "true");
        config.put("quarkus.log.console.json.enabled", "false");
        api = ServiceProcess.start("config-api-review-it", jar, Ports.free(), config, Path.of("target/cli-it-logs"));
        api.awaitReady(Duration.ofMinutes(2));
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            org = OrgFixtures.newOrganisation(db, "review-cli");
            OrgFixtures.ensureMember(db, org, "ci-author", "editor");
            OrgFixtures.ensureMember(db, org, "reviewer", "editor");
            OrgFixtures.ensureMember(db, org, "owner", "owner");
        }
        author = PlugSyncTestEngines.token("ci-author", Map.of(org.toString(), "editor"));
        reviewer = PlugSyncTestEngines.token("reviewer", Map.of(org.toString(), "editor"));
        owner = PlugSyncTestEngines.token("owner", Map.of(org.toString(), "owner"));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    record Run(int code, String out, String err) {}

    Run cli(String token, String... args) {
        Environment.use(new Environment(
                Map.of("PLUGSYNC_URL", api.url(), "PLUGSYNC_TOKEN", token, "HOME", work.toString()), work));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        int code = PlugSyncCli.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void publishIsRefusedUntilAnotherPersonApprovedThenPublishesOnce() throws Exception {
        String id = http(
                        owner,
                        "POST",
                        "/api/connectors",
                        "{\"name\":\"rc-" + UUID.randomUUID().toString().substring(0, 8) + "\"}",
                        201)
                .path("id")
                .asText();
        http(
                owner,
                "PUT",
                "/api/connectors/" + id + "/config?publish=true&base_version=0",
                "{\"entities\":{},\"event_flows\":{},\"settings\":{\"region\":\"eu\"}}",
                201);
        http(owner, "PATCH", "/api/connectors/" + id + "/publish-policy", "{\"required_approvals\": 1}", 200);

        assertThat(cli(author, "pull", id, "conn").code()).isEqualTo(ExitCodes.OK);
        Files.writeString(work.resolve("conn/settings.json"), "{\"region\": \"us\"}");
        assertThat(cli(author, "push", "conn").code()).isEqualTo(ExitCodes.OK);

        Run refused = cli(author, "publish", id);
        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(refused.err()).contains("409").contains("review");
        Run pushPublish = cli(author, "push", "conn", "--publish");
        assertThat(pushPublish.code()).as(pushPublish.err()).isEqualTo(ExitCodes.CONFLICT);

        Run requested = cli(author, "review", "request", id, "-m", "move to the US");
        assertThat(requested.code()).as(requested.err()).isEqualTo(ExitCodes.OK);
        assertThat(requested.out()).containsPattern("review [0-9a-f-]{36} of draft revision \\d+: pending, 0 of 1");

        Run self = cli(author, "review", "approve", id);
        assertThat(self.code()).as("self-approval is refused").isEqualTo(ExitCodes.AUTH);
        assertThat(self.err()).contains("you requested this review");
        Run pending = cli(author, "review", "status", id, "--exit-code");
        assertThat(pending.code()).isEqualTo(ExitCodes.DIFFERENT);
        assertThat(pending.out()).contains("policy: 1 approval(s) by others").contains("pending");

        Run approved = cli(reviewer, "review", "approve", id, "-m", "ship it");
        assertThat(approved.code()).as(approved.err()).isEqualTo(ExitCodes.OK);
        assertThat(approved.out()).contains("approved (1 of 1)");
        Run status = cli(author, "review", "status", id, "--exit-code");
        assertThat(status.code()).isEqualTo(ExitCodes.OK);
        assertThat(status.out()).contains("approved by reviewer: ship it");
        JsonNode json = ApiClient.JSON.readTree(
                cli(author, "review", "status", id, "-o", "json").out());
        assertThat(json.path("publishable").asBoolean()).isTrue();

        // the same job run twice (same files, same base): the key the gate refused before now publishes once
        CliIT.copy(work.resolve("conn"), work.resolve("retry"));
        Run published = cli(author, "push", "conn", "--publish", "-m", "reviewed");
        assertThat(published.code()).as(published.err()).isEqualTo(ExitCodes.OK);
        assertThat(active(id)).isEqualTo(2);
        Run retried = cli(author, "push", "retry", "--publish", "-m", "reviewed");
        assertThat(retried.code())
                .as("a retried CI job does not publish twice: " + retried.err())
                .isEqualTo(ExitCodes.OK);
        assertThat(cli(author, "publish", id).code()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(active(id)).isEqualTo(2);
        assertThat(cli(author, "review", "status", id).out()).contains("review: none open");
    }

    @Test
    void requestChangesNeedsACommentAndBlocksPublish() throws Exception {
        String id = http(
                        owner,
                        "POST",
                        "/api/connectors",
                        "{\"name\":\"rc-" + UUID.randomUUID().toString().substring(0, 8) + "\"}",
                        201)
                .path("id")
                .asText();
        http(owner, "PATCH", "/api/connectors/" + id + "/draft", "{\"settings\":{\"region\":\"us\"}}", 200);
        http(owner, "PATCH", "/api/connectors/" + id + "/publish-policy", "{\"required_approvals\": 1}", 200);
        assertThat(cli(reviewer, "review", "approve", id).code())
                .as("no open review")
                .isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli(author, "review", "request", id, "-m", "first config").code())
                .isEqualTo(ExitCodes.OK);
        assertThat(cli(reviewer, "review", "request-changes", id).code()).isEqualTo(ExitCodes.INVALID);
        Run changes = cli(reviewer, "review", "request-changes", id, "-m", "use eu-west-1");
        assertThat(changes.code()).as(changes.err()).isEqualTo(ExitCodes.OK);
        assertThat(changes.out()).contains("changes requested by reviewer");
        Run refused = cli(owner, "publish", id);
        assertThat(refused.code()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(refused.err()).contains("requested changes");
    }

    int active(String id) throws Exception {
        return http(owner, "GET", "/api/connectors/" + id + "/draft", null, 200)
                .path("active_version")
                .asInt();
    }

    JsonNode http(String token, String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(expected);
        return response.body().isBlank() ? ApiClient.JSON.createObjectNode() : ApiClient.JSON.readTree(response.body());
    }
}
