package io.plugsync.engines;

import io.quarkus.test.common.DevServicesContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test resource for every service: one set of real engines per test JVM, shared by all test classes
 * ({@code @WithTestResource(PlugSyncTestEngines.class)}), stopped when the JVM exits.
 *
 * <p>For {@code @QuarkusIntegrationTest} the packaged application runs in its {@code prod} profile
 * as a separate process; the returned config reaches it as system properties. It then gets what
 * the Kubernetes deployment gives it (see {@code deploy/}): the migration Job's schema, credentials
 * for the AWS endpoints, and no trace exporter (no collector runs here).
 */
public class PlugSyncTestEngines implements QuarkusTestResourceLifecycleManager, DevServicesContext.ContextAware {
    private static EmbeddedEngines engines;
    private static DevKeys keys;
    private static String webhookSecret;
    private static String encryptionKey;

    private boolean integrationTest;

    /** The shared engines, started on first use. */
    public static synchronized EmbeddedEngines engines() {
        if (engines == null) {
            engines = EmbeddedEngines.start(null, EmbeddedEngines.PreferredPorts.ANY);
            keys = DevKeys.generate();
            webhookSecret = randomBase64(24);
            encryptionKey = randomBase64(32);
            Runtime.getRuntime().addShutdownHook(new Thread(engines::close, "engines-shutdown"));
        }
        return engines;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(engines().quarkusConfig());
        config.put("mp.jwt.verify.publickey", keys.publicKeyPem());
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        config.put("plugsync.github.webhook-secret", webhookSecret);
        config.putAll(encryptionConfig());
        if (integrationTest) {
            config.putAll(packagedApplicationConfig());
        }
        return config;
    }

    @Override
    public void setIntegrationTestContext(DevServicesContext context) {
        integrationTest = true;
    }

    /** What the prod profile of a packaged service needs beyond the engines' endpoints. */
    static Map<String, String> packagedApplicationConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        // in production the migration Job migrates; here the first packaged service does it
        config.put("quarkus.flyway.migrate-at-start", "true");
        config.put("quarkus.otel.sdk.disabled", "true");
        for (String client : awsClientsOnClassPath()) {
            config.put("quarkus." + client + ".aws.region", "us-east-1");
            config.put("quarkus." + client + ".aws.credentials.type", "static");
            config.put("quarkus." + client + ".aws.credentials.static-provider.access-key-id", "local");
            config.put("quarkus." + client + ".aws.credentials.static-provider.secret-access-key", "local");
        }
        return config;
    }

    /** Only services with the AWS extensions get AWS settings (others would warn about unknown keys). */
    private static List<String> awsClientsOnClassPath() {
        List<String> clients = new ArrayList<>();
        if (onClassPath("software.amazon.awssdk.services.dynamodb.DynamoDbClient")) {
            clients.add("dynamodb");
        }
        if (onClassPath("software.amazon.awssdk.services.sqs.SqsClient")) {
            clients.add("sqs");
        }
        return clients;
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, PlugSyncTestEngines.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        // engines are shared by every test class of this JVM and stop at JVM exit
    }

    /** A valid token for {@code subject} with the given organisation roles. */
    public static String token(String subject, Map<String, String> orgRoles) {
        engines();
        return DevTokens.mint(keys.privateKey(), subject, orgRoles, Duration.ofHours(1));
    }

    /** A worker token for reporting to the given connectors' fleets. */
    public static String workerToken(String subject, UUID organizationId, UUID... connectors) {
        engines();
        return DevTokens.mintWorker(
                keys.privateKey(),
                subject,
                organizationId.toString(),
                Arrays.stream(connectors).map(Object::toString).toList(),
                Duration.ofHours(1));
    }

    /** A token that expired a minute ago. */
    public static String expiredToken(String subject, Map<String, String> orgRoles) {
        engines();
        return DevTokens.mint(keys.privateKey(), subject, orgRoles, Duration.ofMinutes(-1));
    }

    public static DevKeys keys() {
        engines();
        return keys;
    }

    public static String webhookSecret() {
        engines();
        return webhookSecret;
    }

    /** The payload encryption keys every service of this test JVM uses ({@code plugsync.encryption.*}). */
    public static Map<String, String> encryptionConfig() {
        engines();
        return Map.of(
                "plugsync.encryption.active-key-id", "test-1", "plugsync.encryption.keys.\"test-1\"", encryptionKey);
    }

    /** A plain JDBC connection to the test database, for assertions and fixtures. */
    public static Connection jdbc() throws SQLException {
        PostgresEngine pg = engines().postgres();
        return DriverManager.getConnection(pg.jdbcUrl(), PostgresEngine.USER, PostgresEngine.PASSWORD);
    }

    static String randomBase64(int bytes) {
        byte[] buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return Base64.getEncoder().encodeToString(buffer);
    }
}
