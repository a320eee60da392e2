package io.plugsync.gauntlet;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small, schema-valid V3 connector documents that differ by their settings. */
final class Documents {
    private Documents() {}

    static ObjectNode document(int connector, long round, int writer) {
        ObjectNode doc = Http.JSON.createObjectNode();
        ObjectNode contact = doc.putObject("entities").putObject("contact");
        contact.put("description", "A contact").put("primary_key", "email");
        ObjectNode fields = contact.putObject("fields");
        fields.putObject("email").put("type", "string").put("required", true);
        fields.putObject("name").put("type", "string");
        ObjectNode flows = doc.putObject("event_flows");
        ObjectNode created = flows.putObject("crm/contact.created");
        created.put("entity", "contact").put("action", "upsert");
        created.putObject("mapping").put("email", "$.email").put("name", "$.name");
        flows.putObject("crm/contact.deleted").put("entity", "contact").put("action", "delete");
        doc.putObject("settings")
                .put("connector", connector)
                .put("round", round)
                .put("writer", writer)
                .put("sync_interval_seconds", 60);
        return doc;
    }
}
