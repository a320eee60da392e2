package io.plugsync.api.fleet;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Storage stays bounded: a connector keeps at most the configured number of workers. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@TestProfile(FleetLimitsTest.TwoWorkers.class)
class FleetLimitsTest {
    public static class TwoWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plugsync.rollout.fleet.max-workers-per-connector", "2");
        }
    }

    @Test
    void aNewWorkerBeyondTheLimitIsRefusedAndKnownWorkersStillReport() throws Exception {
        TestOrg org = TestOrg.create();
        String id = V3Api.publishedConnector(org);
        String token = FleetTest.worker(org, id);
        FleetTest.report(token, id, FleetTest.body("a", 1)).then().statusCode(202);
        FleetTest.report(token, id, FleetTest.body("b", 1)).then().statusCode(202);
        FleetTest.report(token, id, FleetTest.body("c", 1))
                .then()
                .statusCode(429)
                .body("type", endsWith("fleet-full"))
                .body("max_workers", is(2));
        // a known worker is not new: once its interval has passed it reports as ever
        try (var db = PlugSyncTestEngines.jdbc();
                var older = db.prepareStatement("UPDATE fleet_worker SET last_report_at = now() - interval '1 hour'"
                        + " WHERE connector_id = ?::uuid")) {
            older.setString(1, id);
            older.executeUpdate();
        }
        FleetTest.report(token, id, FleetTest.body("a", 1)).then().statusCode(202);
    }
}
