package io.plugsync.engines;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** PostgreSQL, DynamoDB (dynalite) and ElasticMQ, started together; closes them in reverse order. */
public final class EmbeddedEngines implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedEngines.class);

    private final PostgresEngine postgres;
    private volatile DynamoDbEngine dynamo;
    private final ElasticMqEngine sqs;

    private EmbeddedEngines(PostgresEngine postgres, DynamoDbEngine dynamo, ElasticMqEngine sqs) {
        this.postgres = postgres;
        this.dynamo = dynamo;
        this.sqs = sqs;
    }

    /**
     * Starts all three. With a data directory PostgreSQL and DynamoDB keep their data there
     * ({@code pg/}, {@code dynamodb/}); without one everything is throw-away.
     */
    public static EmbeddedEngines start(Path dataDirectory, PreferredPorts preferred) {
        PostgresEngine pg = timed(
                "PostgreSQL 17",
                () -> PostgresEngine.start(
                        dataDirectory == null ? null : dataDirectory.resolve("pg"),
                        Ports.preferred(preferred.postgres())));
        DynamoDbEngine dynamo = timed(
                "DynamoDB (dynalite)",
                () -> DynamoDbEngine.start(
                        dataDirectory == null ? null : dataDirectory.resolve("dynamodb"),
                        Ports.preferred(preferred.dynamodb()),
                        dataDirectory == null ? null : dataDirectory.resolve("logs/dynalite.log")));
        ElasticMqEngine sqs = timed("SQS (ElasticMQ)", () -> ElasticMqEngine.start(Ports.preferred(preferred.sqs())));
        return new EmbeddedEngines(pg, dynamo, sqs);
    }

    /** Preferred ports; 0 means any free port. */
    public record PreferredPorts(int postgres, int dynamodb, int sqs) {
        public static final PreferredPorts ANY = new PreferredPorts(0, 0, 0);
    }

    static <T> T timed(String name, Supplier<T> start) {
        long t0 = System.nanoTime();
        LOG.infof("starting %s ...", name);
        T engine = start.get();
        LOG.infof("%s up in %d ms", name, (System.nanoTime() - t0) / 1_000_000);
        return engine;
    }

    public PostgresEngine postgres() {
        return postgres;
    }

    public DynamoDbEngine dynamo() {
        return dynamo;
    }

    /**
     * Stops DynamoDB (for outage tests). Without a data directory its tables and items are gone;
     * {@link #startDynamo()} brings up an empty one on the same port.
     */
    public void stopDynamo() {
        dynamo.close();
    }

    /** Starts DynamoDB again on the port it had (in memory). */
    public void startDynamo() {
        dynamo = DynamoDbEngine.start(null, dynamo.port(), null);
    }

    public ElasticMqEngine sqs() {
        return sqs;
    }

    /** Quarkus configuration that points a service at these engines. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.username", PostgresEngine.USER);
        config.put("quarkus.datasource.password", PostgresEngine.PASSWORD);
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl());
        config.put("quarkus.dynamodb.endpoint-override", dynamo.endpoint());
        config.put("quarkus.sqs.endpoint-override", sqs.endpoint());
        return config;
    }

    @Override
    public void close() {
        closeQuietly(sqs);
        closeQuietly(dynamo);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable engine) {
        try {
            engine.close();
        } catch (Exception e) {
            LOG.warnf(e, "stopping %s failed", engine.getClass().getSimpleName());
        }
    }
}
