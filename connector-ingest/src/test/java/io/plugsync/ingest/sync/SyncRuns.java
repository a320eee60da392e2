package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.ingest.support.IngestFixtures.Connector;
import io.plugsync.ingest.support.Webhooks;
import java.time.Duration;

/** A push of the connector's repository, synced to the end. */
final class SyncRuns {
    private SyncRuns() {}

    /** Commits, delivers the push, drains the worker and checks the target reached the new head; returns it. */
    static String pushAndSync(SyncWorker worker, Connector c, String before) {
        String head = Webhooks.push(c.repo(), c.installationId(), before);
        worker.drain().await().atMost(Duration.ofMinutes(1));
        assertThat(scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId()))
                .isEqualTo(head);
        return head;
    }
}
