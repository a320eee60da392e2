package io.plugsync.api.library.delivery;

import static io.restassured.RestAssured.given;

import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** A member of a fresh organisation (its {@code org_membership} row and token) reading its plugins. */
public record Reader(UUID org, UUID membershipId, String token) {

    public static Reader create() {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID org = OrgFixtures.newOrganisation(db, "delivery");
            String subject = "reader-" + org;
            UUID membership = OrgFixtures.ensureMember(db, org, subject, "viewer");
            return new Reader(org, membership, PlugSyncTestEngines.token(subject, Map.of(org.toString(), "viewer")));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new team of the organisation with this member in it. */
    public UUID team() {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID team = OrgFixtures.ensureTeam(db, org, "team-" + UUID.randomUUID());
            OrgFixtures.addToTeam(db, team, membershipId);
            return team;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public ValidatableResponse list() {
        return given().auth().oauth2(token).get("/v1/me/plugins").then();
    }

    public ValidatableResponse get(UUID plugin) {
        return given().auth().oauth2(token).get("/v1/me/plugins/" + plugin).then();
    }
}
