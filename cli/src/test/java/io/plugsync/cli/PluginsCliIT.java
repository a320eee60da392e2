package io.plugsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.delivery.DeliveredFiles;
import io.plugsync.common.delivery.LibraryReplicaItems;
import io.plugsync.common.delivery.LibraryReplicaLayout;
import io.plugsync.common.delivery.ResolvedPlugin;
import io.plugsync.common.library.PayloadCipher;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.engines.Ports;
import io.plugsync.engines.ServiceProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@code plugsync plugins list|pull} against the packaged config-api reading a library replica in
 * dynalite, written here with the dispatcher's item builders and the same payload keys.
 */
class PluginsCliIT {
    static ServiceProcess api;
    static DynamoDbClient dynamo;
    static PayloadCipher cipher;
    static UUID org;
    static UUID membership;
    static String token;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of("../config-api/target/quarkus-app/quarkus-run.jar")
                .toAbsolutePath()
                .normalize();
        assertThat(jar)
                .as("config-api must be packaged before the CLI tests (./mvnw verify builds it first)")
                .exists();
        Map<String, String> config = new HashMap<>(new PlugSyncTestEngines().start());
        config.put("quarkus.flyway.migrate-at-start", "true");
        config.put("quarkus.otel.sdk.disabled", "true");
        config.put("quarkus.log.console.json.enabled", "false");
        for (String key : List.of("region", "credentials.type")) {
            config.putIfAbsent("quarkus.dynamodb.aws." + key, key.equals("region") ? "us-east-1" : "static");
        }
        config.put("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local");
        config.put("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local");
        api = ServiceProcess.start("config-api-plugins-it", jar, Ports.free(), config, Path.of("target/cli-it-logs"));
        api.awaitReady(Duration.ofMinutes(2));
        Map<String, String> keys = PlugSyncTestEngines.encryptionConfig();
        cipher = PayloadCipher.fromBase64Keys(
                keys.get("plugsync.encryption.active-key-id"),
                Map.of("test-1", keys.get("plugsync.encryption.keys.\"test-1\"")));
        dynamo = DynamoDbClient.builder()
                .endpointOverride(
                        URI.create(PlugSyncTestEngines.engines().dynamo().endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        ensureTable();
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            org = OrgFixtures.newOrganisation(db, "cli-plugins");
            membership = OrgFixtures.ensureMember(db, org, "installer", "viewer");
        }
        token = PlugSyncTestEngines.token("installer", Map.of(org.toString(), "viewer"));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }

    @BeforeEach
    void environment() {
        Environment.use(new Environment(
                Map.of("PLUGSYNC_URL", api.url(), "PLUGSYNC_TOKEN", token, "HOME", work.toString()), work));
    }

    static void ensureTable() {
        try {
            dynamo.describeTable(r -> r.tableName(LibraryReplicaLayout.DEFAULT_TABLE));
        } catch (ResourceNotFoundException e) {
            dynamo.createTable(r -> r.tableName(LibraryReplicaLayout.DEFAULT_TABLE)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            a -> a.attributeName(LibraryReplicaLayout.PK).attributeType(ScalarAttributeType.S),
                            a -> a.attributeName(LibraryReplicaLayout.SK).attributeType(ScalarAttributeType.S))
                    .keySchema(
                            k -> k.attributeName(LibraryReplicaLayout.PK).keyType(KeyType.HASH),
                            k -> k.attributeName(LibraryReplicaLayout.SK).keyType(KeyType.RANGE)));
            dynamo.waiter().waitUntilTableExists(r -> r.tableName(LibraryReplicaLayout.DEFAULT_TABLE));
        }
    }

    static ResolvedPlugin.Member member(String type, String slug, String path, String content) {
        return new ResolvedPlugin.Member(
                UUID.randomUUID(), type, slug, UUID.randomUUID(), OffsetDateTime.now(), path, content);
    }

    /** Delivers a plugin and entitles the installer to it (member item: it and every earlier one). */
    static ResolvedPlugin deliver(String name, List<ResolvedPlugin.Member> members, List<UUID> alsoEntitled) {
        ResolvedPlugin plugin = new ResolvedPlugin(UUID.randomUUID(), org, name, "for " + name, "active", members);
        long version = System.nanoTime();
        LibraryReplicaItems.PluginItems items = LibraryReplicaItems.plugin(plugin, version, cipher);
        for (Map<String, AttributeValue> chunk : items.chunks()) {
            put(chunk);
        }
        put(items.head());
        List<UUID> ids = new java.util.ArrayList<>(alsoEntitled);
        ids.add(plugin.pluginId());
        put(LibraryReplicaItems.entitlement(org, LibraryReplicaLayout.memberSk(membership), version, ids, List.of()));
        return plugin;
    }

    static void put(Map<String, AttributeValue> item) {
        dynamo.putItem(r -> r.tableName(LibraryReplicaLayout.DEFAULT_TABLE).item(item));
    }

    record Run(int code, String out, String err) {}

    Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PlugSyncCli.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listShowsEntitledPluginsAndPullWritesEachMemberAtItsPath() throws Exception {
        String skill = "---\nname: hubspot\n---\n# HubSpot ✓\n";
        ResolvedPlugin plugin = deliver(
                "Sales Kit",
                List.of(
                        member("skill", "hubspot", DeliveredFiles.path("skill", "hubspot", null, null), skill),
                        member("command", "deal", DeliveredFiles.path("command", "deal", null, null), "Close it.\n")),
                List.of());

        Run list = cli("plugins", "list");
        assertThat(list.code()).as(list.err()).isEqualTo(ExitCodes.OK);
        assertThat(list.out()).contains("Sales Kit", plugin.pluginId().toString(), "2");
        Run json = cli("plugins", "list", "--org", org.toString(), "-o", "json");
        assertThat(json.code()).as(json.err()).isEqualTo(ExitCodes.OK);
        JsonNode items = ApiClient.JSON.readTree(json.out());
        assertThat(items.findValuesAsText("plugin_id"))
                .contains(plugin.pluginId().toString());

        Run pull = cli("plugins", "pull", "Sales Kit");
        assertThat(pull.code()).as(pull.err()).isEqualTo(ExitCodes.OK);
        Path dir = work.resolve("sales-kit");
        assertThat(Files.readString(dir.resolve("skills/hubspot/SKILL.md"))).isEqualTo(skill);
        assertThat(Files.readString(dir.resolve("commands/deal.md"))).isEqualTo("Close it.\n");
        assertThat(pull.out()).contains("wrote " + dir.resolve("skills/hubspot/SKILL.md"));

        Run byId = cli("plugins", "pull", plugin.pluginId().toString(), "elsewhere");
        assertThat(byId.code()).as(byId.err()).isEqualTo(ExitCodes.OK);
        assertThat(work.resolve("elsewhere/commands/deal.md")).exists();
    }

    @Test
    void pullRefusesAMemberPathThatLeavesTheDirectoryAndWritesNothing() {
        ResolvedPlugin plugin = deliver(
                "Evil Kit",
                List.of(
                        member("skill", "ok", "skills/ok/SKILL.md", "fine"),
                        member("custom", "evil", "../../evil.md", "gotcha")),
                List.of());
        Run pull = cli("plugins", "pull", plugin.pluginId().toString(), "evil");
        assertThat(pull.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(pull.err()).contains("refusing");
        assertThat(work.resolve("evil/skills/ok/SKILL.md")).doesNotExist();
        assertThat(work.getParent().resolve("evil.md")).doesNotExist();
    }

    @Test
    void pullOfAPluginNotDeliveredToYouExits6() {
        assertThat(cli("plugins", "pull", UUID.randomUUID().toString()).code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli("plugins", "pull", "No Such Kit").code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli("plugins", "list", "--org", UUID.randomUUID().toString()).code())
                .isEqualTo(ExitCodes.NOT_FOUND);
    }
}
