package io.plugsync.common.replica;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds the items of {@link ReplicaLayout} for one version; used by the replica's writer. */
public final class ReplicaItems {
    private ReplicaItems() {}

    /** The items of one version: chunk items (if any) first, the header last. */
    public record VersionItems(List<Map<String, AttributeValue>> chunks, Map<String, AttributeValue> header) {}

    public static VersionItems version(
            UUID connectorId, int version, String checksum, byte[] payload, Instant publishedAt) {
        ReplicaCodec.Encoded encoded = ReplicaCodec.encode(payload);
        String writtenAt = Instant.now().toString();
        Map<String, AttributeValue> header = base(connectorId, ReplicaLayout.versionSk(version));
        header.put(ReplicaLayout.VERSION, n(version));
        header.put(ReplicaLayout.CHECKSUM, s(checksum));
        header.put(ReplicaLayout.PAYLOAD_SHA256, s(encoded.payloadSha256()));
        header.put(ReplicaLayout.PAYLOAD_SIZE, n(encoded.payloadSize()));
        header.put(ReplicaLayout.ENCODING, s(encoded.encoding()));
        header.put(ReplicaLayout.CHUNKS, n(encoded.chunks().size()));
        header.put(ReplicaLayout.PUBLISHED_AT, s(publishedAt.toString()));
        header.put(ReplicaLayout.WRITTEN_AT, s(writtenAt));
        List<Map<String, AttributeValue>> chunks = new ArrayList<>();
        if (encoded.chunks().size() == 1) {
            header.put(ReplicaLayout.BODY, b(encoded.chunks().get(0)));
        } else {
            for (int i = 0; i < encoded.chunks().size(); i++) {
                Map<String, AttributeValue> chunk = base(connectorId, ReplicaLayout.chunkSk(version, i + 1));
                chunk.put(ReplicaLayout.VERSION, n(version));
                chunk.put(ReplicaLayout.CHUNK_INDEX, n(i + 1));
                chunk.put(ReplicaLayout.PAYLOAD_SHA256, s(encoded.payloadSha256()));
                chunk.put(ReplicaLayout.BODY, b(encoded.chunks().get(i)));
                chunks.add(chunk);
            }
        }
        return new VersionItems(List.copyOf(chunks), header);
    }

    /** The active pointer item of a plain publish (every worker runs {@code version}). */
    public static Map<String, AttributeValue> activePointer(UUID connectorId, int version, String checksum) {
        Map<String, AttributeValue> item = base(connectorId, ReplicaLayout.ACTIVE_SK);
        item.put(ReplicaLayout.VERSION, n(version));
        item.put(ReplicaLayout.CHECKSUM, s(checksum));
        item.put(ReplicaLayout.POINTER_REVISION, n(PointerRevision.plain(version)));
        item.put(ReplicaLayout.WRITTEN_AT, s(Instant.now().toString()));
        return item;
    }

    /** Reads a pointer item ({@code sk = active}). */
    public static ReplicaPointer pointer(UUID connectorId, Map<String, AttributeValue> item) {
        AttributeValue revision = item.get(ReplicaLayout.POINTER_REVISION);
        Optional<ReplicaPointer.Rollout> rollout = Optional.empty();
        if (item.containsKey(ReplicaLayout.CANDIDATE_VERSION)) {
            AttributeValue groups = item.get(ReplicaLayout.ROLLOUT_GROUPS);
            rollout = Optional.of(new ReplicaPointer.Rollout(
                    UUID.fromString(item.get(ReplicaLayout.ROLLOUT_ID).s()),
                    item.get(ReplicaLayout.ROLLOUT_STATE).s(),
                    Integer.parseInt(item.get(ReplicaLayout.CANDIDATE_VERSION).n()),
                    item.get(ReplicaLayout.CANDIDATE_CHECKSUM).s(),
                    Integer.parseInt(
                            item.get(ReplicaLayout.ROLLOUT_BASIS_POINTS).n()),
                    groups == null || !groups.hasL()
                            ? List.of()
                            : groups.l().stream().map(AttributeValue::s).toList(),
                    Integer.parseInt(item.get(ReplicaLayout.ROLLOUT_STEP).n())));
        }
        return new ReplicaPointer(
                connectorId,
                Integer.parseInt(item.get(ReplicaLayout.VERSION).n()),
                item.get(ReplicaLayout.CHECKSUM).s(),
                revision == null ? 0L : Long.parseLong(revision.n()),
                rollout);
    }

    /** Key of one item. */
    public static Map<String, AttributeValue> key(UUID connectorId, String sk) {
        return base(connectorId, sk);
    }

    private static Map<String, AttributeValue> base(UUID connectorId, String sk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ReplicaLayout.PK, s(ReplicaLayout.pk(connectorId)));
        item.put(ReplicaLayout.SK, s(sk));
        return item;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue b(byte[] value) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }
}
