package io.plugsync.dispatcher.support;

import io.plugsync.engines.DevTokens;
import io.plugsync.engines.EmbeddedEngines;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.engines.Ports;
import io.plugsync.engines.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged dispatcher (target/quarkus-app/quarkus-run.jar) as a child JVM pointed at the test
 * engines, configured the way the local stack configures it; {@link #kill()} is SIGKILL. The process
 * itself is an {@link ServiceProcess}, as in the local stack.
 */
public final class DispatcherProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private final ServiceProcess process;

    private DispatcherProcess(ServiceProcess process) {
        this.process = process;
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
        config.putAll(PlugSyncTestEngines.encryptionConfig());
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
        return new DispatcherProcess(ServiceProcess.start(
                name, JAR.toAbsolutePath(), Ports.free(), config, Path.of("target/dispatcher-processes")));
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
        return process.url();
    }

    public boolean alive() {
        return process.alive();
    }

    public void awaitReady(Duration timeout) {
        process.awaitReady(timeout);
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
        process.kill();
    }

    /** SIGTERM (graceful), then SIGKILL. */
    @Override
    public void close() {
        process.close();
    }
}
