package io.plugsync.common.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Random;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized properties of diff, merge patch and rebase. A failure names the seed; rerun it
 * alone with {@code -Dv3.seed=<seed>}.
 */
class JsonPropertiesTest {
    private static final int RUNS = 500;

    @Test
    void diffAppliedToSourceGivesTarget() {
        forEachSeed(seed -> {
            RandomDocuments gen = new RandomDocuments(seed);
            ObjectNode a = gen.document();
            ObjectNode b = gen.random().nextBoolean() ? gen.mutate(a) : gen.document();
            JsonNode patch = JsonDiff.diff(a, b);
            assertThat(JsonDiff.apply(patch, a)).isEqualTo(b);
        });
    }

    @Test
    void diffOfEqualDocumentsIsEmpty() {
        forEachSeed(seed -> {
            ObjectNode a = new RandomDocuments(seed).document();
            assertThat(JsonDiff.diff(a, a.deepCopy())).isEmpty();
            assertThat(DiffSummary.of(a, a.deepCopy()).isEmpty()).isTrue();
        });
    }

    @Test
    void mergePatchIsIdempotent() {
        forEachSeed(seed -> {
            RandomDocuments gen = new RandomDocuments(seed);
            ObjectNode target = gen.document();
            ObjectNode patch = gen.object(3);
            JsonNode once = MergePatch.apply(target, patch);
            assertThat(MergePatch.apply(once, patch)).isEqualTo(once);
        });
    }

    @Test
    void rebaseOfNonOverlappingEditsEqualsApplyingBoth() {
        forEachSeed(seed -> {
            RandomDocuments gen = new RandomDocuments(seed);
            ObjectNode base = gen.document();
            // the draft edits entities and settings, others published event flow changes (and
            // vice versa): disjoint sections never overlap
            boolean draftTakesFlows = gen.random().nextBoolean();
            ObjectNode draft = base.deepCopy();
            ObjectNode active = base.deepCopy();
            for (String section : V3Document.SECTIONS) {
                boolean draftEdits = section.equals(V3Document.EVENT_FLOWS) == draftTakesFlows;
                ObjectNode edited = editSection(gen, (ObjectNode) base.get(section));
                (draftEdits ? draft : active).set(section, edited);
            }
            ObjectNode expected = base.deepCopy();
            for (String section : V3Document.SECTIONS) {
                boolean draftEdits = section.equals(V3Document.EVENT_FLOWS) == draftTakesFlows;
                expected.set(section, (draftEdits ? draft : active).get(section));
            }
            Rebase.Result result = Rebase.merge(base, draft, active);
            assertThat(result.conflicts()).isEmpty();
            assertThat(result.merged()).isEqualTo(expected);
        });
    }

    @Test
    void rebaseOfDisjointKeysInOneSectionMergesBoth() {
        forEachSeed(seed -> {
            RandomDocuments gen = new RandomDocuments(seed);
            ObjectNode base = gen.document();
            ObjectNode draft = base.deepCopy();
            ObjectNode active = base.deepCopy();
            // the draft adds/changes keys ending in "d", others keys ending in "a"
            JsonNode draftValue = gen.value(2);
            JsonNode activeValue = gen.value(2);
            ((ObjectNode) draft.get(V3Document.SETTINGS)).set("from_d", draftValue);
            ((ObjectNode) active.get(V3Document.SETTINGS)).set("from_a", activeValue);
            Rebase.Result result = Rebase.merge(base, draft, active);
            ObjectNode expected = base.deepCopy();
            ((ObjectNode) expected.get(V3Document.SETTINGS)).set("from_d", draftValue);
            ((ObjectNode) expected.get(V3Document.SETTINGS)).set("from_a", activeValue);
            assertThat(result.conflicts()).isEmpty();
            assertThat(result.merged()).isEqualTo(expected);
        });
    }

    @Test
    void rebaseWhenOnlyOneSideChangedTakesThatSide() {
        forEachSeed(seed -> {
            RandomDocuments gen = new RandomDocuments(seed);
            ObjectNode base = gen.document();
            ObjectNode changed = gen.mutate(base);
            assertThat(Rebase.merge(base, changed, base).merged()).isEqualTo(changed);
            assertThat(Rebase.merge(base, base, changed).merged()).isEqualTo(changed);
        });
    }

    @Test
    void conflictingEditIsReportedAndResolvable() {
        ObjectNode base = (ObjectNode)
                V3Document.parse("{\"entities\":{},\"event_flows\":{},\"settings\":{\"r\":\"eu\",\"k\":1}}");
        ObjectNode draft = base.deepCopy();
        ((ObjectNode) draft.get("settings")).put("r", "us");
        ((ObjectNode) draft.get("settings")).put("d", true);
        ObjectNode active = base.deepCopy();
        ((ObjectNode) active.get("settings")).put("r", "ap");
        Rebase.Result result = Rebase.merge(base, draft, active);
        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.pointer()).isEqualTo("/settings/r");
            assertThat(c.draftValue().asText()).isEqualTo("us");
            assertThat(c.activeValue().asText()).isEqualTo("ap");
        });
        Rebase.Result resolved = Rebase.merge(base, draft, active, Map.of("/settings/r", Rebase.Side.ACTIVE));
        assertThat(resolved.clean()).isTrue();
        assertThat(resolved.merged().at("/settings/r").asText()).isEqualTo("ap");
        assertThat(resolved.merged().at("/settings/d").asBoolean()).isTrue();
    }

    private static ObjectNode editSection(RandomDocuments gen, ObjectNode section) {
        ObjectNode edited = section.deepCopy();
        int edits = 1 + gen.random().nextInt(3);
        for (int i = 0; i < edits; i++) {
            if (edited.size() > 0 && gen.random().nextInt(3) == 0) {
                edited.remove(edited.fieldNames().next());
            } else {
                edited.set(gen.key(), gen.value(2));
            }
        }
        return edited;
    }

    private static void forEachSeed(LongConsumer property) {
        String fixed = System.getProperty("v3.seed");
        if (fixed != null) {
            run(Long.parseLong(fixed), property);
            return;
        }
        // deterministic by default; -Dv3.master-seed explores other sequences
        Random seeds = new Random(Long.getLong("v3.master-seed", 20261125L));
        for (int i = 0; i < RUNS; i++) {
            run(seeds.nextLong(), property);
        }
    }

    private static void run(long seed, LongConsumer property) {
        try {
            property.accept(seed);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("property failed for seed " + seed + " (rerun with -Dv3.seed=" + seed + ")", e);
        }
    }
}
