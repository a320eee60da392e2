package io.plugsync.common.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class WorkerBucketsTest {
    private static final UUID CONNECTOR = UUID.fromString("6f1c8f0e-2b7a-4a57-9d43-6c9b1d0f5a11");

    private static Set<String> reached(UUID connector, int basisPoints, int workers) {
        return IntStream.range(0, workers)
                .mapToObj(i -> "worker-" + i)
                .filter(w -> WorkerBuckets.reaches(basisPoints, connector, w))
                .collect(Collectors.toSet());
    }

    @Test
    void aTenPercentCanaryPicksTheSameWorkersOnEveryRead() {
        Set<String> first = reached(CONNECTOR, 1_000, 10_000);
        for (int read = 0; read < 5; read++) {
            assertThat(reached(CONNECTOR, 1_000, 10_000)).isEqualTo(first);
        }
        // a stable hash, not a lottery: about a tenth of a large fleet
        assertThat(first.size()).isBetween(900, 1_100);
    }

    @Test
    void bucketsArePinnedValuesOfConnectorAndWorkerId() {
        // SHA-256 of "<connector>/<worker>", first four bytes big-endian, mod 10,000 (computed outside
        // Java): a change of the hash would move workers between versions in the middle of rollouts
        assertThat(WorkerBuckets.bucket(UUID.fromString("00000000-0000-0000-0000-000000000001"), "w-1"))
                .isEqualTo(5275);
        assertThat(WorkerBuckets.bucket(CONNECTOR, "worker-0")).isEqualTo(2360);
        assertThat(WorkerBuckets.reaches(2361, CONNECTOR, "worker-0")).isTrue();
        assertThat(WorkerBuckets.reaches(2360, CONNECTOR, "worker-0")).isFalse();
    }

    @RepeatedTest(20)
    void aGrowingShareKeepsEveryWorkerItAlreadyReached() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        UUID connector = new UUID(random.nextLong(), random.nextLong());
        int share = 0;
        Set<String> before = new HashSet<>();
        while (share < WorkerBuckets.ALL) {
            share = Math.min(WorkerBuckets.ALL, share + 1 + random.nextInt(3_000));
            Set<String> now = reached(connector, share, 2_000);
            assertThat(now).as("seed %d, share %d", seed, share).containsAll(before);
            before = now;
        }
        assertThat(before).as("seed %d: 100 %% reaches everyone", seed).hasSize(2_000);
    }

    @Test
    void zeroReachesNobodyAndEachConnectorPicksItsOwnWorkers() {
        assertThat(reached(CONNECTOR, 0, 1_000)).isEmpty();
        Set<String> other = reached(UUID.fromString("0b6a2d38-3c34-4d4e-8a8e-6f2d8a1c9b77"), 1_000, 10_000);
        assertThat(other).isNotEqualTo(reached(CONNECTOR, 1_000, 10_000));
    }
}
