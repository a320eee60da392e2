package io.plugsync.common.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.json.CanonicalJson;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The body of a replicated version: canonical JSON of the document and its manifests. */
public final class ReplicaPayload {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReplicaPayload() {}

    public static byte[] encode(JsonNode document, Map<String, ReplicatedConfig.FlowManifest> manifests) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("document", document);
        ObjectNode flows = root.putObject("manifests");
        manifests.forEach((key, m) -> {
            ObjectNode flow = flows.putObject(key);
            flow.put("source", m.source());
            flow.put("event_type", m.eventType());
            flow.set("manifest", m.manifest());
            flow.put("checksum", m.checksum());
        });
        return CanonicalJson.bytes(root);
    }

    /**
     * Parses a payload and verifies that the document matches {@code checksum}.
     *
     * @throws ReplicaIntegrityException on a checksum mismatch or unreadable payload
     */
    public static ReplicatedConfig decode(UUID connectorId, int version, String checksum, byte[] payload) {
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new ReplicaIntegrityException("unreadable payload of " + connectorId + " v" + version);
        }
        JsonNode document = root.path("document");
        String actual = CanonicalJson.sha256(document);
        if (!actual.equals(checksum)) {
            throw new ReplicaIntegrityException("document checksum mismatch for " + connectorId + " v" + version
                    + ": expected " + checksum + ", got " + actual);
        }
        Map<String, ReplicatedConfig.FlowManifest> manifests = new LinkedHashMap<>();
        root.path("manifests").fields().forEachRemaining(e -> {
            JsonNode flow = e.getValue();
            manifests.put(
                    e.getKey(),
                    new ReplicatedConfig.FlowManifest(
                            flow.path("source").asText(),
                            flow.path("event_type").asText(),
                            flow.path("manifest"),
                            flow.path("checksum").asText()));
        });
        return new ReplicatedConfig(connectorId, version, checksum, document, manifests);
    }
}
