package io.plugsync.ingest.bench;

import static io.plugsync.ingest.support.Skills.skill;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;
import io.plugsync.engines.CpuMeter;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.github.TarballReader;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.plugsync.ingest.support.IngestFixtures.Connector;
import io.plugsync.ingest.support.Webhooks;
import io.plugsync.ingest.sync.SyncWorker;
import io.plugsync.ingest.webhook.WebhookSignature;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (not matched by Surefire's includes; run by bench/ingest-bench.sh):
 * webhook acknowledgement latency at a steady rate of signed deliveries, and sync throughput for a
 * 5,000-file repository (initial sync by tarball, 500 and 250 changed files, a no-op) with the GitHub
 * requests each made, against a baseline measured in the same run: raw untar + blob hashing of the
 * same archive in-process. Prints numbers; asserts nothing about timing.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class IngestBench {
    static final int RATE = env("BENCH_RATE", 200);
    static final int SECONDS = env("BENCH_SECONDS", 10);
    static final int FILES = env("BENCH_FILES", 5000);

    @Inject
    SyncWorker worker;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void run() throws Exception {
        List<String> report = new ArrayList<>();
        webhookLatency(report);
        syncThroughput(report);
        report.forEach(line -> System.out.println("BENCH " + line));
        Files.write(Path.of("target/ingest-bench.txt"), report);
    }

    private void webhookLatency(List<String> report) throws Exception {
        FakeRepo repo = new FakeRepo("bench", "hooks-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://localhost:" + port + Webhooks.PATH);
        // warm-up, then the measured steady load
        fire(http, uri, c, repo, RATE, 2);
        List<Long> micros = fire(http, uri, c, repo, RATE, SECONDS);
        Collections.sort(micros);
        report.add(String.format(
                Locale.ROOT,
                "webhook ack: %d signed push deliveries at %d/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                micros.size(),
                RATE,
                pct(micros, 0.50) / 1000.0,
                pct(micros, 0.99) / 1000.0,
                micros.get(micros.size() - 1) / 1000.0));
        IngestFixtures.execute(
                "UPDATE connector_sync_event SET status = 'cancelled' WHERE connector_target_id = ? AND status = 'queued'",
                c.targetId());
    }

    private List<Long> fire(HttpClient http, URI uri, Connector c, FakeRepo repo, int rate, int seconds)
            throws Exception {
        int total = rate * seconds;
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String sha = UUID.randomUUID().toString().replace("-", "") + "00000000";
            byte[] body = Webhooks.pushBody(repo, c.installationId(), "0".repeat(40), sha)
                    .getBytes(StandardCharsets.UTF_8);
            requests.add(HttpRequest.newBuilder(uri)
                    .header("X-GitHub-Event", "push")
                    .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .header("X-Hub-Signature-256", WebhookSignature.sign(PlugSyncTestEngines.webhookSecret(), body))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build());
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        ticker.scheduleAtFixedRate(
                () -> {
                    int i = next.getAndIncrement();
                    if (i >= total) {
                        return;
                    }
                    long start = System.nanoTime();
                    inFlight.add(http.sendAsync(requests.get(i), HttpResponse.BodyHandlers.discarding())
                            .thenAccept(response -> {
                                latencies.add((System.nanoTime() - start) / 1000);
                                if (response.statusCode() != 202) {
                                    failures.incrementAndGet();
                                }
                            }));
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);
        while (next.get() < total) {
            Thread.sleep(50);
        }
        ticker.shutdown();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " deliveries were not answered 202");
        }
        return new ArrayList<>(latencies);
    }

    private void syncThroughput(List<String> report) throws Exception {
        CpuMeter cpu;
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            cpu = CpuMeter.ofServer(db);
        }
        FakeRepo repo = new FakeRepo("bench", "big-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "/skills/**", "skill", null);
        for (int i = 0; i < FILES; i++) {
            repo.put("skills/group-" + (i % 50) + "/s-" + i + "/SKILL.md", skill("s-" + i, "benchmark skill " + i));
        }
        long stubbed = System.nanoTime();
        String first = repo.commit();
        long stubMs = (System.nanoTime() - stubbed) / 1_000_000;
        // baseline, same run: untar + git-hash the same archive in-process (no HTTP, no database)
        double raw = rawUntar(repo.tarball());
        report.add(String.format(
                Locale.ROOT,
                "baseline: raw untar + blob hashing of the %d-file archive (%d KiB) in-process = %.0f files/s"
                        + " (fake repo stubbed in %d ms)",
                FILES,
                repo.tarball().length / 1024,
                FILES / raw,
                stubMs));

        FakeGithubResource.server().resetRequests();
        CpuMeter.Reading cpuBefore = cpu.read();
        double initial = timedSync(c, repo, "0".repeat(40), first);
        report.add(String.format(
                Locale.ROOT,
                "initial sync: %d files in %.2f s = %.0f files/s = %.4f of baseline; GitHub requests %s"
                        + " (target >= 1000 files/s, <= 3 API requests); apply %s ms; %s",
                FILES,
                initial,
                FILES / initial,
                raw / initial,
                requests(repo, c),
                applyMs(c),
                cpuPerFile(cpu.read().minus(cpuBefore), FILES)));

        String previous = first;
        for (int changed : new int[] {FILES / 10, Math.min(250, FILES / 20)}) {
            for (int i = 0; i < changed; i++) {
                repo.put(
                        "skills/group-" + (i % 50) + "/s-" + i + "/SKILL.md",
                        skill("s-" + i, "revised " + changed + " skill " + i));
            }
            String next = repo.commit();
            FakeGithubResource.server().resetRequests();
            CpuMeter.Reading before = cpu.read();
            double seconds = timedSync(c, repo, previous, next);
            report.add(String.format(
                    Locale.ROOT,
                    "incremental sync: %d of %d files changed in %.2f s = %.0f changed files/s = %.4f of baseline"
                            + " (files/s vs files/s); read via %s; GitHub requests %s (target >= 500 files/s,"
                            + " <= 510 requests); apply %s ms; %s",
                    changed,
                    FILES,
                    seconds,
                    changed / seconds,
                    (changed / seconds) / (FILES / raw),
                    readVia(c),
                    requests(repo, c),
                    applyMs(c),
                    cpuPerFile(cpu.read().minus(before), changed)));
            previous = next;
        }

        String noopHead = repo.put("README.md", "unmapped change").commit();
        FakeGithubResource.server().resetRequests();
        double noop = timedSync(c, repo, previous, noopHead);
        report.add(String.format(
                Locale.ROOT,
                "no-op sync of %d unchanged files: %.2f s; read via %s; GitHub requests %s",
                FILES,
                noop,
                readVia(c),
                requests(repo, c)));
    }

    /**
     * CPU per file of a sync, steadier than files/s on a shared machine: this JVM (the worker, and
     * the in-process fake GitHub serving it) and the PostgreSQL server.
     */
    private static String cpuPerFile(CpuMeter.Reading used, int files) {
        return String.format(
                Locale.ROOT,
                "CPU per file: JVM %.3f ms (incl. the in-process fake GitHub), PostgreSQL %.3f ms",
                used.jvm() * 1000 / files,
                used.postgres() * 1000 / files);
    }

    /** Best of three in-process reads of {@code archive}, in seconds. */
    private static double rawUntar(byte[] archive) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            TarballReader.read(new ByteArrayInputStream(archive), path -> path.startsWith("skills/"), 1);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    /** GitHub requests since the journal was reset: "N (API a, codeload d)"; API counts the token call. */
    private static String requests(FakeRepo repo, Connector c) {
        var server = FakeGithubResource.server();
        int api = server.findAll(RequestPatternBuilder.allRequests()
                                .withUrl(new UrlPathPattern(
                                        WireMock.matching("/repos/" + repo.fullName() + "/.*"), false)))
                        .size()
                + server.findAll(WireMock.postRequestedFor(
                                WireMock.urlPathEqualTo("/app/installations/" + c.installationId() + "/access_tokens")))
                        .size();
        int codeload = server.findAll(
                        WireMock.getRequestedFor(WireMock.urlPathMatching("/codeload/" + repo.fullName() + "/.*")))
                .size();
        return String.format(Locale.ROOT, "%d (API %d, codeload download %d)", api + codeload, api, codeload);
    }

    private static Object readVia(Connector c) {
        return IngestFixtures.scalar(
                "SELECT summary_json ->> 'head_read_via' FROM connector_sync_event WHERE connector_target_id = ?"
                        + " AND status = 'completed' ORDER BY completed_at DESC LIMIT 1",
                c.targetId());
    }

    private double timedSync(Connector c, FakeRepo repo, String before, String after) {
        Webhooks.send("push", Webhooks.delivery(), Webhooks.pushBody(repo, c.installationId(), before, after))
                .then()
                .statusCode(202);
        long start = System.nanoTime();
        worker.drain().await().atMost(Duration.ofMinutes(20));
        double seconds = (System.nanoTime() - start) / 1e9;
        Object synced = IngestFixtures.scalar(
                "SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId());
        if (!after.equals(synced)) {
            throw new IllegalStateException("sync did not reach " + after + ": " + synced);
        }
        return seconds;
    }

    /** Time the latest sync of the target spent in its database transaction (rest: GitHub calls). */
    private static Object applyMs(Connector c) {
        return IngestFixtures.scalar(
                "SELECT summary_json ->> 'apply_ms' FROM connector_sync_event WHERE connector_target_id = ?"
                        + " AND status = 'completed' ORDER BY completed_at DESC LIMIT 1",
                c.targetId());
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
