package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.count;
import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static io.plugsync.ingest.support.Skills.skill;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.common.source.SyncEvent;
import io.plugsync.common.source.SyncEvents;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.plugsync.ingest.support.IngestFixtures.Connector;
import io.plugsync.ingest.support.Webhooks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A sync deleting most of a target is held until it is confirmed, then applies the deletions (the
 * HTTP side, held list, confirm and discard, is config-api's {@code SyncEventApiTest}).
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class MassDeletionGuardTest {
    @Inject
    SyncWorker worker;

    @Inject
    Pool pool;

    @Test
    void massDeletionIsHeldThenAppliedOnConfirmation() {
        FakeRepo repo = new FakeRepo("acme", "guard-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        for (int i = 0; i < 12; i++) {
            repo.put("skills/s" + i + "/SKILL.md", skill("s" + i, "skill " + i));
        }
        push(c, repo, "0".repeat(40));
        assertThat(live(c)).isEqualTo(12);

        // delete 10 of 12: more than half and at least 10
        for (int i = 0; i < 10; i++) {
            repo.remove("skills/s" + i + "/SKILL.md");
        }
        String before =
                (String) scalar("SELECT last_synced_revision_ref FROM connector_target WHERE id = ?", c.targetId());
        push(c, repo, before);
        UUID held = (UUID) scalar(
                "SELECT id FROM connector_sync_event WHERE connector_target_id = ? AND status = 'needs_confirmation'",
                c.targetId());
        assertThat(held).isNotNull();
        assertThat(live(c)).isEqualTo(12);

        // confirmed the way config-api's POST .../connector-sync-events/{id}/confirm-deletions does
        Optional<SyncEvent> confirmed = pool.withTransaction(db -> SyncEvents.confirmHeld(db, held, "admin"))
                .await()
                .atMost(Duration.ofSeconds(30));
        assertThat(confirmed).map(SyncEvent::status).contains("queued");
        worker.drain().await().atMost(Duration.ofMinutes(1));

        assertThat(scalar("SELECT status FROM connector_sync_event WHERE id = ?", held))
                .isEqualTo("completed");
        assertThat(live(c)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM connector_source_tombstone WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo(10);
    }

    private void push(Connector c, FakeRepo repo, String before) {
        String after = repo.commit();
        Webhooks.send("push", Webhooks.delivery(), Webhooks.pushBody(repo, c.installationId(), before, after))
                .then()
                .statusCode(202);
        worker.drain().await().atMost(Duration.ofMinutes(1));
    }

    private static long live(Connector c) {
        return count(
                "SELECT count(*) FROM connector_source_binding WHERE connector_target_id = ? AND status = 'active'",
                c.targetId());
    }
}
