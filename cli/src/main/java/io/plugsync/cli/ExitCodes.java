package io.plugsync.cli;

/** Documented exit codes of {@code plugsync}; scripts rely on them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** {@code diff --exit-code}: the files and the server differ. */
    public static final int DIFFERENT = 1;
    /** Wrong arguments or options. */
    public static final int USAGE = 2;
    /** The config is invalid (HTTP 422 or offline validation). */
    public static final int INVALID = 3;
    /**
     * Conflict (HTTP 409/412/423): stale base version, no changes, a review or approvals missing, publishing
     * frozen, a draft holding other writers' edits.
     */
    public static final int CONFLICT = 4;
    /** Not authenticated or not allowed (HTTP 401/403). */
    public static final int AUTH = 5;
    /** Not found (HTTP 404). */
    public static final int NOT_FOUND = 6;
    /** Server or network error after retries. */
    public static final int SERVER = 7;

    private ExitCodes() {}

    /** The exit code for an HTTP error status. */
    public static int forStatus(int status) {
        return switch (status) {
            case 401, 403 -> AUTH;
            case 404 -> NOT_FOUND;
            case 409, 412, 423 -> CONFLICT;
            case 400, 413, 415, 422 -> INVALID;
            default -> SERVER;
        };
    }
}
