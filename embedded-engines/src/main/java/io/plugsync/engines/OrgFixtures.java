package io.plugsync.engines;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Organisations and members for the local stack and tests. Organisations are provisioned by an
 * operator (there is no public sign-up API), so these write SQL directly; idempotent.
 */
public final class OrgFixtures {
    private OrgFixtures() {}

    public static UUID ensureOrganisation(Connection db, UUID id, String slug, String name) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO organization (id, slug, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setObject(1, id);
            insert.setString(2, slug);
            insert.setString(3, name);
            insert.executeUpdate();
        }
        return id;
    }

    /** A fresh organisation with a random slug. */
    public static UUID newOrganisation(Connection db, String slugPrefix) throws SQLException {
        UUID id = UUID.randomUUID();
        return ensureOrganisation(db, id, slugPrefix + "-" + id.toString().substring(0, 8), slugPrefix);
    }

    /** The membership id of {@code subject} in the organisation, created with {@code role} if missing. */
    public static UUID ensureMember(Connection db, UUID orgId, String subject, String role) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement(
                "INSERT INTO org_membership (organization_id, subject, display_name, role) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (organization_id, subject) DO UPDATE SET role = EXCLUDED.role RETURNING id")) {
            upsert.setObject(1, orgId);
            upsert.setString(2, subject);
            upsert.setString(3, subject);
            upsert.setString(4, role);
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /** The live team named {@code name}, created if missing (V12: names are unique among live teams). */
    public static UUID ensureTeam(Connection db, UUID orgId, String name) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement("INSERT INTO team (organization_id, name) VALUES (?, ?) "
                + "ON CONFLICT (organization_id, name) WHERE deleted_at IS NULL DO UPDATE SET name = EXCLUDED.name"
                + " RETURNING id")) {
            upsert.setObject(1, orgId);
            upsert.setString(2, name);
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    public static void addToTeam(Connection db, UUID teamId, UUID membershipId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO team_membership (team_id, org_membership_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setObject(1, teamId);
            insert.setObject(2, membershipId);
            insert.executeUpdate();
        }
    }
}
