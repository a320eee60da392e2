package io.plugsync.dispatcher.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.common.replica.ReplicatedConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads published versions and their manifests (immutable rows written by publish). */
@ApplicationScoped
public class PublishedVersionRepository {
    private final Pool pool;
    private final ObjectMapper mapper;

    public PublishedVersionRepository(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /**
     * The given versions of one connector, by version number (absent ones are missing from the map),
     * in two queries whatever their number.
     */
    public Uni<Map<Integer, PublishedVersion>> findAll(UUID connectorId, Collection<Integer> numbers) {
        Tuple key = Tuple.of(connectorId, numbers.toArray(new Integer[0]));
        Uni<List<Row>> versionRows = pool.preparedQuery("SELECT version, document::text AS document, checksum,"
                        + " published_at FROM connector_config_versions WHERE connector_id = $1 AND version = ANY($2)")
                .execute(key)
                .map(rows -> {
                    List<Row> out = new ArrayList<>();
                    rows.forEach(out::add);
                    return out;
                });
        Uni<Map<Integer, Map<String, ReplicatedConfig.FlowManifest>>> manifests = pool.preparedQuery(
                        "SELECT version, flow_key, source, event_type, manifest::text AS manifest, checksum"
                                + " FROM event_flow_manifests WHERE connector_id = $1 AND version = ANY($2)"
                                + " ORDER BY version, flow_key")
                .execute(key)
                .map(rows -> {
                    Map<Integer, Map<String, ReplicatedConfig.FlowManifest>> out = new HashMap<>();
                    rows.forEach(row -> out.computeIfAbsent(row.getInteger("version"), v -> new LinkedHashMap<>())
                            .put(
                                    row.getString("flow_key"),
                                    new ReplicatedConfig.FlowManifest(
                                            row.getString("source"),
                                            row.getString("event_type"),
                                            read(row.getString("manifest")),
                                            row.getString("checksum"))));
                    return out;
                });
        return Uni.combine().all().unis(versionRows, manifests).asTuple().map(t -> {
            Map<Integer, PublishedVersion> out = new HashMap<>();
            for (Row row : t.getItem1()) {
                int version = row.getInteger("version");
                out.put(
                        version,
                        new PublishedVersion(
                                connectorId,
                                version,
                                row.getString("checksum"),
                                read(row.getString("document")),
                                t.getItem2().getOrDefault(version, Map.of()),
                                row.getOffsetDateTime("published_at")));
            }
            return out;
        });
    }

    /**
     * The version the replica pointer should give every worker, per connector, for the drift check,
     * in pages of {@code limit} after {@code afterId}: the active version, or, while the active
     * version is rolled out in steps or after its rollout was rolled back, aborted or superseded, the
     * rollout's stable version.
     */
    public Uni<List<ActiveVersion>> activeVersions(UUID afterId, int limit) {
        return pool.preparedQuery("SELECT v.connector_id, coalesce(s.version, v.version) AS version,"
                        + " coalesce(s.checksum, v.checksum) AS checksum, c.organization_id,"
                        + " coalesce(s.published_at, v.published_at) AS published_at"
                        + " FROM connector_config_versions v JOIN connector c ON c.id = v.connector_id"
                        + " LEFT JOIN connector_rollout r ON r.connector_id = v.connector_id"
                        + " AND r.candidate_version = v.version AND r.state <> 'completed'"
                        + " LEFT JOIN connector_config_versions s ON s.connector_id = r.connector_id"
                        + " AND s.version = r.stable_version"
                        + " WHERE v.is_active AND v.connector_id > $1 ORDER BY v.connector_id LIMIT $2")
                .execute(Tuple.of(afterId, (long) limit))
                .map(rows -> {
                    List<ActiveVersion> out = new ArrayList<>();
                    rows.forEach(row -> out.add(new ActiveVersion(
                            row.getUUID("connector_id"),
                            row.getUUID("organization_id"),
                            row.getInteger("version"),
                            row.getString("checksum"),
                            row.getOffsetDateTime("published_at"))));
                    return out;
                });
    }

    /** A connector's active version in PostgreSQL. */
    public record ActiveVersion(
            UUID connectorId,
            UUID organizationId,
            int version,
            String checksum,
            java.time.OffsetDateTime publishedAt) {}

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable jsonb from PostgreSQL", e);
        }
    }
}
