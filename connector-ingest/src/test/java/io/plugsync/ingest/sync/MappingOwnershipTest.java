package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.execute;
import static io.plugsync.ingest.support.IngestFixtures.rows;
import static io.plugsync.ingest.support.IngestFixtures.scalar;
import static io.plugsync.ingest.support.Skills.skill;
import static io.plugsync.ingest.sync.SyncScenarioTest.objectAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.plugsync.ingest.support.IngestFixtures.Connector;
import io.plugsync.ingest.support.Skills;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * rbac.md locked decisions 4 and 7: what a connector creates belongs to the member who configured
 * the mapping that caused it (creator, implicit manager), not to nobody.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class MappingOwnershipTest {
    private static final String GOOD = "skills/good/SKILL.md";
    private static final String BROKEN = "skills/broken/SKILL.md";

    @Inject
    SyncWorker worker;

    @Test
    void objectsAMappingCreatesAreOwnedAndManagedByItsCreatorOnly() {
        FakeRepo repo = new FakeRepo("acme", "owned-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        UUID creator = IngestFixtures.member(c.orgId(), "editor-" + UUID.randomUUID(), "editor");
        UUID other = IngestFixtures.member(c.orgId(), "editor-" + UUID.randomUUID(), "editor");
        IngestFixtures.mapping(c, "skills/**", "skill", null, creator);
        repo.put(GOOD, skill("good", "first")).put(BROKEN, Skills.broken());

        SyncRuns.pushAndSync(worker, c, "0".repeat(40));

        UUID good = objectAt(c, GOOD);
        UUID broken = objectAt(c, BROKEN);
        assertThat(owner(good)).isEqualTo(creator);
        assertThat(owner(broken))
                .as("an identity that did not parse has an owner too")
                .isEqualTo(creator);
        assertThat(rows(
                        "SELECT created_via, created_by_org_membership_id, connector_sync_event_id IS NOT NULL"
                                + " FROM config_object_version WHERE config_object_id = ?",
                        good))
                .containsExactly(List.of("connector", creator, true));
        // the V6 rank: creator = manager (3); another member without grants or plugins: nothing
        assertThat(rank(good, creator)).isEqualTo(3);
        assertThat(rank(broken, creator)).isEqualTo(3);
        assertThat(rank(good, other)).isZero();
    }

    @Test
    void mappingWithoutCreatorAttributesToTheInstancesCreator() {
        FakeRepo repo = new FakeRepo("acme", "owned-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        UUID instanceCreator = IngestFixtures.member(c.orgId(), "editor-" + UUID.randomUUID(), "editor");
        execute(
                "UPDATE connector_instance SET created_by_org_membership_id = ? WHERE id = ?",
                instanceCreator,
                c.instanceId());
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        repo.put(GOOD, skill("good", "first"));

        String head = SyncRuns.pushAndSync(worker, c, "0".repeat(40));
        UUID good = objectAt(c, GOOD);
        assertThat(owner(good)).isEqualTo(instanceCreator);

        // later versions the sync writes (an update, the deletion) are made for the same member
        repo.put(GOOD, skill("good", "second"));
        head = SyncRuns.pushAndSync(worker, c, head);
        repo.remove(GOOD);
        SyncRuns.pushAndSync(worker, c, head);
        assertThat(rows(
                        "SELECT created_via, created_by_org_membership_id, is_deleted_version FROM config_object_version"
                                + " WHERE config_object_id = ? ORDER BY created_at, id",
                        good))
                .containsExactly(
                        List.of("connector", instanceCreator, false),
                        List.of("connector", instanceCreator, false),
                        List.of("connector", instanceCreator, true));
    }

    private static UUID owner(UUID objectId) {
        return (UUID) scalar("SELECT created_by_org_membership_id FROM config_object WHERE id = ?", objectId);
    }

    private static int rank(UUID objectId, UUID member) {
        return ((Number) scalar("SELECT library_object_rank(?, ?)", objectId, member)).intValue();
    }
}
