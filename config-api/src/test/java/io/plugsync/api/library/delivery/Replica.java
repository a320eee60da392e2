package io.plugsync.api.library.delivery;

import io.plugsync.common.delivery.DeliveredFiles;
import io.plugsync.common.delivery.LibraryReplicaItems;
import io.plugsync.common.delivery.LibraryReplicaLayout;
import io.plugsync.common.delivery.ResolvedPlugin;
import io.plugsync.common.library.PayloadCipher;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Writes the library replica as the outbox-dispatcher does (the same item builders and cipher), so
 * the read path is tested against real DynamoDB items without the dispatcher running.
 */
public record Replica(DynamoDbAsyncClient dynamo, PayloadCipher cipher) {
    private static final AtomicLong VERSIONS = new AtomicLong(System.currentTimeMillis());

    /** Creates the table when missing (the dispatcher's job in a real deployment). */
    public Replica ensureTable() {
        try {
            dynamo.describeTable(r -> r.tableName(LibraryReplicaLayout.DEFAULT_TABLE))
                    .join();
        } catch (java.util.concurrent.CompletionException e) {
            if (!(e.getCause() instanceof ResourceNotFoundException)) {
                throw e;
            }
            try {
                dynamo.createTable(r -> r.tableName(LibraryReplicaLayout.DEFAULT_TABLE)
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .attributeDefinitions(
                                        a -> a.attributeName(LibraryReplicaLayout.PK)
                                                .attributeType(ScalarAttributeType.S),
                                        a -> a.attributeName(LibraryReplicaLayout.SK)
                                                .attributeType(ScalarAttributeType.S))
                                .keySchema(
                                        k -> k.attributeName(LibraryReplicaLayout.PK)
                                                .keyType(KeyType.HASH),
                                        k -> k.attributeName(LibraryReplicaLayout.SK)
                                                .keyType(KeyType.RANGE)))
                        .join();
            } catch (java.util.concurrent.CompletionException raced) {
                // another test created it meanwhile
            }
            dynamo.waiter()
                    .waitUntilTableExists(r -> r.tableName(LibraryReplicaLayout.DEFAULT_TABLE))
                    .join();
        }
        return this;
    }

    /** A skill member whose file is {@code skills/<slug>/SKILL.md}. */
    public static ResolvedPlugin.Member skill(String slug, String content) {
        return new ResolvedPlugin.Member(
                UUID.randomUUID(),
                "skill",
                slug,
                UUID.randomUUID(),
                OffsetDateTime.now(ZoneOffset.UTC),
                DeliveredFiles.path("skill", slug, null, null),
                content);
    }

    public static ResolvedPlugin plugin(UUID org, String name, String status, List<ResolvedPlugin.Member> members) {
        return new ResolvedPlugin(UUID.randomUUID(), org, name, name + " for tests", status, members);
    }

    /** Delivers {@code plugin} at a new version: chunks first, the head last. Returns the version. */
    public long deliver(ResolvedPlugin plugin) {
        long version = VERSIONS.incrementAndGet();
        LibraryReplicaItems.PluginItems items = LibraryReplicaItems.plugin(plugin, version, cipher);
        for (Map<String, AttributeValue> chunk : items.chunks()) {
            put(chunk);
        }
        put(items.head());
        return version;
    }

    /** How many body chunk items version {@code version} of a plugin has. */
    public int chunks(UUID pluginId, long version) {
        return dynamo.query(r -> r.tableName(LibraryReplicaLayout.DEFAULT_TABLE)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(LibraryReplicaLayout.pluginPk(pluginId)),
                                ":prefix", AttributeValue.fromS(LibraryReplicaLayout.chunkPrefix(version)))))
                .join()
                .count();
    }

    public void entitleMember(UUID org, UUID membershipId, Collection<UUID> plugins, Collection<UUID> teams) {
        put(LibraryReplicaItems.entitlement(
                org, LibraryReplicaLayout.memberSk(membershipId), VERSIONS.incrementAndGet(), plugins, teams));
    }

    public void entitleTeam(UUID org, UUID teamId, Collection<UUID> plugins) {
        put(LibraryReplicaItems.entitlement(
                org, LibraryReplicaLayout.teamSk(teamId), VERSIONS.incrementAndGet(), plugins, null));
    }

    public void entitleOrg(UUID org, Collection<UUID> plugins) {
        put(LibraryReplicaItems.entitlement(
                org, LibraryReplicaLayout.ORG_SK, VERSIONS.incrementAndGet(), plugins, null));
    }

    private void put(Map<String, AttributeValue> item) {
        dynamo.putItem(r -> r.tableName(LibraryReplicaLayout.DEFAULT_TABLE).item(item))
                .join();
    }
}
