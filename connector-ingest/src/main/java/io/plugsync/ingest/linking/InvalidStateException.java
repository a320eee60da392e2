package io.plugsync.ingest.linking;

/** An install-link state that is malformed, was not signed with our key, or has expired. */
public class InvalidStateException extends RuntimeException {
    /** Why the state was refused. */
    public enum Reason {
        MALFORMED,
        BAD_SIGNATURE,
        EXPIRED
    }

    private final Reason reason;

    public InvalidStateException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
