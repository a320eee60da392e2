package io.plugsync.common.library;

import java.util.UUID;

/**
 * Who and what wrote a version.
 *
 * @param via the write path
 * @param membershipId the writer's {@code org_membership} id: for connector writes the member the
 *     connector mapping belongs to (rbac.md: that member owns what the mapping creates); null for
 *     system writes and connector writes nobody is known for
 * @param syncEventId the connector sync event that produced the version, if any
 * @param sourceRevisionRef the source revision (e.g. a commit SHA), if any
 */
public record VersionAuthor(CreatedVia via, UUID membershipId, UUID syncEventId, String sourceRevisionRef) {

    public static VersionAuthor cloud(UUID membershipId) {
        return new VersionAuthor(CreatedVia.CLOUD, membershipId, null, null);
    }

    public static VersionAuthor connector(UUID membershipId, UUID syncEventId, String sourceRevisionRef) {
        return new VersionAuthor(CreatedVia.CONNECTOR, membershipId, syncEventId, sourceRevisionRef);
    }
}
