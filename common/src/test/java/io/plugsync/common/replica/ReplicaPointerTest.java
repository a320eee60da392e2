package io.plugsync.common.replica;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ReplicaPointerTest {
    private static final UUID CONNECTOR = UUID.fromString("2a0f9f3e-6d0a-4d19-b1c7-3c1e8f2b4d55");

    private static ReplicaPointer rolling(int basisPoints, List<String> groups, int move) {
        return new ReplicaPointer(
                CONNECTOR,
                4,
                "stable",
                PointerRevision.rollout(5, move),
                Optional.of(new ReplicaPointer.Rollout(
                        UUID.randomUUID(), "in_progress", 5, "candidate", basisPoints, groups, move - 1)));
    }

    @Test
    void aNamedGroupGetsTheCandidateWhateverItsBucket() {
        ReplicaPointer pointer = rolling(0, List.of("eu-canary"), 1);
        assertThat(pointer.versionFor("any-worker", "eu-canary")).isEqualTo(5);
        assertThat(pointer.versionFor("any-worker", "us")).isEqualTo(4);
        assertThat(pointer.versionFor("any-worker", null)).isEqualTo(4);
    }

    @Test
    void withoutARolloutEveryWorkerRunsTheVersion() {
        ReplicaPointer plain = new ReplicaPointer(CONNECTOR, 7, "c", PointerRevision.plain(7), Optional.empty());
        assertThat(plain.versionFor("w", "g")).isEqualTo(7);
        assertThat(plain.candidateFor("w", "g")).isFalse();
    }

    /**
     * A random rollout (growing shares, then completion or rollback): no worker's version goes down
     * while the rollout moves forward; a rollback returns every worker to the stable version.
     */
    @RepeatedTest(25)
    void noWorkerGoesBackExceptOnRollback() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<String, Integer> last = new HashMap<>();
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            workers.add("w-" + random.nextInt(1_000_000));
        }
        int share = 0;
        int move = 0;
        boolean rollback = random.nextBoolean();
        while (share < WorkerBuckets.ALL && !(rollback && share > 3_000)) {
            share = Math.min(WorkerBuckets.ALL, share + 1 + random.nextInt(2_500));
            ReplicaPointer p = rolling(share, List.of(), ++move);
            for (String w : workers) {
                int v = p.versionFor(w, null);
                assertThat(v).as("seed %d worker %s", seed, w).isGreaterThanOrEqualTo(last.getOrDefault(w, 4));
                last.put(w, v);
            }
        }
        if (rollback) {
            ReplicaPointer back =
                    new ReplicaPointer(CONNECTOR, 4, "stable", PointerRevision.rollout(5, ++move), Optional.empty());
            assertThat(workers)
                    .allSatisfy(w -> assertThat(back.versionFor(w, null)).isEqualTo(4));
        }
    }

    @Test
    void aPointerItemReadsBackWithItsRollout() {
        UUID rollout = UUID.randomUUID();
        Map<String, AttributeValue> item = new HashMap<>(ReplicaItems.activePointer(CONNECTOR, 4, "s"));
        item.put(ReplicaLayout.POINTER_REVISION, AttributeValue.fromN(Long.toString(PointerRevision.rollout(5, 2))));
        item.put(ReplicaLayout.ROLLOUT_ID, AttributeValue.fromS(rollout.toString()));
        item.put(ReplicaLayout.ROLLOUT_STATE, AttributeValue.fromS("in_progress"));
        item.put(ReplicaLayout.ROLLOUT_STEP, AttributeValue.fromN("1"));
        item.put(ReplicaLayout.CANDIDATE_VERSION, AttributeValue.fromN("5"));
        item.put(ReplicaLayout.CANDIDATE_CHECKSUM, AttributeValue.fromS("c"));
        item.put(ReplicaLayout.ROLLOUT_BASIS_POINTS, AttributeValue.fromN("2500"));
        item.put(ReplicaLayout.ROLLOUT_GROUPS, AttributeValue.fromL(List.of(AttributeValue.fromS("eu"))));
        ReplicaPointer p = ReplicaItems.pointer(CONNECTOR, item);
        assertThat(p.version()).isEqualTo(4);
        assertThat(p.revision()).isEqualTo(5_000_002L);
        assertThat(p.rollout()).hasValueSatisfying(r -> {
            assertThat(r.rolloutId()).isEqualTo(rollout);
            assertThat(r.candidateVersion()).isEqualTo(5);
            assertThat(r.basisPoints()).isEqualTo(2_500);
            assertThat(r.groups()).containsExactly("eu");
            assertThat(r.step()).isEqualTo(1);
        });
        // a plain publish's pointer: revision version x 1,000,000, no rollout
        assertThat(ReplicaItems.pointer(CONNECTOR, ReplicaItems.activePointer(CONNECTOR, 9, "x")))
                .isEqualTo(new ReplicaPointer(CONNECTOR, 9, "x", 9_000_000L, Optional.empty()));
    }

    @Test
    void revisionsOrderPublishesAboveEveryMoveOfAnEarlierRollout() {
        assertThat(PointerRevision.plain(6)).isGreaterThan(PointerRevision.rollout(5, 999_999));
        assertThat(PointerRevision.rollout(5, 1)).isGreaterThan(PointerRevision.plain(5));
        assertThat(PointerRevision.rollout(5, 3)).isGreaterThan(PointerRevision.rollout(5, 2));
    }

    @Test
    void notificationsWithoutARevisionStillParse() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ConfigChangeNotification old = json.readValue(
                "{\"connector_id\":\"" + CONNECTOR + "\",\"version\":3,\"checksum\":\"c\"}",
                ConfigChangeNotification.class);
        assertThat(old.pointerRevision()).isZero();
        ConfigChangeNotification now = new ConfigChangeNotification(CONNECTOR, 3, "c");
        assertThat(json.readValue(json.writeValueAsString(now), ConfigChangeNotification.class))
                .isEqualTo(now);
        assertThat(now.pointerRevision()).isEqualTo(3_000_000L);
    }
}
