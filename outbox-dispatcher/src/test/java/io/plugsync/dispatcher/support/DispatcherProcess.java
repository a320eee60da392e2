package io.plugsync.dispatcher.support;

import io.plugsync.engines.DevTokens;
import io.plugsync.engines.EmbeddedEngines;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.engines.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged dispatcher (target/quarkus-app/quarkus-run.jar) as a child JVM pointed at the test
 * engines, configured the way the local stack configures it; {@link #kill()} is SIGKILL.
 */
public final class DispatcherProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private DispatcherProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Start a dispatcher writing to {@code table} and notifying {@code queue}. */
    public static DispatcherProcess start(String name, String table, String queue, Map<String, String> extra) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: this test runs after package");
        }
        EmbeddedEngines engines = PlugSyncTestEngines.engines();
        Map<String, String> config = new LinkedHashMap<>(engines.quarkusConfig());
        for (String aws : List.of("dynamodb", "sqs")) {
            config.put("quarkus." + aws + ".aws.region", "us-east-1");
            config.put("quarkus." + aws + ".aws.credentials.type", "static");
            config.put("quarkus." + aws + ".aws.credentials.static-provider.access-key-id", "local");
            config.put("quarkus." + aws + ".aws.credentials.static-provider.secret-access-key", "local");
        }
        config.put("mp.jwt.verify.publickey.location", publicKeyFile().toString());
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        config.put("quarkus.flyway.migrate-at-start", "true");
        config.put("quarkus.log.console.json.enabled", "false");
        config.put("quarkus.otel.sdk.disabled", "true");
        config.put("plugsync.dispatcher.create-resources", "true");
        config.put("plugsync.dispatcher.replica.table", table);
        config.put("plugsync.dispatcher.sqs.queue", queue);
        config.put("plugsync.dispatcher.backoff-initial", "100ms");
        config.put("plugsync.dispatcher.backoff-max", "1s");
        config.put("plugsync.dispatcher.drift.delay", "1h");
        config.putAll(extra);
        int port = Ports.free();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        try {
            Path logDir = Files.createDirectories(Path.of("target/dispatcher-processes"));
            Path log = logDir.resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new DispatcherProcess(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path publicKeyFile() {
        try {
            Path file = Path.of("target/dispatcher-processes/jwt-public.pem");
            Files.createDirectories(file.getParent());
            Files.writeString(file, PlugSyncTestEngines.keys().publicKeyPem());
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + ": " + last + "; see " + log);
    }

    /** A metrics line value (sum of all series starting with {@code prefix}), for reporting. */
    public double metricSum(String prefix) {
        try {
            String body = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url() + "/q/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return body.lines()
                    .filter(l -> l.startsWith(prefix))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL: no shutdown hooks, no graceful drain. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM (graceful), then SIGKILL after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
