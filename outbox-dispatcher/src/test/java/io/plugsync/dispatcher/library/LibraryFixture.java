package io.plugsync.dispatcher.library;

import io.plugsync.common.library.ConfigObjectWriter;
import io.plugsync.common.library.ConfigObjects;
import io.plugsync.common.library.ConfigSource;
import io.plugsync.common.library.NewConfigObject;
import io.plugsync.common.library.ObjectType;
import io.plugsync.common.library.PluginMemberships;
import io.plugsync.common.library.SourceMode;
import io.plugsync.common.library.VersionAuthor;
import io.plugsync.common.outbox.ChangeKind;
import io.plugsync.common.outbox.PluginChanged;
import io.plugsync.common.outbox.PluginGrantChanged;
import io.plugsync.common.outbox.TeamMembershipChanged;
import io.plugsync.dispatcher.support.PublishFixture;
import io.plugsync.engines.OrgFixtures;
import io.vertx.mutiny.sqlclient.Pool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Library writes as the services make them: config objects through common's writer (sealed, with
 * their outbox event), memberships through {@link PluginMemberships}; plugins, grants and teams as
 * rows plus the event config-api appends with them.
 */
final class LibraryFixture {
    private final Connection db;
    private final Pool pool;
    private final ConfigObjectWriter writer;
    private final PublishFixture events;

    LibraryFixture(Connection db, Pool pool, ConfigObjectWriter writer) {
        this.db = db;
        this.pool = pool;
        this.writer = writer;
        this.events = new PublishFixture(db);
    }

    static String skill(String name, String body) {
        return "---\nname: " + name + "\ndescription: " + name + " for tests\n---\n# " + name + "\n" + body + "\n";
    }

    UUID organisation() throws SQLException {
        return OrgFixtures.newOrganisation(db, "lib");
    }

    UUID member(UUID org, String subject) throws SQLException {
        return OrgFixtures.ensureMember(db, org, subject, "editor");
    }

    UUID skillObject(UUID org, UUID author, String name, String body) {
        return pool.withTransaction(tx -> writer.create(
                        tx,
                        new NewConfigObject(
                                org,
                                ObjectType.SKILL,
                                SourceMode.CLOUD,
                                null,
                                ConfigSource.of(skill(name, body)),
                                VersionAuthor.cloud(author))))
                .await()
                .indefinitely()
                .configObjectId();
    }

    void editSkill(UUID org, UUID object, UUID author, String name, String body) {
        pool.withTransaction(tx -> writer.newVersion(
                        tx, org, object, ConfigSource.of(skill(name, body)), VersionAuthor.cloud(author)))
                .await()
                .indefinitely();
    }

    void setStatus(UUID object, String status) {
        pool.withTransaction(tx -> ConfigObjects.setStatus(tx, object, status))
                .await()
                .indefinitely();
    }

    UUID plugin(UUID org, UUID creator, String name) throws SQLException {
        UUID id;
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO plugin (organization_id, name,"
                + " created_by_org_membership_id) VALUES (?, ?, ?) RETURNING id")) {
            insert.setObject(1, org);
            insert.setString(2, name);
            insert.setObject(3, creator);
            id = single(insert);
        }
        events.event(new PluginChanged(org, id, "active"));
        return id;
    }

    void setPluginStatus(UUID org, UUID plugin, String status) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE plugin SET status = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setObject(2, plugin);
            update.executeUpdate();
        }
        events.event(new PluginChanged(org, plugin, status));
    }

    void addMember(UUID org, UUID plugin, UUID object) {
        pool.withTransaction(tx ->
                        PluginMemberships.add(tx, org, plugin, object, PluginMemberships.Sources.MANUAL, null, null))
                .await()
                .indefinitely();
    }

    void removeMember(UUID org, UUID plugin, UUID object) {
        pool.withTransaction(tx -> PluginMemberships.remove(tx, org, plugin, object))
                .await()
                .indefinitely();
    }

    /** A plugin grant to exactly one of a member, a team or the organisation; its id. */
    UUID grant(UUID org, UUID plugin, UUID member, UUID team, boolean orgWide) throws SQLException {
        UUID id;
        // re-granting reactivates the principal's grant row, as config-api's grant upsert does
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO plugin_access_grant (plugin_id,"
                + " org_membership_id, team_id, org_wide, role) VALUES (?, ?, ?, ?, 'viewer')"
                + " ON CONFLICT (plugin_id, coalesce(org_membership_id::text, team_id::text, 'org'))"
                + " DO UPDATE SET removed_at = NULL RETURNING id")) {
            insert.setObject(1, plugin);
            insert.setObject(2, member);
            insert.setObject(3, team);
            insert.setBoolean(4, orgWide);
            id = single(insert);
        }
        events.event(new PluginGrantChanged(org, plugin, id, member, team, orgWide, ChangeKind.ADDED));
        return id;
    }

    void revoke(UUID org, UUID plugin, UUID grant) throws SQLException {
        UUID member;
        UUID team;
        boolean orgWide;
        try (PreparedStatement update = db.prepareStatement("UPDATE plugin_access_grant SET removed_at = now()"
                + " WHERE id = ? RETURNING org_membership_id, team_id, org_wide")) {
            update.setObject(1, grant);
            try (ResultSet rs = update.executeQuery()) {
                rs.next();
                member = rs.getObject(1, UUID.class);
                team = rs.getObject(2, UUID.class);
                orgWide = rs.getBoolean(3);
            }
        }
        events.event(new PluginGrantChanged(org, plugin, grant, member, team, orgWide, ChangeKind.REMOVED));
    }

    UUID team(UUID org, String name) throws SQLException {
        return OrgFixtures.ensureTeam(db, org, name);
    }

    void joinTeam(UUID org, UUID team, UUID member) throws SQLException {
        OrgFixtures.addToTeam(db, team, member);
        events.event(new TeamMembershipChanged(org, team, member, ChangeKind.ADDED));
    }

    void leaveTeam(UUID org, UUID team, UUID member) throws SQLException {
        try (PreparedStatement delete =
                db.prepareStatement("DELETE FROM team_membership WHERE team_id = ? AND org_membership_id = ?")) {
            delete.setObject(1, team);
            delete.setObject(2, member);
            delete.executeUpdate();
        }
        events.event(new TeamMembershipChanged(org, team, member, ChangeKind.REMOVED));
    }

    long deliveredVersion(String itemKey) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT version FROM library_delivery WHERE item_key = ?")) {
            q.setString(1, itemKey);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Forgets what was recorded for a target, as a crash between the replica write and the commit would. */
    void forgetDelivery(String itemKey) throws SQLException {
        try (PreparedStatement update =
                db.prepareStatement("UPDATE library_delivery SET version = 0, checksum = NULL WHERE item_key = ?")) {
            update.setString(1, itemKey);
            update.executeUpdate();
        }
    }

    long pendingEvents() throws SQLException {
        return events.pending();
    }

    private static UUID single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }
}
