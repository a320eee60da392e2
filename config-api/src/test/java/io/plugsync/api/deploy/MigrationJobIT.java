package io.plugsync.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.engines.PostgresEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes migration Job (deploy/base/migration/job.yaml) runs the packaged config-api with
 * {@code QUARKUS_INIT_AND_EXIT=true} and {@code PLUGSYNC_MIGRATE_AT_START=true}: it must apply every
 * Flyway migration and exit 0. A service started with the prod defaults must not touch the schema.
 * The prod profile logs JSON, one object per line.
 */
class MigrationJobIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MIGRATIONS = Path.of("../common/src/main/resources/db/migration");

    @Test
    void migrationJobAppliesEveryMigrationAndExitsZero() throws Exception {
        String database = freshDatabase();
        Launch job = launch(database, Map.of("QUARKUS_INIT_AND_EXIT", "true", "PLUGSYNC_MIGRATE_AT_START", "true"));

        assertThat(job.exitCode()).as("exit code; output:%n%s", job.output()).isZero();
        assertThat(appliedVersions(database)).containsExactlyElementsOf(migrationVersionsInSource());
    }

    @Test
    void prodServiceDoesNotMigrateAtStart() throws Exception {
        String database = freshDatabase();
        // prod default PLUGSYNC_MIGRATE_AT_START=false; init-and-exit so the service stops after start-up
        Launch service = launch(database, Map.of("QUARKUS_INIT_AND_EXIT", "true"));

        assertThat(service.exitCode())
                .as("exit code; output:%n%s", service.output())
                .isZero();
        assertThat(tableExists(database, "flyway_schema_history")).isFalse();
        assertThat(tableExists(database, "connector")).isFalse();
    }

    @Test
    void migrationJobIsIdempotent() throws Exception {
        String database = freshDatabase();
        Map<String, String> jobEnv = Map.of("QUARKUS_INIT_AND_EXIT", "true", "PLUGSYNC_MIGRATE_AT_START", "true");
        assertThat(launch(database, jobEnv).exitCode()).isZero();

        Launch again = launch(database, jobEnv);

        assertThat(again.exitCode())
                .as("exit code; output:%n%s", again.output())
                .isZero();
        assertThat(appliedVersions(database)).containsExactlyElementsOf(migrationVersionsInSource());
    }

    @Test
    void prodLogsAreOneJsonObjectPerLineNamingTheService() throws Exception {
        Launch job =
                launch(freshDatabase(), Map.of("QUARKUS_INIT_AND_EXIT", "true", "PLUGSYNC_MIGRATE_AT_START", "true"));

        List<String> lines =
                job.output().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.path("service").asText()).as(line).isEqualTo("config-api");
            assertThat(entry.path("level").asText()).as(line).isNotEmpty();
            assertThat(entry.path("message").isTextual()).as(line).isTrue();
        }
        assertThat(lines).anyMatch(line -> line.contains("Successfully applied"));
    }

    private record Launch(int exitCode, String output) {}

    /** The packaged jar with the environment of the Job manifest (prod profile, env config only). */
    private static Launch launch(String database, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        PostgresEngine pg = PlugSyncTestEngines.engines().postgres();
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("packaged application (run after package)").exists();
        Path log = Files.createTempFile("migration-job", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl().replaceFirst("/[^/]+$", "/" + database));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", pg.reactiveUrl().replaceFirst("/[^/]+$", "/" + database));
        env.put("PLUGSYNC_DB_USER", PostgresEngine.USER);
        env.put("PLUGSYNC_DB_PASSWORD", PostgresEngine.PASSWORD);
        env.put("PLUGSYNC_OTEL_DISABLED", "true");
        env.put("QUARKUS_HTTP_PORT", "0");
        env.putAll(extraEnv);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("did not exit; output:\n" + Files.readString(log));
        }
        return new Launch(process.exitValue(), Files.readString(log));
    }

    private static String freshDatabase() throws SQLException {
        String name = "migrate_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection db = PlugSyncTestEngines.jdbc();
                Statement statement = db.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private static Connection connect(String database) throws SQLException {
        PostgresEngine pg = PlugSyncTestEngines.engines().postgres();
        return DriverManager.getConnection(
                pg.jdbcUrl().replaceFirst("/[^/]+$", "/" + database), PostgresEngine.USER, PostgresEngine.PASSWORD);
    }

    private static List<String> appliedVersions(String database) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection db = connect(database);
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private static boolean tableExists(String database, String table) throws SQLException {
        try (Connection db = connect(database);
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    /** V1, V2, ... as Flyway numbers them, in order, from the migration files in common. */
    private static List<String> migrationVersionsInSource() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.+\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                    .toList();
        }
    }
}
