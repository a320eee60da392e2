package io.plugsync.common.delivery;

import io.plugsync.common.library.PayloadCipher;
import io.plugsync.common.replica.ReplicaCodec;
import io.plugsync.common.replica.ReplicaIntegrityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The read client for delivered plugins, beside {@code DynamoConfigStore}: which plugins a member may
 * use and what they ship, read from the library replica the outbox-dispatcher writes ({@link
 * LibraryReplicaLayout}). It never touches PostgreSQL.
 *
 * <p>Entitlements and heads are read strongly consistent on every call, so a revoked grant is gone
 * as soon as its delivery lands. Decoded manifests are cached by plugin, version and checksum (a
 * delivery version never changes content once superseded, and the checksum guards the one that
 * may be rewritten after a crash), bounded, least recently used out.
 *
 * <p>Every sealed part is opened with its associated data (plugin, version, part) and the reassembled
 * body is checked against both its payload checksum and the head's document checksum; a mismatch
 * fails the returned stage with {@link ReplicaIntegrityException}.
 */
public final class DynamoPluginStore {
    /** BatchGetItem's limit of keys per request. */
    private static final int BATCH = 100;

    private final DynamoDbAsyncClient dynamo;
    private final String table;
    private final PayloadCipher cipher;
    private final Map<String, ResolvedPlugin> manifests;

    public DynamoPluginStore(DynamoDbAsyncClient dynamo, String table, PayloadCipher cipher) {
        this(dynamo, table, cipher, 4096);
    }

    public DynamoPluginStore(DynamoDbAsyncClient dynamo, String table, PayloadCipher cipher, int cachedManifests) {
        this.dynamo = dynamo;
        this.table = table;
        this.cipher = cipher;
        this.manifests = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ResolvedPlugin> eldest) {
                return size() > cachedManifests;
            }
        });
    }

    /**
     * The ids of the plugins a member may use: granted to it, to one of its teams or to the whole
     * organisation, or created by it. Says nothing about their status (see {@link #entitled}).
     */
    public CompletionStage<Set<UUID>> entitlement(UUID organizationId, UUID membershipId) {
        String pk = LibraryReplicaLayout.orgPk(organizationId);
        return batchGet(List.of(
                        LibraryReplicaItems.key(pk, LibraryReplicaLayout.memberSk(membershipId)),
                        LibraryReplicaItems.key(pk, LibraryReplicaLayout.ORG_SK)))
                .thenCompose(principals -> {
                    Set<UUID> plugins = new LinkedHashSet<>();
                    List<Map<String, AttributeValue>> teamKeys = new ArrayList<>();
                    for (Map<String, AttributeValue> item : principals) {
                        plugins.addAll(ids(item, LibraryReplicaLayout.PLUGIN_IDS));
                        for (UUID team : ids(item, LibraryReplicaLayout.TEAM_IDS)) {
                            teamKeys.add(LibraryReplicaItems.key(pk, LibraryReplicaLayout.teamSk(team)));
                        }
                    }
                    return batchGet(teamKeys).thenApply(teams -> {
                        teams.forEach(team -> plugins.addAll(ids(team, LibraryReplicaLayout.PLUGIN_IDS)));
                        return plugins;
                    });
                });
    }

    /** The active plugins a member may use, in manifest form (members without content), by name. */
    public CompletionStage<List<DeliveredPlugin>> entitled(UUID organizationId, UUID membershipId) {
        return entitlement(organizationId, membershipId)
                .thenCompose(ids -> batchGet(ids.stream()
                        .map(id -> LibraryReplicaItems.key(
                                LibraryReplicaLayout.pluginPk(id), LibraryReplicaLayout.HEAD_SK))
                        .toList()))
                .thenApply(heads -> heads.stream()
                        .filter(head -> usable(head, organizationId))
                        .map(this::manifest)
                        .sorted(Comparator.comparing(
                                        (DeliveredPlugin p) -> p.plugin().name())
                                .thenComparing(p -> p.plugin().pluginId()))
                        .toList());
    }

    /** One active plugin the member may use, whole (with every member's content); empty otherwise. */
    public CompletionStage<Optional<DeliveredPlugin>> entitledPlugin(
            UUID organizationId, UUID membershipId, UUID pluginId) {
        return entitlement(organizationId, membershipId).thenCompose(ids -> {
            if (!ids.contains(pluginId)) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return head(pluginId)
                    .thenCompose(head -> head.isPresent() && usable(head.get(), organizationId)
                            ? whole(head.get()).thenApply(Optional::of)
                            : CompletableFuture.completedFuture(Optional.empty()));
        });
    }

    /** A plugin's current delivery, whole, whatever its status or audience (for services, not people). */
    public CompletionStage<Optional<DeliveredPlugin>> plugin(UUID pluginId) {
        return head(pluginId)
                .thenCompose(head -> head.isPresent()
                        ? whole(head.get()).thenApply(Optional::of)
                        : CompletableFuture.completedFuture(Optional.empty()));
    }

    private static boolean usable(Map<String, AttributeValue> head, UUID organizationId) {
        return organizationId.toString().equals(string(head, LibraryReplicaLayout.ORGANIZATION_ID))
                && "active".equals(string(head, LibraryReplicaLayout.STATUS));
    }

    private CompletionStage<Optional<Map<String, AttributeValue>>> head(UUID pluginId) {
        return dynamo.getItem(r -> r.tableName(table)
                        .key(LibraryReplicaItems.key(
                                LibraryReplicaLayout.pluginPk(pluginId), LibraryReplicaLayout.HEAD_SK))
                        .consistentRead(true))
                .thenApply(r -> r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item()) : Optional.empty());
    }

    private DeliveredPlugin manifest(Map<String, AttributeValue> head) {
        UUID id = pluginId(head);
        long version = version(head);
        String checksum = string(head, LibraryReplicaLayout.CHECKSUM);
        String cacheKey = id + "/" + version + "/" + checksum;
        ResolvedPlugin manifest = manifests.get(cacheKey);
        if (manifest == null) {
            manifest = ResolvedPlugin.parse(open(
                    string(head, LibraryReplicaLayout.KEY_ID),
                    head,
                    id,
                    version,
                    LibraryReplicaLayout.MANIFEST,
                    LibraryReplicaLayout.MANIFEST));
            manifests.put(cacheKey, manifest);
        }
        return new DeliveredPlugin(version, checksum, manifest);
    }

    private CompletionStage<DeliveredPlugin> whole(Map<String, AttributeValue> head) {
        UUID id = pluginId(head);
        long version = version(head);
        int chunks = Integer.parseInt(head.get(LibraryReplicaLayout.CHUNKS).n());
        CompletionStage<List<byte[]>> sealed = head.containsKey(LibraryReplicaLayout.BODY)
                ? CompletableFuture.completedFuture(List.of(open(
                        string(head, LibraryReplicaLayout.KEY_ID),
                        head,
                        id,
                        version,
                        LibraryReplicaLayout.BODY,
                        LibraryReplicaLayout.chunkPart(1))))
                : chunks(id, version, head, chunks);
        return sealed.thenApply(parts -> {
            byte[] body = ReplicaCodec.decode(
                    string(head, LibraryReplicaLayout.ENCODING),
                    string(head, LibraryReplicaLayout.PAYLOAD_SHA256),
                    parts);
            ResolvedPlugin plugin = ResolvedPlugin.parse(body);
            String checksum = string(head, LibraryReplicaLayout.CHECKSUM);
            if (!plugin.checksum().equals(checksum)) {
                throw new ReplicaIntegrityException("plugin " + id + " v" + version + " does not match its checksum");
            }
            return new DeliveredPlugin(version, checksum, plugin);
        });
    }

    private CompletionStage<List<byte[]>> chunks(
            UUID id, long version, Map<String, AttributeValue> head, int expected) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", LibraryReplicaLayout.PK, "#sk", LibraryReplicaLayout.SK))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(LibraryReplicaLayout.pluginPk(id)),
                        ":prefix", AttributeValue.fromS(LibraryReplicaLayout.chunkPrefix(version))))
                .consistentRead(true)
                .build();
        List<Map<String, AttributeValue>> items = Collections.synchronizedList(new ArrayList<>());
        return dynamo.queryPaginator(query).items().subscribe(items::add).thenApply(done -> {
            if (items.size() != expected) {
                throw new ReplicaIntegrityException(
                        "plugin " + id + " v" + version + " has " + items.size() + " of " + expected + " chunks");
            }
            List<byte[]> parts = new ArrayList<>(expected);
            List<Map<String, AttributeValue>> ordered = new ArrayList<>(items);
            ordered.sort(Comparator.comparing(
                    item -> item.get(LibraryReplicaLayout.SK).s()));
            for (int i = 0; i < ordered.size(); i++) {
                parts.add(open(
                        string(head, LibraryReplicaLayout.KEY_ID),
                        ordered.get(i),
                        id,
                        version,
                        LibraryReplicaLayout.BODY,
                        LibraryReplicaLayout.chunkPart(i + 1)));
            }
            return parts;
        });
    }

    /** Opens a sealed attribute of a head or chunk item; the key id is always the head's. */
    private byte[] open(
            String keyId, Map<String, AttributeValue> item, UUID id, long version, String attribute, String part) {
        AttributeValue sealed = item.get(attribute);
        if (sealed == null || sealed.b() == null) {
            throw new ReplicaIntegrityException("plugin " + id + " v" + version + " has no " + attribute);
        }
        try {
            return cipher.open(keyId, sealed.b().asByteArray(), LibraryReplicaLayout.associatedData(id, version, part));
        } catch (IllegalStateException e) {
            throw new ReplicaIntegrityException("plugin " + id + " v" + version + " " + part + ": " + e.getMessage());
        }
    }

    private CompletionStage<List<Map<String, AttributeValue>>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<CompletableFuture<List<Map<String, AttributeValue>>>> batches = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            batches.add(batch(keys.subList(from, Math.min(keys.size(), from + BATCH)), new ArrayList<>(), 0)
                    .toCompletableFuture());
        }
        return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    List<Map<String, AttributeValue>> all = new ArrayList<>();
                    batches.forEach(b -> all.addAll(b.join()));
                    return all;
                });
    }

    /** One BatchGetItem, repeated for its unprocessed keys (DynamoDB may return fewer under load). */
    private CompletionStage<List<Map<String, AttributeValue>>> batch(
            List<Map<String, AttributeValue>> keys, List<Map<String, AttributeValue>> found, int attempt) {
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(found);
        }
        if (attempt > 8) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("DynamoDB left " + keys.size() + " keys unprocessed after retries"));
        }
        return dynamo.batchGetItem(r -> r.requestItems(Map.of(
                        table,
                        KeysAndAttributes.builder()
                                .keys(keys)
                                .consistentRead(true)
                                .build())))
                .thenCompose((BatchGetItemResponse r) -> {
                    found.addAll(r.responses().getOrDefault(table, List.of()));
                    KeysAndAttributes left = r.unprocessedKeys().get(table);
                    return batch(left == null ? List.of() : left.keys(), found, attempt + 1);
                });
    }

    private static List<UUID> ids(Map<String, AttributeValue> item, String attribute) {
        AttributeValue list = item.get(attribute);
        if (list == null || !list.hasL()) {
            return List.of();
        }
        return list.l().stream().map(v -> UUID.fromString(v.s())).toList();
    }

    private static UUID pluginId(Map<String, AttributeValue> head) {
        return UUID.fromString(head.get(LibraryReplicaLayout.PK).s().substring("plugin#".length()));
    }

    private static long version(Map<String, AttributeValue> head) {
        return Long.parseLong(head.get(LibraryReplicaLayout.VERSION).n());
    }

    private static String string(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s();
    }
}
