package io.plugsync.api.library.support;

import io.plugsync.common.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.util.function.Function;

/** Maps PostgreSQL constraint violations that a request can cause to problems. */
public final class PgErrors {
    private PgErrors() {}

    /** A unique violation becomes a 409 with {@code reason}. */
    public static <T> Function<Uni<T>, Uni<T>> uniqueAs(String reason, String detail) {
        return uni -> uni.onFailure(PgErrors::isUnique).transform(e -> ProblemException.conflict(reason, detail));
    }

    public static boolean isUnique(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }
}
