package io.plugsync.api.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.api.bench.QueryPlans;
import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With 10,001 versions of one connector, the versions list (first and cursor page) and the get of
 * one version are index range scans in the order of the index: no Seq Scan and no Sort over the
 * history, with the plan for the actual values and with the generic plan.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VersionHistoryPlanTest {
    private boolean seeded;
    private UUID connector;

    /** Once per class, in the first test (RestAssured knows the port only then). */
    @BeforeEach
    void tenThousandVersions() throws Exception {
        if (seeded) {
            return;
        }
        seeded = true;
        connector = UUID.fromString(V3Api.publishedConnector(TestOrg.create()));
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            QueryPlans.seedVersions(db, connector, 10_000);
        }
        assertThat(V3Api.count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", connector))
                .isEqualTo(10_001);
    }

    @Test
    void firstAndCursorPagesWalkTheIndexBackwards() throws Exception {
        for (boolean generic : new boolean[] {false, true}) {
            assertIndexRange(plan(VersionRepository.PAGE, generic, connector, null, 51), generic);
            // the cursor bounds the index range itself: the scan starts at the cursor, it does not
            // walk (and filter out) every newer version first
            assertThat(assertIndexRange(plan(VersionRepository.PAGE, generic, connector, 50, 51), generic))
                    .containsPattern("Index Cond: \\(\\(connector_id = .*\\) AND \\(version < ");
        }
    }

    @Test
    void oneVersionIsAnIndexLookup() throws Exception {
        for (boolean generic : new boolean[] {false, true}) {
            assertIndexRange(plan(VersionRepository.FIND, generic, connector, 7_777), generic);
        }
    }

    private static String plan(String sql, boolean generic, Object... params) throws Exception {
        try (Connection db = PlugSyncTestEngines.jdbc()) {
            String plan = QueryPlans.explain(db, sql, generic, params);
            System.out.println("PLAN " + (generic ? "generic" : "custom") + " " + sql + "\n" + plan);
            return plan;
        }
    }

    private static String assertIndexRange(String plan, boolean generic) {
        assertThat(plan)
                .as("%s plan", generic ? "generic" : "custom")
                .contains("using connector_config_versions_connector_id_version_key on connector_config_versions")
                .doesNotContain("Seq Scan")
                .doesNotContain("Sort");
        return plan;
    }
}
