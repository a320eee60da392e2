package io.plugsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.engines.Ports;
import io.plugsync.engines.ServiceProcess;
import java.io.IOException;
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

/**
 * The CLI against the real config-api (its packaged jar) and embedded PostgreSQL: every subcommand
 * and every documented exit code.
 */
class CliIT {
    static ServiceProcess api;
    static String token;
    static UUID org;
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
        api = ServiceProcess.start("config-api-cli-it", jar, Ports.free(), config, Path.of("target/cli-it-logs"));
        api.awaitReady(Duration.ofMinutes(2));
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            org = OrgFixtures.newOrganisation(db, "cli");
            OrgFixtures.ensureMember(db, org, "ci-bot", "editor");
        }
        token = PlugSyncTestEngines.token("ci-bot", Map.of(org.toString(), "editor"));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @BeforeEach
    void connectorWithOneVersion() throws Exception {
        JsonNode created = http(
                "POST",
                "/api/connectors",
                "{\"name\":\"cli-" + UUID.randomUUID().toString().substring(0, 8) + "\"}",
                201);
        connectorId = created.path("id").asText();
        http(
                "PUT",
                "/api/connectors/" + connectorId + "/config?publish=true&base_version=0",
                "{\"entities\":{\"contact\":{\"fields\":{\"email\":{\"type\":\"string\"}}}},"
                        + "\"event_flows\":{\"hub/contact.created\":{\"entity\":\"contact\"}},\"settings\":{\"region\":\"eu\"}}",
                -1);
        Environment.use(new Environment(
                Map.of("PLUGSYNC_URL", api.url(), "PLUGSYNC_TOKEN", token, "HOME", work.toString()), work));
    }

    record Run(int code, String out, String err) {}

    Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PlugSyncCli.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    int active() throws Exception {
        return http("GET", "/api/connectors/" + connectorId + "/draft", null, 200)
                .path("active_version")
                .asInt();
    }

    void editSettings(Path dir, String key, String value) throws IOException {
        Path settings = dir.resolve("settings.json");
        ObjectNode node = (ObjectNode) ApiClient.JSON.readTree(Files.readString(settings));
        node.put(key, value);
        Files.writeString(settings, node.toPrettyString());
    }

    @Test
    void pullEditPushIsDraftOnlyAndPushPublishPublishesOnce() throws Exception {
        assertThat(cli("pull", connectorId, "conn").code()).isEqualTo(ExitCodes.OK);
        Path dir = work.resolve("conn");
        assertThat(dir.resolve("settings.json")).exists();
        assertThat(dir.resolve("entities/contact.json")).exists();
        assertThat(dir.resolve("event-flows/hub/contact.created.json")).exists();
        editSettings(dir, "region", "us");

        assertThat(cli("push", "conn").code()).isEqualTo(ExitCodes.OK);
        assertThat(active()).isEqualTo(1);
        assertThat(http("GET", "/api/connectors/" + connectorId + "/draft", null, 200)
                        .path("has_unpublished_changes")
                        .asBoolean())
                .isTrue();

        Path retry = work.resolve("retry");
        copy(dir, retry);
        assertThat(cli("push", "conn", "--publish", "-m", "from CI").code()).isEqualTo(ExitCodes.OK);
        assertThat(active()).isEqualTo(2);
        Run again = cli("push", "retry", "--publish", "-m", "from CI");
        assertThat(again.code()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(active()).as("a retried CI job must not publish twice").isEqualTo(2);
    }

    @Test
    void pushPublishOnAStaleBaseExits4AndPublishesNothing() throws Exception {
        cli("pull", connectorId, "conn");
        http("PATCH", "/api/connectors/" + connectorId + "/draft", "{\"settings\":{\"other\":\"writer\"}}", 200);
        http("POST", "/api/connectors/" + connectorId + "/publish", "{\"base_version\":1}", 201);
        editSettings(work.resolve("conn"), "region", "stale");
        Run run = cli("push", "conn", "--publish", "--overwrite-draft");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(run.err()).contains("active version 2");
        assertThat(active()).isEqualTo(2);
    }

    @Test
    void pushRefusesToOverwriteAnotherWritersUnpublishedEdits() throws Exception {
        cli("pull", connectorId, "conn");
        http("PATCH", "/api/connectors/" + connectorId + "/draft", "{\"settings\":{\"dashboard\":\"edit\"}}", 200);
        editSettings(work.resolve("conn"), "region", "mine");
        Run refused = cli("push", "conn");
        assertThat(refused.code()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(refused.err()).contains("/settings/dashboard");
        assertThat(cli("push", "conn", "--overwrite-draft").code()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void invalidFilesExit3WithFileAndPointer() throws Exception {
        cli("pull", connectorId, "conn");
        Files.writeString(
                work.resolve("conn/entities/contact.json"), "{\"fields\": {\"email\": {\"type\": \"uuid\"}}}");
        Run validate = cli("validate", "conn");
        assertThat(validate.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(validate.err()).contains("entities/contact.json").contains("/entities/contact/fields/email/type");
        assertThat(cli("push", "conn").code()).isEqualTo(ExitCodes.INVALID);
        Files.writeString(work.resolve("conn/settings.json"), "{\n  \"region\": \n}");
        Run broken = cli("validate", "conn");
        assertThat(broken.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(broken.err()).contains("settings.json:3");
    }

    @Test
    void yamlFilesAreAccepted() throws Exception {
        cli("pull", connectorId, "conn");
        Path dir = work.resolve("conn");
        Files.delete(dir.resolve("settings.json"));
        Files.writeString(dir.resolve("settings.yaml"), "region: ap\nretries: 3\n");
        assertThat(cli("validate", "conn", "--offline").code()).isEqualTo(ExitCodes.OK);
        assertThat(cli("push", "conn").code()).isEqualTo(ExitCodes.OK);
        assertThat(http("GET", "/api/connectors/" + connectorId + "/draft", null, 200)
                        .at("/document/settings/retries")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void diffExitCodeDetectsDriftAfterADashboardEdit() throws Exception {
        cli("pull", connectorId, "conn");
        assertThat(cli("diff", "conn", "--exit-code").code()).isEqualTo(ExitCodes.OK);
        http("PATCH", "/api/connectors/" + connectorId + "/draft", "{\"settings\":{\"region\":\"dashboard\"}}", 200);
        Run diff = cli("diff", "conn", "--exit-code");
        assertThat(diff.code()).isEqualTo(ExitCodes.DIFFERENT);
        assertThat(diff.out()).contains("/settings/region");
        assertThat(cli("diff", "conn", "--against", "active", "--exit-code").code())
                .isEqualTo(ExitCodes.OK);
        assertThat(cli("diff", "conn", "--against", "1", "--exit-code", "-o", "json")
                        .code())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void statusLogHistoryRestoreResetRebaseAndPublish() throws Exception {
        http("PATCH", "/api/connectors/" + connectorId + "/draft", "{\"settings\":{\"region\":\"v2\"}}", 200);
        Run publish = cli("publish", connectorId, "-m", "second");
        assertThat(publish.code()).as(publish.err()).isEqualTo(ExitCodes.OK);
        assertThat(active()).isEqualTo(2);
        assertThat(cli("publish", connectorId).code()).as("nothing to publish").isEqualTo(ExitCodes.CONFLICT);

        Run status = cli("status", connectorId);
        assertThat(status.code()).isEqualTo(ExitCodes.OK);
        assertThat(status.out()).contains("v2");
        assertThat(cli("log", connectorId).out()).contains("v2").contains("v1").contains("second");

        assertThat(cli("restore", connectorId, "1").code()).isEqualTo(ExitCodes.OK);
        assertThat(active()).as("restore never publishes").isEqualTo(2);
        assertThat(cli("history", connectorId).out()).contains("script");
        assertThat(cli("reset", connectorId).code()).isEqualTo(ExitCodes.OK);
        assertThat(http("GET", "/api/connectors/" + connectorId + "/draft", null, 200)
                        .path("has_unpublished_changes")
                        .asBoolean())
                .isFalse();
        assertThat(cli("rebase", connectorId).code()).isEqualTo(ExitCodes.OK);
        assertThat(cli("status", connectorId, "-o", "json").out()).contains("\"active_version\" : 2");
    }

    @Test
    void errorsMapToDocumentedExitCodes() {
        assertThat(cli("status", "no-such-connector").code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli("status", UUID.randomUUID().toString()).code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli("status", connectorId, "--token", "x.y.z").code()).isEqualTo(ExitCodes.AUTH);
        assertThat(cli("status", connectorId, "--url", "http://127.0.0.1:" + Ports.free())
                        .code())
                .isEqualTo(ExitCodes.SERVER);
        assertThat(cli("status", "--no-such-option").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli("push", "missing-dir").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void completionScriptIsGenerated() {
        Run run = cli("generate-completion");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("plugsync");
    }

    JsonNode http(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (expected > 0) {
            assertThat(response.statusCode())
                    .as(method + " " + path + ": " + response.body())
                    .isEqualTo(expected);
        } else {
            assertThat(response.statusCode() / 100)
                    .as(method + " " + path + ": " + response.body())
                    .isEqualTo(2);
        }
        return response.body().isBlank() ? ApiClient.JSON.createObjectNode() : ApiClient.JSON.readTree(response.body());
    }

    static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
