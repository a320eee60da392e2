package io.plugsync.api.library.plugin;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import java.sql.Connection;
import java.util.UUID;

final class Fixtures {
    private Fixtures() {}

    /** A new team of the organisation holding the member with {@code subject}; its id. */
    static String teamWith(TestOrg org, String subject) throws Exception {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            UUID team = OrgFixtures.ensureTeam(db, org.id(), "team-" + UUID.randomUUID());
            UUID member = OrgFixtures.ensureMember(db, org.id(), subject, subject.substring(0, subject.indexOf('-')));
            OrgFixtures.addToTeam(db, team, member);
            return team.toString();
        }
    }
}
