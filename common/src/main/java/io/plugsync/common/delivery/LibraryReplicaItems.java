package io.plugsync.common.delivery;

import io.plugsync.common.library.PayloadCipher;
import io.plugsync.common.replica.ReplicaCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds the items of {@link LibraryReplicaLayout}; used by the replica's only writer, the dispatcher. */
public final class LibraryReplicaItems {
    /** Most bytes of sealed body kept inside the head item (the rest of the 400 KB goes to the manifest). */
    static final int INLINE_BODY_BYTES = 200 * 1024;
    /** A manifest above this does not fit a head item beside its attributes. */
    public static final int MAX_MANIFEST_BYTES = 300 * 1024;

    private LibraryReplicaItems() {}

    /** The items of one plugin delivery: chunk items (maybe none) first, the head last. */
    public record PluginItems(List<Map<String, AttributeValue>> chunks, Map<String, AttributeValue> head) {}

    /**
     * Seals and lays out one delivery of a plugin.
     *
     * @throws IllegalArgumentException when the manifest alone does not fit a head item
     */
    public static PluginItems plugin(ResolvedPlugin plugin, long version, PayloadCipher cipher) {
        UUID id = plugin.pluginId();
        byte[] manifest = cipher.seal(
                        plugin.manifest().canonicalBytes(),
                        LibraryReplicaLayout.associatedData(id, version, LibraryReplicaLayout.MANIFEST))
                .ciphertext();
        if (manifest.length > MAX_MANIFEST_BYTES) {
            throw new IllegalArgumentException("plugin " + id + " has too many members for one replica item ("
                    + plugin.members().size() + " members, sealed manifest " + manifest.length + " bytes)");
        }
        ReplicaCodec.Encoded encoded = ReplicaCodec.encode(plugin.canonicalBytes());
        List<byte[]> sealed = new ArrayList<>(encoded.chunks().size());
        for (int i = 0; i < encoded.chunks().size(); i++) {
            sealed.add(cipher.seal(
                            encoded.chunks().get(i),
                            LibraryReplicaLayout.associatedData(id, version, LibraryReplicaLayout.chunkPart(i + 1)))
                    .ciphertext());
        }
        Map<String, AttributeValue> head = key(LibraryReplicaLayout.pluginPk(id), LibraryReplicaLayout.HEAD_SK);
        head.put(LibraryReplicaLayout.VERSION, n(version));
        head.put(LibraryReplicaLayout.CHECKSUM, s(plugin.checksum()));
        head.put(LibraryReplicaLayout.ORGANIZATION_ID, s(plugin.organizationId().toString()));
        head.put(LibraryReplicaLayout.STATUS, s(plugin.status()));
        head.put(LibraryReplicaLayout.KEY_ID, s(cipher.activeKeyId()));
        head.put(LibraryReplicaLayout.MANIFEST, b(manifest));
        head.put(LibraryReplicaLayout.PAYLOAD_SHA256, s(encoded.payloadSha256()));
        head.put(LibraryReplicaLayout.ENCODING, s(encoded.encoding()));
        head.put(LibraryReplicaLayout.CHUNKS, n(sealed.size()));
        head.put(LibraryReplicaLayout.WRITTEN_AT, s(Instant.now().toString()));
        List<Map<String, AttributeValue>> chunks = new ArrayList<>();
        if (sealed.size() == 1 && sealed.get(0).length <= INLINE_BODY_BYTES) {
            head.put(LibraryReplicaLayout.BODY, b(sealed.get(0)));
        } else {
            for (int i = 0; i < sealed.size(); i++) {
                Map<String, AttributeValue> chunk =
                        key(LibraryReplicaLayout.pluginPk(id), LibraryReplicaLayout.chunkSk(version, i + 1));
                chunk.put(LibraryReplicaLayout.VERSION, n(version));
                chunk.put(LibraryReplicaLayout.BODY, b(sealed.get(i)));
                chunks.add(chunk);
            }
        }
        return new PluginItems(List.copyOf(chunks), head);
    }

    /** An entitlement item: the plugins a principal may use (and, for a member, its teams). */
    public static Map<String, AttributeValue> entitlement(
            UUID organizationId, String sk, long version, Collection<UUID> pluginIds, Collection<UUID> teamIds) {
        Map<String, AttributeValue> item = key(LibraryReplicaLayout.orgPk(organizationId), sk);
        item.put(LibraryReplicaLayout.VERSION, n(version));
        item.put(LibraryReplicaLayout.PLUGIN_IDS, ids(pluginIds));
        if (teamIds != null) {
            item.put(LibraryReplicaLayout.TEAM_IDS, ids(teamIds));
        }
        item.put(LibraryReplicaLayout.WRITTEN_AT, s(Instant.now().toString()));
        return item;
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(LibraryReplicaLayout.PK, s(pk));
        key.put(LibraryReplicaLayout.SK, s(sk));
        return key;
    }

    private static AttributeValue ids(Collection<UUID> ids) {
        // a list, not a string set: DynamoDB refuses empty sets, and "no plugins" is a real state
        return AttributeValue.fromL(
                ids.stream().sorted().map(id -> s(id.toString())).toList());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue b(byte[] value) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }
}
