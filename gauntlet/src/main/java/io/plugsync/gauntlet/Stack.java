package io.plugsync.gauntlet;

import io.plugsync.engines.DevTokens;
import io.plugsync.engines.DynamoDbEngine;
import io.plugsync.engines.ElasticMqEngine;
import io.plugsync.engines.Ports;
import io.plugsync.engines.PostgresEngine;
import io.plugsync.engines.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The system under test: PostgreSQL, DynamoDB (dynalite, with a data directory so a stop keeps its
 * tables) and ElasticMQ, started once on fixed ports, and two replicas of each service from their
 * packaged jars. Engines stop and start again on the same port and data; replicas are SIGKILLed
 * and started again on their port. {@link #close()} stops everything it started.
 */
final class Stack implements AutoCloseable {
    static final List<String> SERVICES = List.of("config-api", "connector-ingest", "outbox-dispatcher");

    /** One replica of a service; its process is replaced when it is restarted. */
    static final class Replica {
        final String service;
        final int index;
        final int port;
        volatile ServiceProcess process;
        /** Killed by a fault and not restarted yet: the supervisor leaves it down. */
        volatile boolean down;
        /** Times it exited by itself and the supervisor started it again. */
        final java.util.concurrent.atomic.AtomicInteger crashes = new java.util.concurrent.atomic.AtomicInteger();

        Replica(String service, int index, int port) {
            this.service = service;
            this.index = index;
            this.port = port;
        }

        String name() {
            return service + "-" + index;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    private final Path root;
    private final Path work;
    private final int pgPort = Ports.free();
    private final int dynamoPort = Ports.free();
    private final int sqsPort = Ports.free();
    private volatile PostgresEngine postgres;
    private volatile DynamoDbEngine dynamo;
    private volatile ElasticMqEngine sqs;
    private final Map<String, List<Replica>> replicas = new LinkedHashMap<>();
    private Map<String, String> serviceConfig;

    Stack(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    void startEngines() {
        startPostgres();
        startDynamo();
        startSqs();
    }

    /** Starts two replicas of each service; the first config-api alone first, as it migrates the schema. */
    void startServices(Map<String, String> config, int perService, Timeline timeline) {
        this.serviceConfig = config;
        for (String service : SERVICES) {
            List<Replica> list = new ArrayList<>();
            for (int i = 1; i <= perService; i++) {
                list.add(new Replica(service, i, Ports.free()));
            }
            replicas.put(service, list);
        }
        Replica first = replicas.get("config-api").get(0);
        // the first start migrates the schema, as the migration Job does in production; no other
        // start does, so a replica starting while PostgreSQL is down waits instead of exiting
        Map<String, String> migrating = new LinkedHashMap<>(config);
        migrating.put("quarkus.flyway.migrate-at-start", "true");
        launch(first, migrating);
        first.process.awaitReady(Duration.ofMinutes(5));
        timeline.log("%s ready (schema migrated)", first.name());
        List<Replica> rest = new ArrayList<>();
        replicas.values().forEach(list -> list.stream().filter(r -> r != first).forEach(rest::add));
        rest.forEach(this::launch);
        for (Replica r : rest) {
            r.process.awaitReady(Duration.ofMinutes(5));
            timeline.log("%s ready at %s", r.name(), r.url());
        }
    }

    private void launch(Replica replica) {
        launch(replica, serviceConfig);
    }

    private void launch(Replica replica, Map<String, String> config) {
        Path jar = root.resolve(replica.service).resolve("target/quarkus-app/quarkus-run.jar");
        replica.process = ServiceProcess.start(replica.name(), jar, replica.port, config, work.resolve("logs"));
    }

    /**
     * What Kubernetes does for a pod whose process exits (restartPolicy Always): a replica that
     * exited by itself (not killed by a fault) is started again after a pause, and counted.
     */
    Thread supervise(java.util.concurrent.atomic.AtomicBoolean on, Timeline timeline) {
        Thread thread = new Thread(
                () -> {
                    while (on.get()) {
                        for (Replica r : allReplicas()) {
                            ServiceProcess p = r.process;
                            if (p != null && !r.down && !p.alive()) {
                                r.crashes.incrementAndGet();
                                timeline.log("%s exited by itself; restarting it (see %s)", r.name(), p.log());
                                sleep(5000);
                                if (on.get() && !r.down) {
                                    launch(r);
                                }
                            }
                        }
                        sleep(1000);
                    }
                },
                "supervisor");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Replica> replicas(String service) {
        return replicas.get(service);
    }

    List<Replica> allReplicas() {
        List<Replica> all = new ArrayList<>();
        replicas.values().forEach(all::addAll);
        return all;
    }

    List<String> urls(String service) {
        return replicas.get(service).stream().map(Replica::url).toList();
    }

    /** SIGKILL: no shutdown hook, no drain. */
    void kill(Replica replica) {
        replica.down = true;
        replica.process.kill();
    }

    void restart(Replica replica) {
        launch(replica);
        replica.down = false;
    }

    /** Whether every replica answers its readiness check with 200 right now. */
    boolean allReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (Replica r : allReplicas()) {
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(r.url() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(3))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    return false;
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        }
        return true;
    }

    void startPostgres() {
        postgres = PostgresEngine.start(work.resolve("pg"), pgPort);
    }

    /** {@code pg_ctl stop -m fast} (zonky's close), keeping the data directory. */
    void stopPostgres() {
        postgres.close();
    }

    void startDynamo() {
        dynamo = DynamoDbEngine.start(work.resolve("dynamodb"), dynamoPort, work.resolve("logs/dynalite.log"));
    }

    void stopDynamo() {
        dynamo.close();
    }

    void startSqs() {
        sqs = ElasticMqEngine.start(sqsPort);
    }

    /** ElasticMQ keeps queues in memory: its queues are gone after a stop. */
    void stopSqs() {
        sqs.close();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + PostgresEngine.DATABASE;
    }

    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), PostgresEngine.USER, PostgresEngine.PASSWORD);
    }

    String dynamoEndpoint() {
        return "http://127.0.0.1:" + dynamoPort;
    }

    /** What every service replica is started with (engines, keys, AWS credentials for the emulators). */
    Map<String, String> baseServiceConfig(Path publicKey) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.username", PostgresEngine.USER);
        config.put("quarkus.datasource.password", PostgresEngine.PASSWORD);
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + pgPort + "/" + PostgresEngine.DATABASE);
        config.put("quarkus.dynamodb.endpoint-override", dynamoEndpoint());
        config.put("quarkus.sqs.endpoint-override", "http://127.0.0.1:" + sqsPort);
        for (String aws : List.of("dynamodb", "sqs")) {
            config.put("quarkus." + aws + ".aws.region", "us-east-1");
            config.put("quarkus." + aws + ".aws.credentials.type", "static");
            config.put("quarkus." + aws + ".aws.credentials.static-provider.access-key-id", "local");
            config.put("quarkus." + aws + ".aws.credentials.static-provider.secret-access-key", "local");
        }
        config.put("mp.jwt.verify.publickey.location", publicKey.toString());
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        config.put("quarkus.flyway.migrate-at-start", "false");
        config.put("quarkus.log.console.json.enabled", "false");
        config.put("quarkus.otel.sdk.disabled", "true");
        // the dispatcher creates its tables and queues (the emulators have no infrastructure owner)
        config.put("plugsync.dispatcher.create-resources", "true");
        return config;
    }

    /** SIGTERM to every replica at once (SIGKILL after 15 s), then the engines. */
    @Override
    public synchronized void close() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Replica r : allReplicas()) {
            r.down = true;
            ServiceProcess p = r.process;
            if (p != null) {
                stops.add(CompletableFuture.runAsync(p::close));
            }
        }
        stops.forEach(CompletableFuture::join);
        closeQuietly(sqs);
        closeQuietly(dynamo);
        closeQuietly(postgres);
        sqs = null;
        dynamo = null;
        postgres = null;
    }

    private static void closeQuietly(AutoCloseable engine) {
        if (engine == null) {
            return;
        }
        try {
            engine.close();
        } catch (Exception e) {
            System.err.println("stopping " + engine.getClass().getSimpleName() + " failed: " + e);
        }
    }
}
