package io.plugsync.ingest.sync;

import static io.plugsync.ingest.support.IngestFixtures.count;
import static io.plugsync.ingest.support.IngestFixtures.rows;
import static io.plugsync.ingest.support.Skills.skill;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.ingest.support.FakeGithubResource;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.IngestFixtures;
import io.plugsync.ingest.support.IngestFixtures.Connector;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every successful sync leaves the paths of the head's tree in connector_target_tree (for mapping previews). */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
@WithTestResource(FakeGithubResource.class)
class TargetTreeCaptureTest {
    @Inject
    SyncWorker worker;

    @Test
    void syncCapturesEveryBlobPathAtHeadAndReplacesItNextTime() {
        FakeRepo repo = new FakeRepo("acme", "tree-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        repo.put("skills/a/SKILL.md", skill("a", "first"))
                .put("README.md", "not mapped")
                .put("docs/x/y.md", "deep");

        String first = SyncRuns.pushAndSync(worker, c, "0".repeat(40));
        assertThat(tree(c)).containsExactly(first, List.of("README.md", "docs/x/y.md", "skills/a/SKILL.md"), false);

        repo.remove("docs/x/y.md").put("skills/b/SKILL.md", skill("b", "second"));
        String second = SyncRuns.pushAndSync(worker, c, first);
        assertThat(tree(c))
                .containsExactly(second, List.of("README.md", "skills/a/SKILL.md", "skills/b/SKILL.md"), false);
        assertThat(count("SELECT count(*) FROM connector_target_tree WHERE connector_target_id = ?", c.targetId()))
                .isEqualTo(1);
    }

    @Test
    void aTreeGithubWouldTruncateIsCapturedWholeFromTheArchive() {
        FakeRepo repo = new FakeRepo("acme", "tree-" + System.nanoTime(), "main");
        Connector c = IngestFixtures.connector(repo);
        IngestFixtures.mapping(c, "skills/**", "skill", null);
        for (int i = 0; i < 4; i++) {
            repo.put("skills/s" + i + "/SKILL.md", skill("s" + i, "skill " + i)).put("docs/d" + i + ".md", "doc");
        }
        repo.put("TOP.md", "top");

        String head = SyncRuns.pushAndSync(worker, c, "0".repeat(40));
        List<Object> captured = tree(c);
        assertThat(captured.get(0)).isEqualTo(head);
        // the archive holds every file, docs/ too (no mapping selects it), so nothing is missing
        assertThat(paths(captured)).hasSize(9).contains("TOP.md", "docs/d3.md", "skills/s0/SKILL.md");
        assertThat(captured.get(2)).isEqualTo(false);
    }

    @SuppressWarnings("unchecked")
    private static List<String> paths(List<Object> tree) {
        return (List<String>) tree.get(1);
    }

    /** revision, paths (in stored order), truncated. */
    private static List<Object> tree(Connector c) {
        List<Object> row = rows(
                        "SELECT source_revision_ref, array_to_string(paths, '|'), truncated FROM connector_target_tree"
                                + " WHERE connector_target_id = ?",
                        c.targetId())
                .get(0);
        return List.of(row.get(0), List.of(((String) row.get(1)).split("\\|")), row.get(2));
    }
}
