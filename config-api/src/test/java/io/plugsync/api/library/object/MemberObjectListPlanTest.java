package io.plugsync.api.library.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.bench.QueryPlans;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With 100,000 objects in one organisation, a member's list ({@link
 * ConfigObjectRepository#LIST_VISIBLE}) reads what the member can see, not the organisation: the
 * plans run ({@code EXPLAIN ANALYZE}, whose row counts are deterministic) never scan {@code
 * config_object} sequentially, never filter rows with {@code library_object_rank}, and read a
 * number of object rows bounded by the page and what the member sees: none for a member who sees
 * nothing (the list before read all 100,000), at most a few pages for the creator of 5,000 objects,
 * for a member who sees 220 objects through a team's plugin and direct grants, and for a member of
 * another organisation who sees all its objects through an org-wide plugin. The statistics include
 * that plugin's 20,000 memberships, which once made the planner walk the whole organisation for a
 * member whose plugins hold nothing.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberObjectListPlanTest {
    private static final int FETCH = 51;

    private boolean seeded;
    private UUID org;
    /** Created one object in 20 (5,000). */
    private UUID creator;
    /** Created nothing, granted nothing. */
    private UUID nobody;
    /** Sees 200 objects through a team's plugin and 20 through direct grants. */
    private UUID reader;

    /** Another organisation: 20,000 objects, all in a plugin granted to the whole organisation. */
    private UUID sharedOrg;
    /** A member of it who created nothing: sees all 20,000 through the plugin. */
    private UUID everyone;

    private OffsetDateTime deepCursorAt;
    private UUID deepCursorId;

    @BeforeEach
    void hundredThousandObjects() throws Exception {
        if (seeded) {
            return;
        }
        seeded = true;
        org = TestOrg.create().id();
        try (Connection db = PlugSyncTestEngines.jdbc();
                Statement st = db.createStatement()) {
            creator = QueryPlans.membership(db, org, "editor-" + org);
            nobody = QueryPlans.membership(db, org, "viewer-" + org);
            reader = OrgFixtures.ensureMember(db, org, "reader-" + org, "viewer");
            QueryPlans.seedObjects(db, org, creator, QueryPlans.membership(db, org, "owner-" + org), 100_000);
            UUID team = OrgFixtures.ensureTeam(db, org, "readers");
            OrgFixtures.addToTeam(db, team, reader);
            UUID plugin;
            try (ResultSet rs = st.executeQuery(
                    "INSERT INTO plugin (organization_id, name) VALUES ('" + org + "', 'team plugin') RETURNING id")) {
                rs.next();
                plugin = rs.getObject(1, UUID.class);
            }
            st.execute("INSERT INTO plugin_access_grant (plugin_id, team_id, role) VALUES ('" + plugin + "', '" + team
                    + "', 'viewer')");
            st.execute("INSERT INTO plugin_config_object (plugin_id, config_object_id, membership_source)"
                    + " SELECT '" + plugin + "', id, 'manual' FROM config_object WHERE organization_id = '" + org
                    + "' AND substring(slug from 8)::int % 500 = 3");
            st.execute("INSERT INTO config_object_access_grant (config_object_id, org_membership_id, role)"
                    + " SELECT id, '" + reader + "', 'viewer' FROM config_object WHERE organization_id = '" + org
                    + "' AND substring(slug from 8)::int % 5000 = 7");
            TestOrg other = TestOrg.create();
            sharedOrg = other.id();
            everyone = QueryPlans.membership(db, sharedOrg, "viewer-" + sharedOrg);
            UUID sharedOwner = QueryPlans.membership(db, sharedOrg, "owner-" + sharedOrg);
            QueryPlans.seedObjects(db, sharedOrg, sharedOwner, sharedOwner, 20_000);
            UUID orgWide;
            try (ResultSet rs = st.executeQuery("INSERT INTO plugin (organization_id, name) VALUES ('" + sharedOrg
                    + "', 'everything') RETURNING id")) {
                rs.next();
                orgWide = rs.getObject(1, UUID.class);
            }
            st.execute("INSERT INTO plugin_access_grant (plugin_id, org_wide, role) VALUES ('" + orgWide
                    + "', true, 'viewer')");
            st.execute("INSERT INTO plugin_config_object (plugin_id, config_object_id, membership_source)"
                    + " SELECT '" + orgWide + "', id, 'manual' FROM config_object WHERE organization_id = '"
                    + sharedOrg + "'");
            st.execute("ANALYZE");
            try (ResultSet rs = st.executeQuery("SELECT created_at, id FROM config_object WHERE organization_id = '"
                    + org + "' AND title = 'object 80000'")) {
                rs.next();
                deepCursorAt = rs.getObject(1, OffsetDateTime.class);
                deepCursorId = rs.getObject(2, UUID.class);
            }
        }
    }

    @Test
    void aMemberWhoSeesNothingReadsNoObjectRow() throws Exception {
        String plan = analyze(nobody, null, null, null, null);
        assertMemberPlan(plan);
        assertThat(objectRowsRead(plan)).isZero();
        // no plugin to read: the function returns nothing and no membership scan runs (counted from
        // the plan: the transaction's statistics also count the planner's probes of index ends,
        // a few rows in a database other tests filled)
        assertThat(plan).contains("Function Scan on library_plugin_object_ids");
        assertThat(rowsRead(plan, "library_plugin_object_ids")).isZero();
        assertThat(rowsRead(plan, "plugin_config_object")).isZero();
    }

    @Test
    void theCreatorsFirstPageReadsAboutAPageInTheCreatorIndex() throws Exception {
        String plan = analyze(creator, null, null, null, null);
        assertMemberPlan(plan);
        assertThat(plan).contains("using config_object_by_creator on config_object");
        assertThat(objectRowsRead(plan)).isLessThanOrEqualTo(3 * FETCH);
    }

    @Test
    void theCreatorsDeepCursorPageStartsInsideTheCreatorIndex() throws Exception {
        String plan = analyze(creator, null, null, deepCursorAt, deepCursorId);
        assertMemberPlan(plan);
        assertThat(plan)
                .containsPattern("Index Cond: \\(\\(organization_id = .*created_by_org_membership_id = .*"
                        + "ROW\\(created_at, id\\) <");
        assertThat(objectRowsRead(plan)).isLessThanOrEqualTo(3 * FETCH);
    }

    @Test
    void aTypeFilterReadsAFewPagesAtMost() throws Exception {
        String plan = analyze(creator, "hook", null, null, null);
        assertMemberPlan(plan);
        // one object in seven is a hook: the creator index is read until 51 of them are found
        assertThat(objectRowsRead(plan)).isLessThanOrEqualTo(10 * FETCH);
    }

    @Test
    void aMemberWhoSeesThroughATeamsPluginAndGrantsReadsWhatTheySee() throws Exception {
        String plan = analyze(reader, null, null, null, null);
        assertMemberPlan(plan);
        assertThat(objectRowsRead(plan)).isLessThanOrEqualTo(220 + 3 * FETCH);
        // the plugin's 200 memberships, counted once and fetched once: not every membership of the database
        assertThat(membershipRowsRead(org, reader)).isBetween(200L, 2L * 200);
        try (Connection db = db()) {
            assertThat(QueryPlans.ids(db, ConfigObjectRepository.LIST_VISIBLE, params(reader, null, null, null, null)))
                    .hasSize(FETCH);
        }
    }

    @Test
    void aMemberWhoSeesEveryObjectThroughAnOrgWidePluginWalksNewestFirstAndStopsAtAPage() throws Exception {
        String plan = analyze(sharedOrg, everyone, null, null, null, null);
        assertMemberPlan(plan);
        assertThat(plan).contains("using config_object_by_org_created on config_object");
        // the membership count stops at the threshold (a sequential read of the plugin's rows may
        // pass other plugins' rows on the way, never all 20,000 of its own); the walk reads about a
        // page of objects
        assertThat(objectRowsRead(plan)).isLessThanOrEqualTo(3 * FETCH);
        assertThat(plan).contains("Function Scan on library_plugin_object_ids");
        assertThat(rowsRead(plan, "library_plugin_object_ids")).isEqualTo(ConfigObjectRepository.DENSE_PLUGIN_OBJECTS);
        assertThat(membershipRowsRead(sharedOrg, everyone))
                .isBetween(
                        (long) ConfigObjectRepository.DENSE_PLUGIN_OBJECTS,
                        2L * ConfigObjectRepository.DENSE_PLUGIN_OBJECTS + 3 * FETCH);
        try (Connection db = db()) {
            assertThat(QueryPlans.ids(
                            db,
                            ConfigObjectRepository.LIST_VISIBLE,
                            params(sharedOrg, everyone, null, null, null, null)))
                    .hasSize(FETCH);
        }
    }

    @Test
    void aSearchReadsItsHitsThroughTheTsvectorIndex() throws Exception {
        String plan = analyze(creator, null, "word20", null, null);
        assertMemberPlan(plan);
        assertThat(plan).contains("Bitmap Index Scan on config_object_search");
        assertThat(objectRowsRead(plan)).isLessThanOrEqualTo(3 * 100 + 3 * FETCH);
    }

    private static void assertMemberPlan(String plan) {
        assertThat(plan)
                .doesNotContainPattern("Seq Scan on config_object o")
                .doesNotContainPattern("Filter: .*library_object_rank");
    }

    /**
     * Object rows the plan read: what the scans of {@code config_object} returned plus what their
     * filters removed (index-only probes of a handful of ids, e.g. the final page, count too).
     */
    static long objectRowsRead(String plan) {
        return rowsRead(plan, "config_object");
    }

    /** Rows of {@code table} the plan read, counted as for {@link #objectRowsRead}. */
    static long rowsRead(String plan, String table) {
        long rows = 0;
        String[] lines = plan.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].matches(".*Scan.* on " + table + "( |$).*")) {
                continue;
            }
            rows += actualRows(lines[i]);
            for (int j = i + 1; j < lines.length && !lines[j].contains("->"); j++) {
                Matcher removed = Pattern.compile("Rows Removed by (Filter|Index Recheck): (\\d+)")
                        .matcher(lines[j]);
                if (removed.find()) {
                    rows += Long.parseLong(removed.group(2));
                }
            }
        }
        return rows;
    }

    /**
     * Rows of {@code plugin_config_object} the member's list read, heap and index fetches, from the
     * transaction's own statistics: the plugins' objects are read inside a function (V19), whose
     * scans EXPLAIN does not show.
     */
    private long membershipRowsRead(UUID org, UUID member) throws Exception {
        try (Connection db = db()) {
            db.setAutoCommit(false);
            try {
                long before = tuplesRead(db, "plugin_config_object");
                QueryPlans.ids(db, ConfigObjectRepository.LIST_VISIBLE, params(org, member, null, null, null, null));
                return tuplesRead(db, "plugin_config_object") - before;
            } finally {
                db.rollback();
            }
        }
    }

    private static long tuplesRead(Connection db, String table) throws Exception {
        try (PreparedStatement q =
                db.prepareStatement("SELECT coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0)"
                        + " FROM pg_stat_xact_user_tables WHERE relname = ?")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long actualRows(String line) {
        Matcher m = Pattern.compile("actual rows=(\\d+) loops=(\\d+)").matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) * Long.parseLong(m.group(2)) : 0;
    }

    private String analyze(UUID member, String type, String q, OffsetDateTime afterAt, UUID afterId) throws Exception {
        return analyze(org, member, type, q, afterAt, afterId);
    }

    private String analyze(UUID org, UUID member, String type, String q, OffsetDateTime afterAt, UUID afterId)
            throws Exception {
        try (Connection db = db()) {
            String plan = QueryPlans.explainAnalyze(
                    db, ConfigObjectRepository.LIST_VISIBLE, params(org, member, type, q, afterAt, afterId));
            System.out.println(
                    "PLAN member=" + member + " type=" + type + " q=" + q + " cursor=" + afterId + "\n" + plan);
            return plan;
        }
    }

    private Object[] params(UUID member, String type, String q, OffsetDateTime afterAt, UUID afterId) {
        return params(org, member, type, q, afterAt, afterId);
    }

    private static Object[] params(UUID org, UUID member, String type, String q, OffsetDateTime afterAt, UUID afterId) {
        return new Object[] {org, member, type, null, null, null, q, false, null, afterAt, afterId, FETCH};
    }

    private static Connection db() throws Exception {
        return PlugSyncTestEngines.jdbc();
    }
}
