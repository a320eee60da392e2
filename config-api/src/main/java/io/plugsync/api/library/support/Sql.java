package io.plugsync.api.library.support;

import io.vertx.mutiny.sqlclient.Tuple;

/** Small helpers for repositories. */
public final class Sql {
    private Sql() {}

    /** A tuple that may hold nulls. */
    public static Tuple tuple(Object... values) {
        return Tuple.from(values);
    }
}
