package io.plugsync.common.replica;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.json.CanonicalJson;
import java.util.Map;
import java.util.UUID;

/**
 * One published version of a connector's config as workers see it.
 *
 * @param document the V3 document
 * @param manifests event flow manifests by flow key ({@code source/type})
 * @param checksum sha256 of the canonical document (verified on read)
 */
public record ReplicatedConfig(
        UUID connectorId, int version, String checksum, JsonNode document, Map<String, FlowManifest> manifests) {

    public ReplicatedConfig {
        manifests = Map.copyOf(manifests);
    }

    /** The canonical JSON bytes of the document (what {@link #checksum} is computed over). */
    public byte[] documentBytes() {
        return CanonicalJson.bytes(document);
    }

    /** One event flow's manifest. */
    public record FlowManifest(String source, String eventType, JsonNode manifest, String checksum) {}
}
