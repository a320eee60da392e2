package io.plugsync.api.library.support;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Small helpers for repositories. */
public final class Sql {
    private Sql() {}

    /** A tuple that may hold nulls. */
    public static Tuple tuple(Object... values) {
        return Tuple.from(values);
    }

    public static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> mapper) {
        Iterator<Row> it = rows.iterator();
        return it.hasNext() ? Optional.of(mapper.apply(it.next())) : Optional.empty();
    }

    public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> out = new ArrayList<>();
        rows.forEach(row -> out.add(mapper.apply(row)));
        return out;
    }
}
