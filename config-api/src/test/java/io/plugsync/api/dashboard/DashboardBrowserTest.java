package io.plugsync.api.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard in a real headless Chromium against this application and its real engines. Each
 * scenario is a Node test file in {@code src/main/webui/e2e} (playwright-core + axe-core), run
 * here so that {@code ./mvnw verify} and CI run it; this class provides the organisation, the
 * tokens and a stand-in for the outbox dispatcher.
 */
@QuarkusTest
@TestProfile(DashboardProfile.class)
@WithTestResource(PlugSyncTestEngines.class)
class DashboardBrowserTest {
    private static final Path WEBUI = Path.of("src/main/webui").toAbsolutePath();
    private static final Path CHROMIUM = Path.of(System.getProperty("plugsync.chromium", "/usr/bin/chromium"));

    @TestHTTPResource("/")
    URL root;

    @Test
    void indexIsPublicHtmlWhileTheApiStaysAuthenticated() {
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<script"));
        // every page is a path the server answers with the app (a bookmark or a reload works
        // without a token: the page signs in, then shows the path); the old ?connector= links too
        for (String page : List.of(
                "/connectors",
                "/connectors/any",
                "/library",
                "/library/objects/any/history",
                "/plugins/any/releases",
                "/access/teams/any",
                "/sources/instances/any/mappings",
                "/sources/syncs/any",
                "/?connector=any")) {
            given().when().get(page).then().statusCode(200).contentType(startsWith("text/html"));
        }
        given().when().get("/favicon.svg").then().statusCode(200);
        given().when().get("/api/connectors").then().statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "session",
                "walkthrough",
                "external-writer",
                "conflict",
                "rebase-conflict",
                "restore-and-history",
                "validation",
                "viewer-and-errors",
                "review",
                "library",
                "library-scale",
                "plugins-and-access",
                "sources",
                "routes",
                "rollout"
            })
    void scenarioInChromium(String scenario) throws Exception {
        String only = System.getProperty("plugsync.e2e.only", "");
        assumeTrue(
                only.isBlank() || List.of(only.split(",")).contains(scenario), "not selected by -Dplugsync.e2e.only");
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does)");
        }
        DemoOrg org = DemoOrg.create();
        Path log = Files.createTempFile("dashboard-e2e-" + scenario, ".log");
        try (SimulatedDispatcher ignored = new SimulatedDispatcher()) {
            ProcessBuilder node = new ProcessBuilder(
                            "node",
                            "--test",
                            "--test-concurrency=1",
                            "--test-reporter=spec",
                            "e2e/" + scenario + ".test.mjs")
                    .directory(WEBUI.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = node.environment();
            env.putAll(org.tokens());
            env.put("BASE_URL", root.toString().replaceAll("/$", ""));
            env.put("ORG_ID", org.id().toString());
            env.put("CHROMIUM", CHROMIUM.toString());
            env.put("DEMO_DOCUMENT_JSON", demoDocument());
            if (scenario.equals("rebase-conflict")) {
                env.put("STALE_CONNECTOR_ID", StaleDraft.create(org, demoDocument()));
            }
            env.putAll(LibraryScenarios.env(scenario, org));
            env.put(
                    "SCREENSHOT_DIR",
                    Path.of("..", "docs", "images").toAbsolutePath().normalize().toString());
            Process process = node.start();
            boolean finished = process.waitFor(8, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output);
            assertThat(finished)
                    .as("browser scenario %s finished in time", scenario)
                    .isTrue();
            assertThat(process.exitValue())
                    .as("browser scenario %s failed:%n%s", scenario, output)
                    .isZero();
            assertThat(output).as("ran at least one browser test").containsPattern("(?m)^. pass [1-9]");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String demoDocument() throws IOException {
        try (InputStream in = PlugSyncTestEngines.class.getResourceAsStream("/demo-connector.json")) {
            if (in == null) {
                throw new IllegalStateException("demo-connector.json is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
