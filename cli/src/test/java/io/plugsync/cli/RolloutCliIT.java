package io.plugsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code push --publish --rollout} and {@code plugsync rollout ...} against the packaged config-api. */
class RolloutCliIT {
    static ServiceProcess api;
    static String token;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    String connectorId;

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
        api = ServiceProcess.start(
                "config-api-rollout-cli-it", jar, Ports.free(), config, Path.of("target/cli-it-logs"));
        api.awaitReady(Duration.ofMinutes(2));
        UUID org;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            org = OrgFixtures.newOrganisation(db, "cli-rollout");
            OrgFixtures.ensureMember(db, org, "rollout-bot", "editor");
        }
        token = PlugSyncTestEngines.token("rollout-bot", Map.of(org.toString(), "editor"));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @BeforeEach
    void connectorWithOneVersion() throws Exception {
        connectorId = http(
                        "POST",
                        "/api/connectors",
                        "{\"name\":\"rollout-" + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                .path("id")
                .asText();
        http(
                "PUT",
                "/api/connectors/" + connectorId + "/config?publish=true&base_version=0",
                "{\"entities\":{\"contact\":{\"fields\":{\"email\":{\"type\":\"string\"}}}},"
                        + "\"event_flows\":{\"hub/contact.created\":{\"entity\":\"contact\"}},\"settings\":{\"region\":\"eu\"}}");
        Environment.use(new Environment(
                Map.of("PLUGSYNC_URL", api.url(), "PLUGSYNC_TOKEN", token, "HOME", work.toString()), work));
        assertThat(cli("pull", connectorId, "conn").code()).isEqualTo(ExitCodes.OK);
    }

    record Run(int code, String out, String err) {}

    Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PlugSyncCli.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    void editSettings(String region) throws Exception {
        Path settings = work.resolve("conn/settings.json");
        ObjectNode node = (ObjectNode) ApiClient.JSON.readTree(Files.readString(settings));
        node.put("region", region);
        Files.writeString(settings, node.toPrettyString());
    }

    @Test
    void pushPublishRollsOutAndTheRolloutCommandsFollowIt() throws Exception {
        editSettings("us");
        Run push = cli("push", "conn", "--publish", "--rollout", "linear:50%/10m");
        assertThat(push.code()).as(push.err()).isEqualTo(ExitCodes.OK);
        assertThat(push.out()).contains("published v2").contains("rolling out linear:50%/10m/bake=10m from v1");

        Run status = cli("rollout", "status", connectorId);
        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.OK);
        assertThat(status.out())
                .contains("v1 (stable) -> v2 (candidate)")
                .contains("step:     1 of 2, 50.0% of the workers")
                .contains("in_progress")
                .contains("STEP");
        assertThat(cli("rollout", "status", connectorId, "-o", "json").out()).contains("\"candidate_version\" : 2");

        Run pause = cli("rollout", "pause", connectorId, "--reason", "checking dashboards");
        assertThat(pause.code()).as(pause.err()).isEqualTo(ExitCodes.OK);
        assertThat(pause.out()).contains("paused");
        assertThat(cli("rollout", "pause", connectorId).code())
                .as("already paused")
                .isEqualTo(ExitCodes.CONFLICT);
        assertThat(cli("rollout", "resume", connectorId).code()).isEqualTo(ExitCodes.OK);
        Run promote = cli("rollout", "promote", connectorId);
        assertThat(promote.code()).as(promote.err()).isEqualTo(ExitCodes.OK);
        assertThat(promote.out()).contains("completed");
        assertThat(cli("rollout", "abort", connectorId).code())
                .as("nothing open any more")
                .isEqualTo(ExitCodes.CONFLICT);
    }

    @Test
    void aPublishDuringARolloutExits4UnlessItSupersedes() throws Exception {
        editSettings("us");
        assertThat(cli("push", "conn", "--publish", "--rollout", "canary:10%/10m")
                        .code())
                .isEqualTo(ExitCodes.OK);
        http("PATCH", "/api/connectors/" + connectorId + "/draft", "{\"settings\":{\"region\":\"ap\"}}");
        Run refused = cli("publish", connectorId);
        assertThat(refused.code()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(refused.err()).contains("version 2 is being rolled out").contains("supersede_rollout");
        Run superseding = cli("publish", connectorId, "--supersede-rollout", "--rollout", "canary:25%/5m");
        assertThat(superseding.code()).as(superseding.err()).isEqualTo(ExitCodes.OK);
        assertThat(superseding.out()).contains("published v3").contains("rolling out canary:25%/5m");
    }

    @Test
    void aBadRolloutIsAUsageOrValidationError() throws Exception {
        editSettings("us");
        assertThat(cli("push", "conn", "--rollout", "linear:25%/10m").code()).isEqualTo(ExitCodes.USAGE);
        Run invalid = cli("push", "conn", "--publish", "--rollout", "linear:25%/whenever");
        assertThat(invalid.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(invalid.err()).contains("query:rollout");
        assertThat(cli("rollout", "status", connectorId).out()).contains("no rollout: every worker runs v1");
    }

    JsonNode http(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() / 100)
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(2);
        return response.body().isBlank() ? ApiClient.JSON.createObjectNode() : ApiClient.JSON.readTree(response.body());
    }
}
