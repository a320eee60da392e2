package io.plugsync.api.library.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.bench.QueryPlans;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A member's object list ({@link ConfigObjectRepository#LIST_VISIBLE}, started from what the member
 * can see, with the objects of their plugins fetched by id or, when they are many, found by a walk)
 * returns exactly the objects {@code library_object_rank > 0} lets them see, in the same
 * order, page after page, for every filter: checked against that function on random organisations
 * (creators, live and removed grants to members, teams and the whole organisation, plugins of every
 * status with their own grants and live or removed memberships, ties on created_at).
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class VisibleObjectListTest {
    /** The list before issue 22: every object of the organisation checked with the rank function. */
    static final String ORACLE = "SELECT o.id FROM config_object o WHERE library_object_rank(o.id, $2::uuid) > 0"
            + ConfigObjectRepository.FILTERS + " ORDER BY o.created_at DESC, o.id DESC LIMIT $12";

    private static final String[] TYPES = {"skill", "mcp", "command", "agent", "hook", "context", "custom"};
    private static final String[] STATUSES = {"active", "active", "active", "archived", "deleted", "ingestion_error"};
    private static final String[] PLUGIN_STATUSES = {"active", "active", "inactive", "archived", "deleted"};
    private static final String[] ROLES = {"viewer", "editor", "manager"};
    private static final int PAGE = 9;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void aMembersPagesAreExactlyWhatTheRankFunctionLetsThemSee(long seed) throws Exception {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            Org org = randomOrg(db, new Random(seed));
            for (UUID member : org.members()) {
                for (Object[] filter : filters(org)) {
                    List<UUID> expected =
                            QueryPlans.ids(db, ORACLE, params(org.id(), member, filter, null, null, 10_000));
                    // both ways to the objects of the member's plugins: fetched by id, and the walk
                    for (int dense : new int[] {ConfigObjectRepository.DENSE_PLUGIN_OBJECTS, 1}) {
                        assertThat(walk(db, ConfigObjectRepository.listVisible(dense), org.id(), member, filter))
                                .as(
                                        "seed %d, member %s, filter %s, dense from %d",
                                        seed, member, Arrays.toString(filter), dense)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }

    /** Every page of the member's list, following the cursor as the API does. */
    private static List<UUID> walk(Connection db, String sql, UUID org, UUID member, Object[] filter)
            throws SQLException {
        List<UUID> out = new ArrayList<>();
        OffsetDateTime afterAt = null;
        UUID afterId = null;
        while (true) {
            List<UUID> page = QueryPlans.ids(db, sql, params(org, member, filter, afterAt, afterId, PAGE + 1));
            List<UUID> items = page.subList(0, Math.min(PAGE, page.size()));
            out.addAll(items);
            if (page.size() <= PAGE) {
                return out;
            }
            afterId = items.get(PAGE - 1);
            afterAt = createdAt(db, afterId);
        }
    }

    /** Filters: type, status, source mode, instance, words, include archived, plugin. */
    private static List<Object[]> filters(Org org) {
        return List.of(
                new Object[] {null, null, null, null, null, false, null},
                new Object[] {"skill", null, null, null, null, false, null},
                new Object[] {null, "archived", null, null, null, false, null},
                new Object[] {null, null, null, null, null, true, null},
                new Object[] {null, null, "connector", null, null, false, null},
                new Object[] {null, null, null, null, "word3", false, null},
                new Object[] {null, null, null, null, null, false, org.plugins().get(0)},
                new Object[] {
                    "hook", null, null, null, "common", true, org.plugins().get(1)
                });
    }

    private static Object[] params(UUID org, UUID member, Object[] f, OffsetDateTime afterAt, UUID afterId, int limit) {
        return new Object[] {org, member, f[0], f[1], f[2], f[3], f[4], f[5], f[6], afterAt, afterId, limit};
    }

    private record Org(UUID id, List<UUID> members, List<UUID> plugins) {}

    private static Org randomOrg(Connection db, Random random) throws SQLException {
        UUID org = OrgFixtures.newOrganisation(db, "visible");
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(OrgFixtures.ensureMember(db, org, "m" + i + "-" + org, i == 0 ? "viewer" : "editor"));
        }
        List<UUID> teams = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            UUID team = OrgFixtures.ensureTeam(db, org, "team-" + t);
            teams.add(team);
            for (UUID member : members) {
                if (random.nextInt(3) == 0) {
                    OrgFixtures.addToTeam(db, team, member);
                }
            }
        }
        OffsetDateTime base = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        List<UUID> objects = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            objects.add(insert(
                    db,
                    "INSERT INTO config_object (organization_id, object_type, source_mode, title, search_text, status,"
                            + " created_by_org_membership_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    org,
                    pick(random, TYPES),
                    random.nextBoolean() ? "cloud" : "connector",
                    "object " + i,
                    "word" + random.nextInt(6) + " common",
                    pick(random, STATUSES),
                    random.nextInt(4) == 0 ? null : members.get(random.nextInt(members.size())),
                    // few distinct instants: many ties, broken by id
                    base.plusMinutes(random.nextInt(40))));
        }
        for (int g = 0; g < 40; g++) {
            grant(db, "config_object_access_grant", "config_object_id", pick(random, objects), members, teams, random);
        }
        List<UUID> plugins = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            UUID plugin = insert(
                    db,
                    "INSERT INTO plugin (organization_id, name, status, created_by_org_membership_id)"
                            + " VALUES (?, ?, ?, ?) RETURNING id",
                    org,
                    "plugin " + p,
                    pick(random, PLUGIN_STATUSES),
                    random.nextInt(3) == 0 ? null : members.get(random.nextInt(members.size())));
            plugins.add(plugin);
            for (int g = 0; g < 2; g++) {
                grant(db, "plugin_access_grant", "plugin_id", plugin, members, teams, random);
            }
            for (int m = 0; m < 25; m++) {
                execute(
                        db,
                        "INSERT INTO plugin_config_object (plugin_id, config_object_id, membership_source, removed_at)"
                                + " VALUES (?, ?, 'manual', ?) ON CONFLICT DO NOTHING",
                        plugin,
                        pick(random, objects),
                        random.nextInt(4) == 0 ? base : null);
            }
        }
        execute(db, "ANALYZE config_object");
        return new Org(org, members, plugins);
    }

    /** A grant of {@code table} on {@code resource}: to a member, a team or the organisation, sometimes removed. */
    private static void grant(
            Connection db, String table, String column, UUID resource, List<UUID> members, List<UUID> teams, Random r)
            throws SQLException {
        int kind = r.nextInt(3);
        execute(
                db,
                "INSERT INTO " + table + " (" + column + ", org_membership_id, team_id, org_wide, role, removed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                resource,
                kind == 0 ? members.get(r.nextInt(members.size())) : null,
                kind == 1 ? teams.get(r.nextInt(teams.size())) : null,
                kind == 2,
                pick(r, ROLES),
                r.nextInt(4) == 0 ? OffsetDateTime.now(ZoneOffset.UTC) : null);
    }

    private static OffsetDateTime createdAt(Connection db, UUID id) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT created_at FROM config_object WHERE id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class);
            }
        }
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static UUID insert(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepared(db, sql, params);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private static void execute(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepared(db, sql, params)) {
            st.execute();
        }
    }

    private static PreparedStatement prepared(Connection db, String sql, Object... params) throws SQLException {
        PreparedStatement st = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }
}
