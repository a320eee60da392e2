package io.plugsync.common.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplicaCodecTest {

    @Test
    void smallPayloadIsOneUncompressedChunk() {
        byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        ReplicaCodec.Encoded encoded = ReplicaCodec.encode(payload);
        assertThat(encoded.encoding()).isEqualTo(ReplicaLayout.ENCODING_IDENTITY);
        assertThat(encoded.chunks()).hasSize(1);
        assertThat(ReplicaCodec.decode(encoded.encoding(), encoded.payloadSha256(), encoded.chunks()))
                .isEqualTo(payload);
    }

    @Test
    void incompressibleMegabyteIsChunkedAndRoundTripsByteIdentical() {
        byte[] payload = randomAsciiJson(1_048_576, 42L);
        ReplicaCodec.Encoded encoded = ReplicaCodec.encode(payload);
        assertThat(encoded.encoding()).isEqualTo(ReplicaLayout.ENCODING_GZIP);
        assertThat(encoded.chunks()).hasSizeGreaterThan(1);
        assertThat(encoded.chunks())
                .allSatisfy(c -> assertThat(c.length).isLessThanOrEqualTo(ReplicaCodec.CHUNK_BYTES));
        assertThat(ReplicaCodec.decode(encoded.encoding(), encoded.payloadSha256(), encoded.chunks()))
                .isEqualTo(payload);
    }

    @Test
    void missingOrReorderedChunkFailsVerification() {
        ReplicaCodec.Encoded encoded = ReplicaCodec.encode(randomAsciiJson(200_000, 7L), 40_000);
        List<byte[]> reordered = new ArrayList<>(encoded.chunks());
        java.util.Collections.swap(reordered, 0, 1);
        assertThatThrownBy(() -> ReplicaCodec.decode(encoded.encoding(), encoded.payloadSha256(), reordered))
                .isInstanceOf(ReplicaIntegrityException.class);
        List<byte[]> truncated = encoded.chunks().subList(0, encoded.chunks().size() - 1);
        assertThatThrownBy(() -> ReplicaCodec.decode(encoded.encoding(), encoded.payloadSha256(), truncated))
                .isInstanceOf(ReplicaIntegrityException.class);
    }

    @Test
    void tamperedDocumentFailsChecksum() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("settings", "x");
        byte[] payload = ReplicaPayload.encode(doc, Map.of());
        String wrong =
                CanonicalJson.sha256(JsonNodeFactory.instance.objectNode().put("settings", "y"));
        assertThatThrownBy(() -> ReplicaPayload.decode(UUID.randomUUID(), 1, wrong, payload))
                .isInstanceOf(ReplicaIntegrityException.class)
                .hasMessageContaining("document checksum mismatch");
    }

    @Test
    void payloadKeepsDocumentAndManifests() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.putObject("settings").put("b", 2).put("a", 1);
        JsonNode manifest = JsonNodeFactory.instance.objectNode().put("steps", 3);
        var flows = Map.of(
                "hubspot/contact.created",
                new ReplicatedConfig.FlowManifest(
                        "hubspot", "contact.created", manifest, CanonicalJson.sha256(manifest)));
        ReplicatedConfig read = ReplicaPayload.decode(
                UUID.randomUUID(), 3, CanonicalJson.sha256(doc), ReplicaPayload.encode(doc, flows));
        assertThat(read.documentBytes()).isEqualTo(CanonicalJson.bytes(doc));
        assertThat(read.manifests()).isEqualTo(flows);
    }

    /** A JSON string of random printable characters: gzip cannot shrink it below the chunk size. */
    static byte[] randomAsciiJson(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(size);
        sb.append("{\"blob\":\"");
        while (sb.length() < size - 2) {
            sb.append((char) ('a' + random.nextInt(26) + (random.nextBoolean() ? 'A' - 'a' : 0)));
        }
        sb.append("\"}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
