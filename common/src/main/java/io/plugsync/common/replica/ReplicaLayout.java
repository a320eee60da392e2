package io.plugsync.common.replica;

import java.util.UUID;

/**
 * The DynamoDB item layout of the connector config replica, shared by its only writer (the
 * outbox-dispatcher) and its readers ({@link DynamoConfigStore}).
 *
 * <p>One table, partition key {@code connector_id} (the connector id as a plain string), sort key
 * {@code sk}:
 *
 * <ul>
 *   <li>{@code active}: the pointer: {@code version}, {@code checksum} of the version every worker
 *       runs (the stable one while a rollout is in progress) and {@code pointer_revision}, which
 *       only ever grows ({@link PointerRevision}); during a rollout also the candidate ({@code
 *       candidate_version}, {@code candidate_checksum}) and who gets it ({@code rollout_basis_points}
 *       of the workers by {@link WorkerBuckets}, plus the {@code rollout_groups}), the {@code
 *       rollout_id}, {@code rollout_state}, {@code rollout_step} and {@code rollout_moves} (pointer
 *       moves applied for this rollout). Items written before revisions existed have none and are
 *       compared by {@code version}.
 *   <li>{@code v#0000000005}: the header of version 5: {@code checksum} (sha256 of the canonical
 *       document), {@code payload_sha256}, {@code encoding} ({@code identity} or {@code gzip}),
 *       {@code chunks}, and, when {@code chunks = 1}, the {@code body} itself. Never overwritten
 *       with different content.
 *   <li>{@code v#0000000005#c#0001}...: the body chunks of a version that does not fit one item.
 * </ul>
 *
 * The body is the canonical JSON of {@code {"document": ..., "manifests": {flow_key: ...}}}.
 */
public final class ReplicaLayout {
    /** Default table name. */
    public static final String DEFAULT_TABLE = "plugsync_connector_config";

    public static final String PK = "connector_id";
    public static final String SK = "sk";
    public static final String ACTIVE_SK = "active";
    public static final String VERSION = "version";
    public static final String CHECKSUM = "checksum";
    public static final String PAYLOAD_SHA256 = "payload_sha256";
    public static final String ENCODING = "encoding";
    public static final String CHUNKS = "chunks";
    public static final String CHUNK_INDEX = "chunk";
    public static final String BODY = "body";
    public static final String PAYLOAD_SIZE = "payload_size";
    public static final String PUBLISHED_AT = "published_at";
    public static final String WRITTEN_AT = "written_at";
    public static final String POINTER_REVISION = "pointer_revision";
    public static final String ROLLOUT_ID = "rollout_id";
    public static final String ROLLOUT_STATE = "rollout_state";
    public static final String ROLLOUT_STEP = "rollout_step";
    public static final String ROLLOUT_MOVES = "rollout_moves";
    public static final String CANDIDATE_VERSION = "candidate_version";
    public static final String CANDIDATE_CHECKSUM = "candidate_checksum";
    public static final String ROLLOUT_BASIS_POINTS = "rollout_basis_points";
    public static final String ROLLOUT_GROUPS = "rollout_groups";

    public static final String ENCODING_IDENTITY = "identity";
    public static final String ENCODING_GZIP = "gzip";

    private ReplicaLayout() {}

    public static String versionSk(int version) {
        return String.format("v#%010d", version);
    }

    public static String chunkSk(int version, int chunk) {
        return versionSk(version) + String.format("#c#%04d", chunk);
    }

    /** Prefix shared by all chunk items of a version (for a Query with {@code begins_with}). */
    public static String chunkPrefix(int version) {
        return versionSk(version) + "#c#";
    }

    public static String pk(UUID connectorId) {
        return connectorId.toString();
    }
}
