package io.plugsync.api.dashboard;

import io.plugsync.engines.PlugSyncTestEngines;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the outbox-dispatcher (another service) in these tests: marks outbox events as
 * delivered a little after they commit, so the page can show "committed" and then "replicated".
 */
final class SimulatedDispatcher implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulated-dispatcher");
        t.setDaemon(true);
        return t;
    });
    private final Connection db;

    SimulatedDispatcher() throws SQLException {
        db = PlugSyncTestEngines.jdbc();
        timer.scheduleWithFixedDelay(this::deliver, 250, 250, TimeUnit.MILLISECONDS);
    }

    private void deliver() {
        try (Statement st = db.createStatement()) {
            st.executeUpdate("UPDATE outbox_event SET delivered_at = now(), attempts = attempts + 1"
                    + " WHERE delivered_at IS NULL AND dead_at IS NULL"
                    + " AND created_at < now() - interval '3 seconds'");
        } catch (SQLException e) {
            // the next tick tries again; a test waiting for "replicated" reports the outcome
        }
    }

    @Override
    public void close() throws Exception {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        db.close();
    }
}
