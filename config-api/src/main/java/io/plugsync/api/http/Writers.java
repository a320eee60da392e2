package io.plugsync.api.http;

import io.plugsync.common.auth.WriterKind;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import java.util.List;

/** Parses {@code X-PlugSync-Writer}; an unknown kind is a 400. */
public final class Writers {
    private Writers() {}

    public static WriterKind parse(String header) {
        return WriterKind.fromHeader(header)
                .orElseThrow(() -> new ProblemException(Problem.of(
                                400,
                                "invalid-writer",
                                "Bad request",
                                "X-PlugSync-Writer must be one of dashboard, agent, mcp, script, api")
                        .withErrors(List.of(
                                new Problem.FieldError("header:X-PlugSync-Writer", "unknown writer kind", "enum")))));
    }
}
