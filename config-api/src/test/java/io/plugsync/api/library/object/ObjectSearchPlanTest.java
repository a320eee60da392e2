package io.plugsync.api.library.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.bench.QueryPlans;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With 100,000 objects in one organisation, the plan of an admin's list SQL has an index path on
 * {@code config_object} (never a Seq Scan of it) for the default first page, a cursor page, the
 * {@code object_type} filter and the {@code q} search (the GIN index {@code config_object_search},
 * whose expression the query repeats exactly). A member's list: {@link MemberObjectListPlanTest}.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectSearchPlanTest {
    private boolean seeded;
    private UUID org;
    private UUID member;
    private OffsetDateTime cursorAt;
    private UUID cursorId;

    /** Once per class, in the first test (RestAssured knows the port only then). */
    @BeforeEach
    void hundredThousandObjects() throws Exception {
        if (seeded) {
            return;
        }
        seeded = true;
        TestOrg test = TestOrg.create();
        org = test.id();
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            member = QueryPlans.membership(db, org, "editor-" + org);
            QueryPlans.seedObjects(db, org, member, QueryPlans.membership(db, org, "owner-" + org), 100_000);
            try (var q = db.prepareStatement(
                    "SELECT created_at, id FROM config_object WHERE organization_id = ? AND title = 'object 50001'")) {
                q.setObject(1, org);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    cursorAt = rs.getObject(1, OffsetDateTime.class);
                    cursorId = rs.getObject(2, UUID.class);
                }
            }
        }
    }

    @Test
    void defaultFirstPageFollowsTheKeysetIndex() throws Exception {
        assertKeysetIndex(plan(true, null, null, null, null));
    }

    @Test
    void cursorPageStartsInsideTheKeysetIndex() throws Exception {
        String plan = plan(true, null, null, cursorAt, cursorId);
        assertKeysetIndex(plan);
        assertThat(plan).containsPattern("Index Cond: \\(\\(organization_id = .*ROW\\(created_at, id\\) <");
    }

    @Test
    void objectTypeFilterUsesAnIndex() throws Exception {
        assertKeysetIndex(plan(true, "hook", null, null, null));
    }

    @Test
    void searchUsesTheTsvectorIndex() throws Exception {
        String plan = plan(true, null, "word17", null, null);
        assertThat(plan).contains("Bitmap Index Scan on config_object_search").doesNotContainPattern(SEQ_SCAN);
    }

    private static final String SEQ_SCAN = "Seq Scan on config_object o";

    /**
     * The page itself walks the keyset index, unsorted. Only the plan above its SubPlan (each row's
     * latest-version lookup) counts: that lookup is planned from config_object_version's own size,
     * which other tests of this JVM decide (a small table is scanned and sorted, a large one uses
     * config_object_version_latest); it runs for at most one page of rows either way.
     */
    private static void assertKeysetIndex(String plan) {
        int subPlan = plan.indexOf("SubPlan");
        String page = subPlan < 0 ? plan : plan.substring(0, subPlan);
        assertThat(page)
                .containsPattern("Index Scan (Backward )?using config_object_by_org_created on config_object o")
                .doesNotContain(SEQ_SCAN)
                // the index gives the order: no sort of objects (the latest-version subplan may sort versions)
                .doesNotContain("Sort Key: o.created_at");
    }

    private String plan(boolean admin, String type, String q, OffsetDateTime afterAt, UUID afterId) throws Exception {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            String plan = QueryPlans.explain(
                    db,
                    admin ? ConfigObjectRepository.LIST : ConfigObjectRepository.LIST_VISIBLE,
                    false,
                    org,
                    member,
                    type,
                    null,
                    null,
                    null,
                    q,
                    false,
                    null,
                    afterAt,
                    afterId,
                    51);
            System.out.println(
                    "PLAN admin=" + admin + " type=" + type + " q=" + q + " cursor=" + afterId + "\n" + plan);
            return plan;
        }
    }
}
