package io.plugsync.ingest.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.ingest.github.GitTree;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReconcilePlannerTest {
    private final MappingRule skills =
            new MappingRule(UUID.randomUUID(), "/sales/skills/**", "skill", null, false, 0, null);
    private final MappingRule commands =
            new MappingRule(UUID.randomUUID(), "/sales/commands/*.md", "command", null, false, 1, null);
    private final MappingRules rules = new MappingRules(List.of(skills, commands));

    @Test
    void selectsOnlyMappedPaths() {
        GitTree tree = new GitTree(
                "t",
                List.of(
                        new GitTree.Entry("sales/skills/a/SKILL.md", "1", 1),
                        new GitTree.Entry("sales/commands/go.md", "2", 1),
                        new GitTree.Entry("sales/commands/deep/no.md", "3", 1),
                        new GitTree.Entry("finance/skills/b/SKILL.md", "4", 1)),
                1,
                false);
        assertThat(ReconcilePlanner.desired(tree, rules))
                .extracting(DesiredFile::path)
                .containsExactly("sales/skills/a/SKILL.md", "sales/commands/go.md");
        assertThat(rules.mayContain("sales")).isTrue();
        assertThat(rules.mayContain("sales/skills/a")).isTrue();
        assertThat(rules.mayContain("finance")).isFalse();
    }

    @Test
    void classifiesCreatesUpdatesDeletesAndMoves() {
        Binding same = binding("sales/skills/same/SKILL.md", "s");
        Binding changed = binding("sales/skills/changed/SKILL.md", "c1");
        Binding gone = binding("sales/skills/gone/SKILL.md", "g");
        Binding moving = binding("sales/skills/old/SKILL.md", "m");
        List<DesiredFile> desired = List.of(
                new DesiredFile("sales/skills/same/SKILL.md", "s", skills),
                new DesiredFile("sales/skills/changed/SKILL.md", "c2", skills),
                new DesiredFile("sales/skills/new/SKILL.md", "n", skills),
                new DesiredFile("sales/skills/moved/SKILL.md", "m", skills));

        ReconcilePlan plan = ReconcilePlanner.plan(desired, List.of(same, changed, gone, moving), rules);

        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.updates()).extracting(u -> u.binding()).containsExactly(changed);
        assertThat(plan.creates()).extracting(DesiredFile::path).containsExactly("sales/skills/new/SKILL.md");
        assertThat(plan.deletes()).containsExactly(gone);
        assertThat(plan.moves()).hasSize(1);
        assertThat(plan.moves().get(0).binding()).isEqualTo(moving);
        assertThat(plan.moves().get(0).file().path()).isEqualTo("sales/skills/moved/SKILL.md");
    }

    @Test
    void sameContentUnderAnotherTypeIsNotAMove() {
        Binding skill = binding("sales/skills/x/SKILL.md", "same");
        ReconcilePlan plan = ReconcilePlanner.plan(
                List.of(new DesiredFile("sales/commands/x.md", "same", commands)), List.of(skill), rules);
        assertThat(plan.moves()).isEmpty();
        assertThat(plan.deletes()).containsExactly(skill);
        assertThat(plan.creates()).hasSize(1);
    }

    @Test
    void retiredMappingSelectsNothingSoItsObjectsArePlannedAsDeletions() {
        MappingRule retired = new MappingRule(UUID.randomUUID(), "/old/**", "skill", null, false, 2, null);
        MappingRules withRetired = new MappingRules(List.of(skills, commands), List.of(retired));
        GitTree tree = new GitTree("t", List.of(new GitTree.Entry("old/a/SKILL.md", "1", 1)), 1, false);
        assertThat(ReconcilePlanner.desired(tree, withRetired)).isEmpty();
        assertThat(withRetired.mayContain("old")).isFalse();
        assertThat(withRetired.byId(retired.id())).contains(retired);

        Binding left = new Binding(UUID.randomUUID(), UUID.randomUUID(), "old/a/SKILL.md", "1", retired.id(), "active");
        ReconcilePlan plan = ReconcilePlanner.plan(List.of(), List.of(left), withRetired);
        assertThat(plan.deletes()).containsExactly(left);
    }

    @Test
    void pathNowSelectedAsAnotherTypeGetsANewIdentity() {
        MappingRule retired = new MappingRule(UUID.randomUUID(), "/sales/commands/*.md", "skill", null, false, 2, null);
        MappingRules withRetired = new MappingRules(List.of(skills, commands), List.of(retired));
        Binding asSkill = new Binding(
                UUID.randomUUID(), UUID.randomUUID(), "sales/commands/x.md", "same", retired.id(), "active");
        Binding sameType = binding("sales/skills/y/SKILL.md", "y");

        ReconcilePlan plan = ReconcilePlanner.plan(
                List.of(
                        new DesiredFile("sales/commands/x.md", "same", commands),
                        new DesiredFile("sales/skills/y/SKILL.md", "y", skills)),
                List.of(asSkill, sameType),
                withRetired);

        assertThat(plan.deletes()).containsExactly(asSkill);
        assertThat(plan.creates()).extracting(DesiredFile::path).containsExactly("sales/commands/x.md");
        assertThat(plan.moves()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
    }

    @Test
    void pathARetiredMappingLeftThatAnotherMappingSelectsAsTheSameTypeKeepsItsObject() {
        MappingRule retired = new MappingRule(UUID.randomUUID(), "/sales/skills/a/**", "skill", null, false, 2, null);
        MappingRules withRetired = new MappingRules(List.of(skills), List.of(retired));
        Binding kept = new Binding(
                UUID.randomUUID(), UUID.randomUUID(), "sales/skills/a/SKILL.md", "1", retired.id(), "active");

        ReconcilePlan unchanged = ReconcilePlanner.plan(
                List.of(new DesiredFile("sales/skills/a/SKILL.md", "1", skills)), List.of(kept), withRetired);
        assertThat(unchanged.deletes()).isEmpty();
        assertThat(unchanged.creates()).isEmpty();
        assertThat(unchanged.unchanged()).isEqualTo(1);

        ReconcilePlan changed = ReconcilePlanner.plan(
                List.of(new DesiredFile("sales/skills/a/SKILL.md", "2", skills)), List.of(kept), withRetired);
        assertThat(changed.updates()).extracting(ReconcilePlan.Update::binding).containsExactly(kept);
        assertThat(changed.deletes()).isEmpty();
    }

    @Test
    void guardHoldsOnlyLargeShares() {
        MassDeletionGuard guard = new MassDeletionGuard(0.5, 10);
        assertThat(guard.holds(10, 12)).isTrue();
        assertThat(guard.holds(9, 12)).isFalse();
        assertThat(guard.holds(10, 20)).isFalse();
        assertThat(guard.holds(11, 20)).isTrue();
    }

    private Binding binding(String path, String sha) {
        return new Binding(UUID.randomUUID(), UUID.randomUUID(), path, sha, skills.id(), "active");
    }
}
