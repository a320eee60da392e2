package io.plugsync.api.library.release;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.PlugSyncTestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Release rows and fixtures for the release tests. */
final class Releases {
    private Releases() {}

    /** One release as stored: its kind, notes and item count, oldest first. */
    record Row(UUID id, String kind, String notes, long items) {}

    static List<Row> of(String plugin) {
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement st = db.prepareStatement("SELECT r.id, r.release_kind, r.notes,"
                        + " (SELECT count(*) FROM plugin_release_item i WHERE i.plugin_release_id = r.id)"
                        + " FROM plugin_release r WHERE r.plugin_id = ? ORDER BY r.created_at, r.id")) {
            st.setObject(1, UUID.fromString(plugin));
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long releaseEvents(String plugin) {
        return Library.count(
                "SELECT count(*) FROM outbox_event WHERE aggregate_type = ? AND aggregate_id = ? AND event_type = ?",
                OutboxContract.PLUGIN,
                plugin,
                OutboxContract.PLUGIN_RELEASE_CREATED.name());
    }

    static void execute(String sql, Object... params) {
        try (Connection db = PlugSyncTestEngines.jdbc();
                PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void addMember(String token, TestOrg org, String plugin, String object) {
        as(token)
                .body("{\"config_object_id\": \"" + object + "\"}")
                .post(base(org.id()) + "/plugins/" + plugin + "/members")
                .then()
                .statusCode(201);
    }

    static String cut(String token, TestOrg org, String plugin) {
        return as(token)
                .body("{\"notes\": \"baseline\"}")
                .post(base(org.id()) + "/plugins/" + plugin + "/releases")
                .then()
                .statusCode(201)
                .extract()
                .path("item.id");
    }

    static void newVersion(String token, TestOrg org, String object, String name) {
        as(token)
                .body("{\"content\": " + Library.json(Library.SKILL.replace("pdf-tools", name)) + "}")
                .put(base(org.id()) + "/config-objects/" + object)
                .then()
                .statusCode(200);
    }

    static String latestVersion(String token, TestOrg org, String object) {
        return as(token)
                .get(base(org.id()) + "/config-objects/" + object + "/latest")
                .then()
                .statusCode(200)
                .extract()
                .path("item.id");
    }

    static String rollbackPath(TestOrg org, String plugin, String release) {
        return base(org.id()) + "/plugins/" + plugin + "/releases/" + release + "/rollback";
    }
}
