package io.plugsync.api.bench;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @Test
    void publishThroughputNextToPgbench() throws Exception {
        TestOrg org = TestOrg.create();
        List<String> connectors = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            connectors.add(V3Api.publishedConnector(org));
        }
        // HTTP/1.1: one connection per publisher, like pgbench's one connection per client (the JDK client
        // would otherwise upgrade to h2c and multiplex all publishers over one connection)
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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

    /** Returns {publishes, elapsed ns, summed latency ns}. */
    private long[] run(
            HttpClient http, TestOrg org, List<String> connectors, int seconds, Map<Integer, AtomicLong> statuses)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PUBLISHERS);
        AtomicLong ok = new AtomicLong();
        AtomicLong latency = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (String id : connectors) {
            futures.add(pool.submit(() -> {
                URI uri = URI.create(
                        root.toString().replaceAll("/$", "") + "/api/connectors/" + id + "/config?publish=true");
                long n = System.nanoTime();
                while (System.nanoTime() < end) {
                    n++;
                    String body = V3Api.CONTACT.replace("\"region\":\"eu\"", "\"region\":\"eu\",\"n\":" + n);
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + org.editorToken())
                            .header("Content-Type", "application/json")
                            .header("X-PlugSync-Writer", "script")
                            .PUT(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    long t0 = System.nanoTime();
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    if (status == 201) {
                        ok.incrementAndGet();
                        latency.addAndGet(System.nanoTime() - t0);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new long[] {ok.get(), elapsed, latency.get()};
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
