package io.plugsync.api.support;

import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** A fresh organisation with members of each role, and their tokens. */
public record TestOrg(UUID id, String ownerToken, String editorToken, String viewerToken) {

    public static TestOrg create() {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID org = OrgFixtures.newOrganisation(db, "test");
            String owner = "owner-" + org;
            String editor = "editor-" + org;
            String viewer = "viewer-" + org;
            OrgFixtures.ensureMember(db, org, owner, "owner");
            OrgFixtures.ensureMember(db, org, editor, "editor");
            OrgFixtures.ensureMember(db, org, viewer, "viewer");
            return new TestOrg(
                    org,
                    PlugSyncTestEngines.token(owner, Map.of(org.toString(), "owner")),
                    PlugSyncTestEngines.token(editor, Map.of(org.toString(), "editor")),
                    PlugSyncTestEngines.token(viewer, Map.of(org.toString(), "viewer")));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
