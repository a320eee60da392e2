package io.plugsync.common.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.json.CanonicalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a worker needs to handle one event flow of a published version: the flow (with defaults
 * filled in) and the definition of the entity it writes, so one read serves one event type.
 *
 * @param flowKey {@code <source>/<type>}
 * @param manifest {@code {flow_key, source, event_type, flow, entity_name, entity}}
 * @param checksum SHA-256 of the canonical manifest
 */
public record FlowManifest(String flowKey, String source, String eventType, JsonNode manifest, String checksum) {

    /** One manifest per event flow of a (valid) document, in key order. */
    public static List<FlowManifest> of(JsonNode document) {
        List<FlowManifest> out = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> flows = new ArrayList<>();
        document.path(V3Document.EVENT_FLOWS).fields().forEachRemaining(flows::add);
        flows.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, JsonNode> entry : flows) {
            String key = entry.getKey();
            int slash = key.indexOf('/');
            String source = key.substring(0, slash);
            String type = key.substring(slash + 1);
            ObjectNode flow = entry.getValue().deepCopy();
            if (!flow.has("action")) {
                flow.put("action", "upsert");
            }
            if (!flow.has("enabled")) {
                flow.put("enabled", true);
            }
            if (!flow.has("mapping")) {
                flow.putObject("mapping");
            }
            String entityName = flow.path("entity").asText();
            ObjectNode manifest = JsonNodeFactory.instance.objectNode();
            manifest.put("flow_key", key);
            manifest.put("source", source);
            manifest.put("event_type", type);
            manifest.set("flow", flow);
            manifest.put("entity_name", entityName);
            manifest.set(
                    "entity",
                    document.path(V3Document.ENTITIES).path(entityName).deepCopy());
            out.add(new FlowManifest(key, source, type, manifest, CanonicalJson.sha256(manifest)));
        }
        return out;
    }
}
