package io.plugsync.api.dashboard;

import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh organisation shaped like the local stack's demo organisation: members with neutral demo
 * identities (what the screenshots show), one per role, plus a setup-script identity.
 */
record DemoOrg(UUID id, Map<String, String> tokens) {
    static final String OWNER = "demo-owner@plugsync.local";
    static final String EDITOR = "demo-editor@plugsync.local";
    static final String VIEWER = "demo-viewer@plugsync.local";
    static final String SCRIPT = "setup-script@plugsync.local";

    static DemoOrg create() {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID org = OrgFixtures.newOrganisation(db, "demo");
            Map<String, String> roles = Map.of(OWNER, "owner", EDITOR, "editor", VIEWER, "viewer", SCRIPT, "editor");
            for (var member : roles.entrySet()) {
                OrgFixtures.ensureMember(db, org, member.getKey(), member.getValue());
            }
            String id = org.toString();
            return new DemoOrg(
                    org,
                    Map.of(
                            "OWNER_TOKEN", PlugSyncTestEngines.token(OWNER, Map.of(id, "owner")),
                            "EDITOR_TOKEN", PlugSyncTestEngines.token(EDITOR, Map.of(id, "editor")),
                            "VIEWER_TOKEN", PlugSyncTestEngines.token(VIEWER, Map.of(id, "viewer")),
                            "SCRIPT_TOKEN", PlugSyncTestEngines.token(SCRIPT, Map.of(id, "editor")),
                            "EXPIRED_TOKEN", PlugSyncTestEngines.expiredToken(OWNER, Map.of(id, "owner"))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
