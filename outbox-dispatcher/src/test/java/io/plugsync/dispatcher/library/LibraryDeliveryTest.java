package io.plugsync.dispatcher.library;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.common.delivery.DeliveredPlugin;
import io.plugsync.common.delivery.DynamoPluginStore;
import io.plugsync.common.delivery.LibraryReplicaItems;
import io.plugsync.common.delivery.LibraryReplicaLayout;
import io.plugsync.common.delivery.ResolvedPlugin;
import io.plugsync.common.library.ConfigObjectWriter;
import io.plugsync.common.library.ConfigObjects;
import io.plugsync.common.library.PayloadCipher;
import io.plugsync.dispatcher.replica.AwsResources;
import io.plugsync.dispatcher.support.DispatcherTestEngines;
import io.plugsync.dispatcher.support.OperatorTokens;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Library writes reach their users through the replica: each scenario writes PostgreSQL as the
 * services do (rows plus outbox events), lets the running dispatcher deliver, and reads back only
 * through {@link DynamoPluginStore}, the read client consumers use.
 */
@QuarkusTest
@WithTestResource(DispatcherTestEngines.class)
class LibraryDeliveryTest {
    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Inject
    ConfigObjectWriter writer;

    @Inject
    PayloadCipher cipher;

    @Inject
    DynamoDbAsyncClient dynamo;

    @Inject
    SqsAsyncClient sqs;

    @Inject
    AwsResources resources;

    Connection db;
    LibraryFixture library;
    DynamoPluginStore store;

    UUID org;
    UUID alice;
    UUID bob;
    UUID carol;

    @BeforeEach
    void setUp() throws Exception {
        db = PlugSyncTestEngines.jdbc();
        library = new LibraryFixture(db, pool, writer);
        store = new DynamoPluginStore(dynamo, LibraryReplicaLayout.DEFAULT_TABLE, cipher);
        org = library.organisation();
        alice = library.member(org, "alice-" + UUID.randomUUID());
        bob = library.member(org, "bob-" + UUID.randomUUID());
        carol = library.member(org, "carol-" + UUID.randomUUID());
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void aPluginOfThreeSkillsReachesATeamMemberWithItsFilesAndFollowsEveryChange() throws Exception {
        UUID pdf = library.skillObject(org, alice, "pdf-tools", "Use pdftk.");
        UUID csv = library.skillObject(org, alice, "csv-tools", "Use csvkit.");
        UUID sql = library.skillObject(org, alice, "sql-tools", "Use psql.");
        UUID plugin = library.plugin(org, alice, "Data tools");
        for (UUID object : List.of(pdf, csv, sql)) {
            library.addMember(org, plugin, object);
        }
        UUID team = library.team(org, "analysts-" + UUID.randomUUID());
        library.joinTeam(org, team, bob);
        UUID grant = library.grant(org, plugin, null, team, false);

        DeliveredPlugin delivered =
                awaitPlugin(bob, plugin, p -> p.plugin().members().size() == 3);
        assertThat(delivered.plugin().name()).isEqualTo("Data tools");
        assertThat(delivered.plugin().members())
                .extracting(ResolvedPlugin.Member::path)
                .containsExactlyInAnyOrder(
                        "skills/pdf-tools/SKILL.md", "skills/csv-tools/SKILL.md", "skills/sql-tools/SKILL.md");
        assertThat(content(delivered, pdf)).isEqualTo(LibraryFixture.skill("pdf-tools", "Use pdftk."));
        assertThat(names(store.entitled(org, bob).toCompletableFuture().get())).containsExactly("Data tools");
        // the creator uses what it made; a member without a grant sees nothing
        assertThat(names(store.entitled(org, alice).toCompletableFuture().get()))
                .containsExactly("Data tools");
        assertThat(store.entitled(org, carol).toCompletableFuture().get()).isEmpty();
        assertThat(store.entitledPlugin(org, carol, plugin)
                        .toCompletableFuture()
                        .get())
                .isEmpty();

        // a new version of one member: a new delivery, announced once on the library queue
        long before = delivered.version();
        library.editSkill(org, pdf, alice, "pdf-tools", "Use qpdf now.");
        DeliveredPlugin edited = awaitPlugin(bob, plugin, p -> content(p, pdf).contains("qpdf"));
        assertThat(edited.version()).isGreaterThan(before);
        assertThat(announcedVersions(plugin)).contains(edited.version());

        // archived: out of the plugin; removed membership: out as well
        library.setStatus(csv, ConfigObjects.Status.ARCHIVED);
        awaitPlugin(bob, plugin, p -> p.plugin().members().size() == 2);
        library.removeMember(org, plugin, sql);
        DeliveredPlugin one = awaitPlugin(bob, plugin, p -> p.plugin().members().size() == 1);
        assertThat(one.plugin().members().get(0).configObjectId()).isEqualTo(pdf);

        // a revoked team grant: gone from both reads within one delivery
        library.revoke(org, plugin, grant);
        await().atMost(DELIVERY)
                .until(() ->
                        store.entitled(org, bob).toCompletableFuture().get().isEmpty());
        assertThat(store.entitledPlugin(org, bob, plugin).toCompletableFuture().get())
                .isEmpty();
        assertThat(names(store.entitled(org, alice).toCompletableFuture().get()))
                .containsExactly("Data tools");
    }

    @Test
    void oneObjectInTwoPluginsReDeliversBothAndOrgWideAndDirectGrantsEntitle() throws Exception {
        UUID shared = library.skillObject(org, alice, "shared-skill", "v1");
        UUID first = library.plugin(org, alice, "First");
        UUID second = library.plugin(org, alice, "Second");
        library.addMember(org, first, shared);
        library.addMember(org, second, shared);
        library.grant(org, first, null, null, true);
        library.grant(org, second, carol, null, false);

        await().atMost(DELIVERY)
                .until(() -> names(
                                store.entitled(org, carol).toCompletableFuture().get())
                        .equals(List.of("First", "Second")));
        assertThat(names(store.entitled(org, bob).toCompletableFuture().get())).containsExactly("First");

        library.editSkill(org, shared, alice, "shared-skill", "v2 everywhere");
        awaitPlugin(carol, first, p -> content(p, shared).contains("v2 everywhere"));
        awaitPlugin(carol, second, p -> content(p, shared).contains("v2 everywhere"));

        // an archived plugin leaves every list; restored, it is back
        library.setPluginStatus(org, second, "archived");
        await().atMost(DELIVERY)
                .until(() -> names(
                                store.entitled(org, carol).toCompletableFuture().get())
                        .equals(List.of("First")));
        library.setPluginStatus(org, second, "active");
        await().atMost(DELIVERY)
                .until(() -> names(
                                store.entitled(org, carol).toCompletableFuture().get())
                        .equals(List.of("First", "Second")));
    }

    @Test
    void leavingATeamRemovesItsPluginsFromTheMember() throws Exception {
        UUID object = library.skillObject(org, alice, "team-skill", "x");
        UUID plugin = library.plugin(org, alice, "Team plugin");
        library.addMember(org, plugin, object);
        UUID team = library.team(org, "t-" + UUID.randomUUID());
        library.grant(org, plugin, null, team, false);
        library.joinTeam(org, team, carol);
        await().atMost(DELIVERY)
                .until(() ->
                        !store.entitled(org, carol).toCompletableFuture().get().isEmpty());
        library.leaveTeam(org, team, carol);
        await().atMost(DELIVERY)
                .until(() ->
                        store.entitled(org, carol).toCompletableFuture().get().isEmpty());
    }

    @Test
    void anUnchangedResolutionWritesNothingAndTheReplicaNeverGoesBackAfterALostRecord() throws Exception {
        UUID object = library.skillObject(org, alice, "steady", "same");
        UUID plugin = library.plugin(org, alice, "Steady");
        library.addMember(org, plugin, object);
        String key = new DeliveryTarget.Plugin(plugin).key();
        DeliveredPlugin first =
                awaitPlugin(alice, plugin, p -> p.plugin().members().size() == 1);
        await().atMost(DELIVERY).until(() -> library.pendingEvents() == 0);

        // the same resolution again (a status write that changes nothing delivered)
        library.setStatus(object, ConfigObjects.Status.ACTIVE);
        await().atMost(DELIVERY).until(() -> library.pendingEvents() == 0);
        assertThat(store.plugin(plugin)
                        .toCompletableFuture()
                        .get()
                        .orElseThrow()
                        .version())
                .isEqualTo(first.version());

        // PostgreSQL lost what it had recorded (a crash after the replica write, before the commit):
        // the next delivery records the replica's version again, and a change goes above it
        library.forgetDelivery(key);
        library.setStatus(object, ConfigObjects.Status.ACTIVE);
        await().atMost(DELIVERY).until(() -> library.deliveredVersion(key) == first.version());
        library.editSkill(org, object, alice, "steady", "changed");
        DeliveredPlugin changed =
                awaitPlugin(alice, plugin, p -> content(p, object).contains("changed"));
        assertThat(changed.version()).isEqualTo(first.version() + 1);
    }

    @Test
    void theReplicaHoldsNoPlaintextOfAnyDeliveredFile() throws Exception {
        String marker = "plaintext-marker-" + UUID.randomUUID();
        UUID object = library.skillObject(org, alice, "secret-skill", marker);
        UUID plugin = library.plugin(org, alice, "Secret plugin " + marker.substring(0, 8));
        library.addMember(org, plugin, object);
        awaitPlugin(alice, plugin, p -> p.plugin().members().size() == 1);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(LibraryReplicaLayout.DEFAULT_TABLE))
                .items()
                .subscribe(items::add)
                .get();
        for (Map<String, AttributeValue> item : items) {
            for (AttributeValue value : item.values()) {
                String text = value.b() != null
                        ? new String(value.b().asByteArray(), StandardCharsets.ISO_8859_1)
                        : String.valueOf(value.s());
                assertThat(text).doesNotContain(marker).doesNotContain("secret-skill");
            }
        }
    }

    @Test
    void theDriftCheckRestoresALostHeadAndATamperedEntitlementAndLeavesTheRestAlone() throws Exception {
        UUID object = library.skillObject(org, alice, "drifting", "body");
        UUID plugin = library.plugin(org, alice, "Drifting");
        library.addMember(org, plugin, object);
        library.grant(org, plugin, carol, null, false);
        DeliveredPlugin delivered =
                awaitPlugin(carol, plugin, p -> p.plugin().members().size() == 1);
        await().atMost(DELIVERY).until(() -> library.pendingEvents() == 0);

        // somebody deletes the head and empties carol's entitlement item in DynamoDB
        dynamo.deleteItem(r -> r.tableName(LibraryReplicaLayout.DEFAULT_TABLE)
                        .key(LibraryReplicaItems.key(
                                LibraryReplicaLayout.pluginPk(plugin), LibraryReplicaLayout.HEAD_SK)))
                .get();
        dynamo.putItem(r -> r.tableName(LibraryReplicaLayout.DEFAULT_TABLE)
                        .item(LibraryReplicaItems.entitlement(
                                org, LibraryReplicaLayout.memberSk(carol), 99, List.of(), List.of())))
                .get();
        assertThat(store.entitled(org, carol).toCompletableFuture().get()).isEmpty();

        List<String> drifted = given().auth()
                .oauth2(OperatorTokens.operator())
                .post("/admin/outbox/library-drift-check")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("drifted", String.class);
        assertThat(drifted)
                .contains(new DeliveryTarget.Plugin(plugin).key(), new DeliveryTarget.Member(org, carol).key())
                .doesNotContain(new DeliveryTarget.Member(org, bob).key());
        DeliveredPlugin repaired = store.entitledPlugin(org, carol, plugin)
                .toCompletableFuture()
                .get()
                .orElseThrow();
        assertThat(repaired.checksum()).isEqualTo(delivered.checksum());
        assertThat(repaired.version()).isGreaterThan(delivered.version());

        // a second check finds nothing of this organisation to repair
        List<String> again = given().auth()
                .oauth2(OperatorTokens.operator())
                .post("/admin/outbox/library-drift-check")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("drifted", String.class);
        assertThat(again).noneMatch(key -> key.contains(org.toString()) || key.contains(plugin.toString()));
    }

    private DeliveredPlugin awaitPlugin(UUID member, UUID plugin, Predicate<DeliveredPlugin> ready) {
        return await().atMost(DELIVERY)
                .until(
                        () -> store.entitledPlugin(org, member, plugin)
                                .toCompletableFuture()
                                .get(),
                        found -> found.isPresent() && ready.test(found.get()))
                .orElseThrow();
    }

    private static String content(DeliveredPlugin plugin, UUID object) {
        return plugin.plugin().members().stream()
                .filter(m -> m.configObjectId().equals(object))
                .map(ResolvedPlugin.Member::content)
                .findFirst()
                .orElse("");
    }

    private static List<String> names(List<DeliveredPlugin> plugins) {
        return plugins.stream().map(p -> p.plugin().name()).toList();
    }

    /** Delivery versions announced for {@code plugin} on the library queue (drains what is there). */
    private Set<Long> announcedVersions(UUID plugin) throws Exception {
        Set<Long> versions = new HashSet<>();
        String url = resources.libraryQueueUrl();
        for (int i = 0; i < 5; i++) {
            List<Message> messages = sqs.receiveMessage(
                            r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .get()
                    .messages();
            for (Message m : messages) {
                JsonNode body = JSON.readTree(m.body());
                if (body.path("plugin_id").asText().equals(plugin.toString())) {
                    versions.add(body.path("version").asLong());
                }
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()))
                        .get();
            }
        }
        return versions;
    }
}
