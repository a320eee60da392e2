package io.plugsync.api.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.engines.PlugSyncTestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The outbox rows of one aggregate, in write order, for the event assertions of the library tests. */
public final class Outbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One {@code outbox_event} row as the assertions need it. */
    public record Event(String aggregateType, String eventType, JsonNode payload) {}

    private Outbox() {}

    public static List<Event> of(String aggregateType, String aggregateId) {
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement st = db.prepareStatement("SELECT aggregate_type, event_type, payload::text"
                        + " FROM outbox_event WHERE aggregate_type = ? AND aggregate_id = ? ORDER BY seq")) {
            st.setString(1, aggregateType);
            st.setString(2, aggregateId);
            List<Event> events = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getString(1), rs.getString(2), JSON.readTree(rs.getString(3))));
                }
            }
            return events;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All outbox rows (for "a rejected write appends nothing"). */
    public static long total() {
        return Library.count("SELECT count(*) FROM outbox_event");
    }
}
