package io.plugsync.api.publish;

import static io.plugsync.api.draft.V3Api.count;
import static io.plugsync.api.draft.V3Api.newConnector;
import static io.plugsync.api.draft.V3Api.patch;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * 32 clients publish the same draft on the same base at once, 100 rounds: each round exactly one
 * 201 and 31 409s; versions 1..100 consecutive; exactly one active.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class PublishConcurrencyTest {
    private static final int CLIENTS = 32;
    private static final int ROUNDS = 100;

    @TestHTTPResource("/")
    URL root;

    @Test
    void exactlyOnePublishWinsEachRound() throws Exception {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        patch(org.editorToken(), id, io.plugsync.api.draft.V3Api.CONTACT).then().statusCode(200);
        URI publish = root.toURI().resolve("/api/connectors/" + id + "/publish");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                if (round > 1) {
                    patch(org.editorToken(), id, "{\"settings\":{\"round\":" + round + "}}")
                            .then()
                            .statusCode(200);
                }
                String body = "{\"base_version\": " + (round - 1) + "}";
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Integer>> calls = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    calls.add(CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await();
                                    HttpRequest request = HttpRequest.newBuilder(publish)
                                            .header("Authorization", "Bearer " + org.editorToken())
                                            .header("Content-Type", "application/json")
                                            .timeout(Duration.ofSeconds(60))
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build();
                                    return http.send(request, HttpResponse.BodyHandlers.discarding())
                                            .statusCode();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            pool));
                }
                start.countDown();
                int wins = 0;
                int conflicts = 0;
                for (CompletableFuture<Integer> call : calls) {
                    int status = call.get();
                    statuses.merge(status, 1, Integer::sum);
                    if (status == 201) {
                        wins++;
                    } else if (status == 409) {
                        conflicts++;
                    }
                }
                assertThat(wins)
                        .as("winners in round %d (statuses so far %s)", round, statuses)
                        .isEqualTo(1);
                assertThat(conflicts).as("409s in round %d", round).isEqualTo(CLIENTS - 1);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "PublishConcurrencyTest: %d rounds x %d clients in %d ms, statuses %s%n",
                ROUNDS, CLIENTS, (System.nanoTime() - started) / 1_000_000, statuses);
        UUID uuid = UUID.fromString(id);
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", uuid))
                .isEqualTo(ROUNDS);
        assertThat(count(
                        "SELECT count(*) FROM connector_config_versions WHERE connector_id = ?"
                                + " AND version BETWEEN 1 AND " + ROUNDS,
                        uuid))
                .isEqualTo(ROUNDS);
        assertThat(count(
                        "SELECT count(*) FROM connector_config_versions WHERE connector_id = ? AND is_active"
                                + " AND version = " + ROUNDS,
                        uuid))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ? AND is_active", uuid))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", id))
                .isEqualTo(ROUNDS);
        // each version is based on the one before it: strictly consecutive
        assertThat(count(
                        "SELECT count(*) FROM connector_config_versions WHERE connector_id = ?"
                                + " AND based_on_version = version - 1",
                        uuid))
                .isEqualTo(ROUNDS);
    }
}
