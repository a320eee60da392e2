package io.plugsync.common.replica;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Which share of a connector's workers a rollout reaches: each worker id falls in one of 10,000
 * buckets by a hash of connector id and worker id (never an address, which changes with every pod),
 * and a rollout at {@code b} basis points reaches the buckets below {@code b}. The same worker is in
 * the same bucket on every read and in every process, and a growing share keeps every worker it
 * already had, so a worker never goes back to the stable version while the rollout moves forward.
 */
public final class WorkerBuckets {
    /** Basis points of the whole fleet (100 %). */
    public static final int ALL = 10_000;

    private WorkerBuckets() {}

    /** The worker's bucket, 0 to 9,999. */
    public static int bucket(UUID connectorId, String workerId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((connectorId + "/" + workerId).getBytes(StandardCharsets.UTF_8));
            long value = ((digest[0] & 0xffL) << 24)
                    | ((digest[1] & 0xffL) << 16)
                    | ((digest[2] & 0xffL) << 8)
                    | (digest[3] & 0xffL);
            return (int) (value % ALL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Whether a share of {@code basisPoints} reaches the worker. */
    public static boolean reaches(int basisPoints, UUID connectorId, String workerId) {
        return basisPoints >= ALL || (basisPoints > 0 && bucket(connectorId, workerId) < basisPoints);
    }
}
