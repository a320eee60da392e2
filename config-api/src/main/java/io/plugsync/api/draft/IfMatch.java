package io.plugsync.api.draft;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;

/** {@code If-Match} against the draft revision (the ETag is {@code "<revision>"}). */
public final class IfMatch {
    private IfMatch() {}

    /** Throws 412 when the header names another revision; absent or {@code *} always matches. */
    public static void check(String header, long revision) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return;
        }
        for (String tag : header.split(",")) {
            String value = tag.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            value = value.replace("\"", "");
            if (value.equals(Long.toString(revision))) {
                return;
            }
        }
        throw new ProblemException(Problem.of(
                        412,
                        "stale-revision",
                        "Precondition failed",
                        "the draft changed since you read it; it is now at revision " + revision)
                .with("revision", revision));
    }
}
