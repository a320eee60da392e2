package io.plugsync.common.outbox;

/**
 * A stored outbox event that cannot be read into its payload record. {@link #retryable()} when a
 * newer service can read it (a newer schema version during a rolling update); otherwise it never
 * will be.
 */
public final class UndecodableEventException extends RuntimeException {
    private final boolean retryable;

    public UndecodableEventException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
