package io.plugsync.common.replica;

/** A replica item set that does not reassemble into the payload its checksum describes. */
public class ReplicaIntegrityException extends RuntimeException {
    public ReplicaIntegrityException(String message) {
        super(message);
    }
}
