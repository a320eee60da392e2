package io.plugsync.common.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker-side reporter against a stand-in endpoint answering what config-api answers. */
class FleetReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID CONNECTOR = UUID.randomUUID();

    HttpServer server;
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    final List<String> auth = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(202);
    FleetReporter reporter;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/connectors/" + CONNECTOR + "/fleet/reports", exchange -> {
            bodies.add(JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        reporter = new FleetReporter(
                HttpClient.newHttpClient(),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                "worker-token",
                CONNECTOR,
                "pod-7",
                "eu-canary");
    }

    @AfterEach
    void stop() {
        reporter.close();
        server.stop(0);
    }

    @Test
    void aReportCarriesTheVersionAndTheCountsSinceTheLastOneSent() throws Exception {
        reporter.applied(5);
        reporter.record(10, 2);
        reporter.record(5, 0);
        assertThat(reporter.flush().toCompletableFuture().get()).isEqualTo(FleetReporter.Outcome.SENT);
        reporter.record(3, 1);
        assertThat(reporter.flush().toCompletableFuture().get()).isEqualTo(FleetReporter.Outcome.SENT);

        assertThat(bodies).hasSize(2);
        JsonNode first = bodies.get(0);
        assertThat(first.path("worker_id").asText()).isEqualTo("pod-7");
        assertThat(first.path("group").asText()).isEqualTo("eu-canary");
        assertThat(first.path("version").asInt()).isEqualTo(5);
        assertThat(first.path("events").asLong()).isEqualTo(15);
        assertThat(first.path("errors").asLong()).isEqualTo(2);
        assertThat(bodies.get(1).path("events").asLong()).isEqualTo(3);
        assertThat(bodies.get(1).path("errors").asLong()).isEqualTo(1);
        assertThat(auth).containsOnly("Bearer worker-token");
    }

    @Test
    void countsOfARateLimitedOrFailedReportGoWithTheNextOne() throws Exception {
        reporter.applied(4);
        reporter.record(10, 1);
        status.set(429);
        assertThat(reporter.flush().toCompletableFuture().get()).isEqualTo(FleetReporter.Outcome.RATE_LIMITED);
        status.set(503);
        reporter.record(4, 4);
        assertThat(reporter.flush().toCompletableFuture().get()).isEqualTo(FleetReporter.Outcome.FAILED);
        status.set(202);
        assertThat(reporter.flush().toCompletableFuture().get()).isEqualTo(FleetReporter.Outcome.SENT);

        JsonNode last = bodies.get(bodies.size() - 1);
        assertThat(last.path("events").asLong()).isEqualTo(14);
        assertThat(last.path("errors").asLong()).isEqualTo(5);
    }

    @Test
    void moreErrorsThanEventsIsRefusedAtTheSource() {
        assertThatThrownBy(() -> reporter.record(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reporter.record(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsStayWithTheVersionThatProducedThem() throws Exception {
        reporter.applied(4);
        reporter.record(10, 0);
        reporter.applied(5);
        reporter.record(10, 4);
        assertThat(reporter.flush().toCompletableFuture().get()).isEqualTo(FleetReporter.Outcome.SENT);
        assertThat(reporter.flush().toCompletableFuture().get()).isEqualTo(FleetReporter.Outcome.SENT);
        assertThat(reporter.flush().toCompletableFuture().get()).isEqualTo(FleetReporter.Outcome.SENT);

        assertThat(bodies).extracting(b -> b.path("version").asInt()).containsExactly(4, 5, 5);
        assertThat(bodies).extracting(b -> b.path("errors").asLong()).containsExactly(0L, 4L, 0L);
        assertThat(bodies).extracting(b -> b.path("events").asLong()).containsExactly(10L, 10L, 0L);
    }
}
