package io.plugsync.dispatcher.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.common.replica.DynamoConfigStore;
import io.plugsync.common.replica.FleetReporter;
import io.plugsync.common.replica.WorkerBuckets;
import io.plugsync.dispatcher.support.DispatcherProcess;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.engines.Ports;
import io.plugsync.engines.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The whole path, three processes and 20 simulated workers: config-api (its packaged jar: publish,
 * the step evaluator, fleet reports), the outbox-dispatcher (its packaged jar: pointer moves into
 * DynamoDB) and workers that read their version through {@link DynamoConfigStore#active(UUID,
 * String)} and report through {@link FleetReporter}. A candidate whose error rate is raised is
 * rolled back by the evaluator during its first step (before the step interval would have moved
 * it on), every worker returns to the stable version, and the journal says why.
 */
class RolloutEndToEndIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int WORKERS = 20;
    static final int CANARIES = 5;
    static final String TABLE = "rollout_e2e_replica";
    static final String STEP_INTERVAL = "60s";

    final HttpClient http = HttpClient.newHttpClient();
    String apiUrl;
    String token;

    @Test
    void aCandidateWithARaisedErrorRateIsRolledBackAndEveryWorkerReturnsToStable() throws Exception {
        Path jar = Path.of("../config-api/target/quarkus-app/quarkus-run.jar")
                .toAbsolutePath()
                .normalize();
        assertThat(jar)
                .as("config-api must be packaged first (./mvnw verify builds it before the dispatcher)")
                .exists();
        List<AutoCloseable> started = new ArrayList<>();
        ScheduledExecutorService workersLoop = Executors.newScheduledThreadPool(4);
        try (DynamoDbAsyncClient dynamo = dynamo()) {
            DispatcherProcess dispatcher =
                    DispatcherProcess.start("rollout-e2e-dispatcher", TABLE, "rollout-e2e.fifo", Map.of());
            started.add(dispatcher);
            Map<String, String> config = new HashMap<>(new PlugSyncTestEngines().start());
            config.put("quarkus.flyway.migrate-at-start", "true");
            config.put("quarkus.otel.sdk.disabled", "true");
            config.put("quarkus.log.console.json.enabled", "false");
            config.put("plugsync.rollout.evaluate-interval", "500ms");
            config.put("plugsync.rollout.evaluate-delay", "1s");
            config.put("plugsync.rollout.fleet.report-min-interval", "200ms");
            ServiceProcess api = ServiceProcess.start(
                    "rollout-e2e-config-api", jar, Ports.free(), config, Path.of("target/rollout-e2e-logs"));
            started.add(api);
            dispatcher.awaitReady(Duration.ofSeconds(120));
            api.awaitReady(Duration.ofSeconds(120));
            apiUrl = api.url();

            UUID org;
            try (Connection db = PlugSyncTestEngines.jdbc()) {
                org = OrgFixtures.newOrganisation(db, "rollout-e2e");
                OrgFixtures.ensureMember(db, org, "release-manager", "editor");
            }
            token = PlugSyncTestEngines.token("release-manager", Map.of(org.toString(), "editor"));
            UUID connector = UUID.fromString(call(
                            "POST",
                            "/api/connectors",
                            "{\"name\":\"e2e-" + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                    .path("id")
                    .asText());
            String c = "/api/connectors/" + connector;
            call("PUT", c + "/config?publish=true&base_version=0", document("eu"));
            DynamoConfigStore reader = new DynamoConfigStore(dynamo, TABLE, Duration.ZERO, 16, Clock.systemUTC());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> reader.activeVersion(connector)
                                    .toCompletableFuture()
                                    .join()
                                    .orElse(0)
                            == 1);

            // 20 workers, 5 of them in the first 25 % by their stable hash
            List<String> workers = workerIds(connector);
            String workerToken = PlugSyncTestEngines.workerToken("e2e-workers", org, connector);
            Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
            List<Throwable> workerErrors = new CopyOnWriteArrayList<>();
            Random random = new Random(42);
            for (String w : workers) {
                DynamoConfigStore store =
                        new DynamoConfigStore(dynamo, TABLE, Duration.ofMillis(200), 16, Clock.systemUTC());
                FleetReporter reporter = new FleetReporter(http, URI.create(apiUrl), workerToken, connector, w, null);
                started.add(reporter);
                seen.put(w, new CopyOnWriteArrayList<>());
                workersLoop.scheduleWithFixedDelay(
                        () -> work(store, reporter, connector, w, seen.get(w), random, workerErrors),
                        random.nextInt(300),
                        300,
                        TimeUnit.MILLISECONDS);
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> call("GET", c + "/fleet", null)
                                    .path("summary")
                                    .path("workers")
                                    .asInt()
                            == WORKERS);

            // v2 rolled out in steps of 25 %; its workers will fail 40 % of their events
            call("PATCH", c + "/draft", "{\"settings\":{\"region\":\"candidate\"}}");
            JsonNode published = call(
                    "POST",
                    c + "/publish",
                    "{\"base_version\":1,\"rollout\":{\"strategy\":\"linear\",\"step_percent\":25,\"step_interval\":\""
                            + STEP_INTERVAL + "\",\"bake_time\":\"60s\",\"thresholds\":{\"min_reports\":5,"
                            + "\"max_error_rate_increase\":0.1}}}");
            assertThat(published.path("rollout").path("candidate_version").asInt())
                    .isEqualTo(2);

            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> !call("GET", c + "/rollout", null)
                            .path("item")
                            .path("state")
                            .asText()
                            .equals("in_progress"));
            JsonNode rollout = call("GET", c + "/rollout", null).path("item");
            System.out.printf(
                    "rollout e2e: %s after %s in step %d: %s%n",
                    rollout.path("state").asText(),
                    Duration.between(
                            java.time.OffsetDateTime.parse(rollout.path("moves")
                                    .get(0)
                                    .path("moved_at")
                                    .asText()),
                            java.time.OffsetDateTime.parse(
                                    rollout.path("finished_at").asText())),
                    rollout.path("step").asInt(),
                    rollout.path("reason").asText());
            assertThat(rollout.path("state").asText()).isEqualTo("rolled_back");
            assertThat(rollout.path("step").asInt())
                    .as("rolled back in the first step: the step interval never ran out")
                    .isZero();
            assertThat(rollout.path("moves").findValuesAsText("state")).containsExactly("in_progress", "rolled_back");
            assertThat(rollout.path("reason").asText()).contains("candidate error rate");

            // every worker back on v1, in the replica and in what the workers report
            DynamoConfigStore fresh = new DynamoConfigStore(dynamo, TABLE, Duration.ZERO, 16, Clock.systemUTC());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (String w : workers) {
                    assertThat(fresh.active(connector, w)
                                    .toCompletableFuture()
                                    .join()
                                    .orElseThrow()
                                    .version())
                            .as(w)
                            .isEqualTo(1);
                }
            });
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode fleet = call("GET", c + "/fleet", null);
                assertThat(fleet.path("items").findValuesAsText("version"))
                        .hasSize(WORKERS)
                        .containsOnly("1");
                assertThat(fleet.path("items").findValuesAsText("on_target")).containsOnly("true");
            });
            assertThat(workerErrors).isEmpty();
            for (String w : workers) {
                List<Integer> versions = dedupe(seen.get(w));
                if (WorkerBuckets.reaches(2_500, connector, w)) {
                    assertThat(versions).as("canary %s", w).containsExactly(1, 2, 1);
                } else {
                    assertThat(versions)
                            .as("worker %s never left the stable version", w)
                            .containsExactly(1);
                }
            }
            JsonNode journal =
                    call("GET", c + "/draft/history", null).path("items").get(0);
            assertThat(journal.path("action").asText()).isEqualTo("rollout_rolled_back");
            assertThat(journal.path("writer_kind").asText()).isEqualTo("system");
            assertThat(journal.path("detail").path("reason").asText()).contains("exceeds stable");
        } finally {
            workersLoop.shutdownNow();
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
        }
    }

    /** One round of a worker: read its version, handle 20 events (40 % fail on v2, 1 in 20 on v1), report. */
    private static void work(
            DynamoConfigStore store,
            FleetReporter reporter,
            UUID connector,
            String worker,
            List<Integer> seen,
            Random random,
            List<Throwable> errors) {
        try {
            int version = store.active(connector, worker)
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS)
                    .orElseThrow()
                    .version();
            seen.add(version);
            reporter.applied(version);
            int failed = version == 2 ? 8 : (random.nextInt(20) == 0 ? 1 : 0);
            reporter.record(20, failed);
            reporter.flush();
        } catch (Exception e) {
            if (errors.size() < 10) {
                errors.add(e);
            }
        }
    }

    private static List<String> workerIds(UUID connector) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; in.size() < CANARIES || out.size() < WORKERS - CANARIES; i++) {
            String w = "worker-" + i;
            if (WorkerBuckets.reaches(2_500, connector, w)) {
                if (in.size() < CANARIES) {
                    in.add(w);
                }
            } else if (out.size() < WORKERS - CANARIES) {
                out.add(w);
            }
        }
        List<String> all = new ArrayList<>(in);
        all.addAll(out);
        return all;
    }

    private static List<Integer> dedupe(List<Integer> versions) {
        List<Integer> out = new ArrayList<>();
        for (int v : versions) {
            if (out.isEmpty() || out.get(out.size() - 1) != v) {
                out.add(v);
            }
        }
        return out;
    }

    private static String document(String region) {
        return "{\"entities\":{\"contact\":{\"fields\":{\"email\":{\"type\":\"string\"}}}},"
                + "\"event_flows\":{\"hub/contact.created\":{\"entity\":\"contact\"}},\"settings\":{\"region\":\""
                + region + "\"}}";
    }

    private JsonNode call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() / 100)
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(2);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static DynamoDbAsyncClient dynamo() {
        return DynamoDbAsyncClient.builder()
                .endpointOverride(
                        URI.create(PlugSyncTestEngines.engines().dynamo().endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .build();
    }
}
