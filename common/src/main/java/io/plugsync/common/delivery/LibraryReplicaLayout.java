package io.plugsync.common.delivery;

import java.util.UUID;

/**
 * The DynamoDB layout of the library replica: resolved plugins and who may use them, written only
 * by the outbox-dispatcher, read by {@link DynamoPluginStore}. A table of its own (default
 * {@value #DEFAULT_TABLE}), partition key {@code pk}, sort key {@code sk}:
 *
 * <ul>
 *   <li>{@code plugin#<id>} / {@code head}: the plugin's current delivery: {@code version} (per
 *       plugin, only ever moves forward: {@code attribute_not_exists(sk) OR version <= :v}), {@code
 *       checksum} (of the whole resolved document), {@code organization_id}, {@code status}, {@code
 *       key_id}, {@code manifest} (sealed: the members without content), and the sealed body: in
 *       {@code body} when it fits one item, otherwise {@code chunks} items below. {@code
 *       payload_sha256}, {@code encoding} and {@code chunks} as for connector versions.
 *   <li>{@code plugin#<id>} / {@code v#0000000007#c#0001}...: the sealed body chunks of version 7,
 *       written before the head that points at them; chunks of older versions are deleted after.
 *   <li>{@code org#<orgId>} / {@code member#<membershipId>}: the plugins granted to the member
 *       directly or created by it ({@code plugin_ids}) and the member's teams ({@code team_ids}).
 *   <li>{@code org#<orgId>} / {@code team#<teamId>}: the plugins granted to the team.
 *   <li>{@code org#<orgId>} / {@code org}: the plugins granted to the whole organisation.
 * </ul>
 *
 * Entitlement items carry ids only; every config object's content is sealed with the same AEAD keys
 * as PostgreSQL's payload columns ({@code plugsync.encryption.*}), its associated data binding the
 * ciphertext to plugin, version and part, so nothing readable and nothing movable lies in DynamoDB.
 */
public final class LibraryReplicaLayout {
    public static final String DEFAULT_TABLE = "plugsync_library";

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String HEAD_SK = "head";
    public static final String ORG_SK = "org";

    public static final String VERSION = "version";
    public static final String CHECKSUM = "checksum";
    public static final String ORGANIZATION_ID = "organization_id";
    public static final String STATUS = "status";
    public static final String KEY_ID = "key_id";
    public static final String MANIFEST = "manifest";
    public static final String BODY = "body";
    public static final String CHUNKS = "chunks";
    public static final String PAYLOAD_SHA256 = "payload_sha256";
    public static final String ENCODING = "encoding";
    public static final String PLUGIN_IDS = "plugin_ids";
    public static final String TEAM_IDS = "team_ids";
    public static final String WRITTEN_AT = "written_at";

    private LibraryReplicaLayout() {}

    public static String pluginPk(UUID pluginId) {
        return "plugin#" + pluginId;
    }

    public static String orgPk(UUID organizationId) {
        return "org#" + organizationId;
    }

    public static String memberSk(UUID membershipId) {
        return "member#" + membershipId;
    }

    public static String teamSk(UUID teamId) {
        return "team#" + teamId;
    }

    public static String chunkPrefix(long version) {
        return String.format("v#%010d#c#", version);
    }

    public static String chunkSk(long version, int chunk) {
        return chunkPrefix(version) + String.format("%04d", chunk);
    }

    /** Associated data of a sealed part: binds it to its plugin, version and place. */
    public static byte[] associatedData(UUID pluginId, long version, String part) {
        return ("plugsync/plugin/" + pluginId + "/v" + version + "/" + part)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static String chunkPart(int chunk) {
        return "chunk/" + chunk;
    }
}
