package io.plugsync.gauntlet;

import io.plugsync.ingest.support.FakeRepo;
import java.util.List;
import java.util.UUID;

/**
 * What the load runs against: the organisation and its owner's token, the services' replicas, the
 * connectors under publish load and the GitHub targets under webhook load.
 */
public record World(
        UUID orgId,
        String token,
        Http.Service api,
        Http.Service ingest,
        List<UUID> connectors,
        List<GithubTarget> targets,
        String webhookSecret) {

    /** A repository synced into the organisation's library through one mapping. */
    public record GithubTarget(
            String installationId, long repositoryId, FakeRepo repo, UUID instanceId, UUID targetId) {}
}
