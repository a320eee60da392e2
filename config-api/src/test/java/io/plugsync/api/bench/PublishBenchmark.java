package io.plugsync.api.bench;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.CpuMeter;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Not a test (the name keeps it out of Surefire's default includes): run by {@code
 * bench/publish-bench.sh}. 16 publishers on distinct connectors for a fixed time against the
 * embedded PostgreSQL, then pgbench TPC-B on the same database, then the latency of the statements
 * that make up the base_version check. Prints lines starting with {@code BENCH}.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class PublishBenchmark {
    private static final int PUBLISHERS = 16;
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    /** Long enough for the JIT to settle: C2 compiling the request path would otherwise be measured too. */
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 20);

    private static final String PGBENCH = System.getProperty("bench.pgbench", "/usr/bin/pgbench");

    @TestHTTPResource("/")
    URL root;

    @Inject
    Vertx vertx;

    @Test
    void publishThroughputNextToPgbench() throws Exception {
        TestOrg org = TestOrg.create();
        List<String> connectors = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            connectors.add(V3Api.publishedConnector(org));
        }
        HttpClient http = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(PUBLISHERS));
        // warm-up: JIT and connection pools
        run(http, org, connectors, WARM_UP_SECONDS, new ConcurrentHashMap<>());
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        CpuMeter cpu = new CpuMeter(postmasterPid());
        CpuMeter.Reading before = cpu.read();
        long[] result = run(http, org, connectors, SECONDS, statuses);
        CpuMeter.Reading publishCpu = cpu.read().minus(before);
        double publishes = result[0] / (result[1] / 1e9);
        double meanLatencyMs = result[2] / 1e6 / Math.max(1, result[0]);
        System.out.printf(
                "BENCH publish: %d publishers, %d s, %d publishes, %.1f publishes/s, mean latency %.2f ms, statuses %s%n",
                PUBLISHERS, SECONDS, result[0], publishes, meanLatencyMs, new TreeMap<>(statuses));

        String[] db = database();
        Map<String, String> env = Map.of("PGPASSWORD", db[3]);
        exec(env, PGBENCH, "-h", db[0], "-p", db[1], "-U", db[2], "-i", "-q", "-s", "1", "postgres");
        before = cpu.read();
        String tpcb = exec(
                env,
                PGBENCH,
                "-h",
                db[0],
                "-p",
                db[1],
                "-U",
                db[2],
                "-c",
                "16",
                "-j",
                "2",
                "-T",
                Integer.toString(SECONDS),
                "postgres");
        Thread.sleep(500); // let the postmaster reap pgbench's backends (their CPU moves to its cutime)
        CpuMeter.Reading pgbenchCpu = cpu.read().minus(before);
        double tps = number(tpcb, "tps = ([0-9.]+)");
        long transactions = (long) number(tpcb, "number of transactions actually processed: ([0-9]+)");
        System.out.printf("BENCH pgbench TPC-B: 16 clients, %d s, %.1f tps%n", SECONDS, tps);
        System.out.printf("BENCH ratio publish/pgbench: %.2f (target >= 0.5)%n", publishes / tps);
        // CPU per operation is steadier than rates on a shared machine: the ratio of the two costs is
        // what the throughput ratio tends to on a quiet one
        double publishMs = 1000 * (publishCpu.jvm() + publishCpu.postgres()) / Math.max(1, result[0]);
        double pgbenchMs = 1000 * (pgbenchCpu.children() + pgbenchCpu.postgres()) / Math.max(1, transactions);
        System.out.printf(
                "BENCH CPU per publish %.2f ms (JVM: server + load generator %.2f, PostgreSQL %.2f);"
                        + " per pgbench transaction %.2f ms (pgbench %.2f, PostgreSQL %.2f); CPU-cost ratio %.2f%n",
                publishMs,
                1000 * publishCpu.jvm() / Math.max(1, result[0]),
                1000 * publishCpu.postgres() / Math.max(1, result[0]),
                pgbenchMs,
                1000 * pgbenchCpu.children() / Math.max(1, transactions),
                1000 * pgbenchCpu.postgres() / Math.max(1, transactions),
                pgbenchMs / publishMs);

        // the base_version check = lock the draft row + read the active version, in the publish transaction
        Path script = Files.createTempFile("base-check", ".sql");
        Files.writeString(
                script,
                "BEGIN;\n"
                        + "SELECT base_version FROM connector_config_drafts WHERE connector_id = '" + connectors.get(0)
                        + "' FOR UPDATE;\n"
                        + "SELECT version FROM connector_config_versions WHERE connector_id = '" + connectors.get(0)
                        + "' AND is_active;\n"
                        + "COMMIT;\n");
        String check = exec(
                env,
                PGBENCH,
                "-h",
                db[0],
                "-p",
                db[1],
                "-U",
                db[2],
                "-n",
                "-c",
                "1",
                "-T",
                "5",
                "-f",
                script.toString(),
                "postgres");
        double checkMs = number(check, "latency average = ([0-9.]+) ms");
        System.out.printf(
                "BENCH base_version check (lock draft + read active, own tx): %.3f ms per check,"
                        + " %.1f%% of the mean publish latency%n",
                checkMs, 100 * checkMs / meanLatencyMs);
        Files.deleteIfExists(script);
    }

    /**
     * Returns {publishes, elapsed ns, summed latency ns}. The load generator is the non-blocking
     * Vert.x HTTP client (one keep-alive HTTP/1.1 connection per publisher, each publisher sends its
     * next request when the previous answer arrives), so that like pgbench's C client it costs little
     * of the CPU it shares with the server.
     */
    private long[] run(
            HttpClient http, TestOrg org, List<String> connectors, int seconds, Map<Integer, AtomicLong> statuses)
            throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong latency = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(connectors.size());
        AtomicLong failures = new AtomicLong();
        for (String id : connectors) {
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.PUT)
                    .setHost(root.getHost())
                    .setPort(root.getPort())
                    .setURI("/api/connectors/" + id + "/config?publish=true&force=true")
                    .putHeader("Authorization", "Bearer " + org.editorToken())
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-PlugSync-Writer", "script");
            publishLoop(http, options, System.nanoTime(), end, ok, latency, statuses, failures, done);
        }
        done.await();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed without an HTTP answer");
        }
        return new long[] {ok.get(), System.nanoTime() - start, latency.get()};
    }

    private static void publishLoop(
            HttpClient http,
            RequestOptions options,
            long n,
            long end,
            AtomicLong ok,
            AtomicLong latency,
            Map<Integer, AtomicLong> statuses,
            AtomicLong failures,
            CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        String body = V3Api.CONTACT.replace("\"region\":\"eu\"", "\"region\":\"eu\",\"n\":" + n);
        long t0 = System.nanoTime();
        http.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        int status = result.result();
                        statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                        if (status == 201) {
                            ok.incrementAndGet();
                            latency.addAndGet(System.nanoTime() - t0);
                        }
                    } else {
                        failures.incrementAndGet();
                    }
                    publishLoop(http, options, n + 1, end, ok, latency, statuses, failures, done);
                });
    }

    private static long postmasterPid() throws SQLException, IOException {
        try (Connection db = PlugSyncTestEngines.jdbc();
                var rs = db.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return CpuMeter.parentOf(rs.getLong(1));
        }
    }

    /** host, port, user, password of the engines' PostgreSQL. */
    private static String[] database() throws SQLException {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/")
                    .matcher(db.getMetaData().getURL());
            if (!m.find()) {
                throw new IllegalStateException(
                        "unexpected JDBC URL " + db.getMetaData().getURL());
            }
            return new String[] {m.group(1), m.group(2), db.getMetaData().getUserName(), "postgres"};
        }
    }

    private static String exec(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    private static double number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in:\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }
}
