package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.count;
import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static io.plugsync.ingest.support.Skills.skill;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.plugsync.ingest.support.IngestFixtures.Connector;
import io.plugsync.ingest.support.Skills;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A sync of more files than one batch of statements ({@link SyncApplier#SLICE}) writes what a
 * file-by-file sync wrote: per file an object, a binding and a plugin membership; per parsable file
 * one encrypted version and its outbox event; per unparsable file an {@code ingestion_error}
 * identity without a version (the rest of the slice still written); per changed file one more
 * version; per deleted file a terminal version, a closed binding and a tombstone.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class LargeSyncTest {
    private static final int FILES = 2 * SyncApplier.SLICE + 203;

    @Inject
    SyncWorker worker;

    @Test
    void filesAcrossSeveralSlicesAreEachWrittenWithEveryRow() {
        FakeRepo repo = new FakeRepo("acme", "large-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        UUID plugin = IngestFixtures.plugin(c, "large");
        IngestFixtures.mapping(c, "skills/**", "skill", plugin);
        int broken = 0;
        for (int i = 0; i < FILES; i++) {
            boolean bad = i % 100 == 7;
            broken += bad ? 1 : 0;
            repo.put(path(i), bad ? Skills.broken() : skill("s-" + i, "skill " + i));
        }

        String first = SyncRuns.pushAndSync(worker, c, "0".repeat(40));

        assertThat(activeBindings(c)).isEqualTo(FILES);
        assertThat(count("SELECT count(*) FROM config_object WHERE connector_instance_id = ?", c.instanceId()))
                .isEqualTo(FILES);
        assertThat(count(
                        "SELECT count(*) FROM config_object o WHERE o.connector_instance_id = ?"
                                + " AND o.status = 'ingestion_error' AND NOT EXISTS"
                                + " (SELECT 1 FROM config_object_version v WHERE v.config_object_id = o.id)",
                        c.instanceId()))
                .isEqualTo(broken);
        assertThat(versions(c)).isEqualTo(FILES - broken);
        assertThat(versionEvents(c)).isEqualTo(FILES - broken);
        assertThat(count(
                        "SELECT count(*) FROM config_object_version v JOIN config_object o ON o.id = v.config_object_id"
                                + " WHERE o.connector_instance_id = ? AND v.encryption_key_id IS NOT NULL"
                                + " AND position('Steps for'::bytea in v.raw_source_text) = 0",
                        c.instanceId()))
                .isEqualTo(FILES - broken);
        assertThat(count(
                        "SELECT count(*) FROM plugin_config_object WHERE plugin_id = ? AND removed_at IS NULL", plugin))
                .isEqualTo(FILES);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE event_type = ? AND aggregate_id = ?",
                        OutboxContract.PLUGIN_MEMBERSHIP_CHANGED.name(),
                        plugin.toString()))
                .isEqualTo(FILES);
        assertThat(count("SELECT count(*) FROM plugin_release WHERE plugin_id = ?", plugin))
                .isEqualTo(1);
        JsonObject counts = latestCounts(c);
        assertThat(counts.getInteger("created")).isEqualTo(FILES);
        assertThat(counts.getInteger("errors")).isEqualTo(broken);

        // change 600 files (one of them now unparsable), delete 20
        for (int i = 0; i < 600; i++) {
            repo.put(path(i), i == 1 ? Skills.broken() : skill("s-" + i, "revised " + i));
        }
        for (int i = FILES - 20; i < FILES; i++) {
            repo.remove(path(i));
        }
        SyncRuns.pushAndSync(worker, c, first);

        JsonObject next = latestCounts(c);
        assertThat(next.getInteger("updated")).isEqualTo(600);
        assertThat(next.getInteger("deleted")).isEqualTo(20);
        assertThat(next.getInteger("errors")).isEqualTo(1);
        // every changed file but the newly broken one gets a version (the formerly broken ones their first)
        int newlyWritten = 600 - 1;
        assertThat(versions(c)).isEqualTo(FILES - broken + newlyWritten + 20);
        assertThat(versionEvents(c)).isEqualTo(FILES - broken + newlyWritten + 20);
        assertThat(scalar("SELECT status FROM config_object WHERE id = ?", objectAt(c, path(1))))
                .isEqualTo("ingestion_error");
        assertThat(scalar("SELECT title FROM config_object WHERE id = ?", objectAt(c, path(7))))
                .isEqualTo("s-7");
        assertThat(activeBindings(c)).isEqualTo(FILES - 20);
        assertThat(count("SELECT count(*) FROM connector_source_tombstone WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo(20);
        assertThat(count(
                        "SELECT count(*) FROM config_object o JOIN connector_source_binding b ON b.config_object_id = o.id"
                                + " WHERE b.connector_target_id = ? AND b.status = 'closed' AND o.status = 'deleted'",
                        c.targetId()))
                .isEqualTo(20);
    }

    private static String path(int i) {
        return "skills/group-" + (i % 7) + "/s-" + i + "/SKILL.md";
    }

    private static long activeBindings(Connector c) {
        return count(
                "SELECT count(*) FROM connector_source_binding WHERE connector_target_id = ? AND status = 'active'",
                c.targetId());
    }

    private static long versions(Connector c) {
        return count(
                "SELECT count(*) FROM config_object_version v JOIN config_object o ON o.id = v.config_object_id"
                        + " WHERE o.connector_instance_id = ?",
                c.instanceId());
    }

    private static long versionEvents(Connector c) {
        return count(
                "SELECT count(*) FROM outbox_event e JOIN config_object o ON e.aggregate_id = o.id::text"
                        + " WHERE e.event_type = ? AND o.connector_instance_id = ?",
                OutboxContract.CONFIG_OBJECT_VERSION_CREATED.name(),
                c.instanceId());
    }

    private static UUID objectAt(Connector c, String path) {
        return (UUID) scalar(
                "SELECT config_object_id FROM connector_source_binding WHERE connector_target_id = ?"
                        + " AND external_locator = ? AND status = 'active'",
                c.targetId(),
                path);
    }

    private static JsonObject latestCounts(Connector c) {
        return new JsonObject(String.valueOf(scalar(
                        "SELECT summary_json::text FROM connector_sync_event WHERE connector_target_id = ?"
                                + " AND status IN ('completed', 'completed_with_errors') ORDER BY completed_at DESC LIMIT 1",
                        c.targetId())))
                .getJsonObject("counts");
    }
}
