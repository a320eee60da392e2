package io.plugsync.api.dashboard;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Turns Quinoa on so the test application builds and serves the dashboard (it is off in tests). */
public class DashboardProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.quinoa", "true");
    }
}
