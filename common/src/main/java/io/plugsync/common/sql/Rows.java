package io.plugsync.common.sql;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Row set helpers of the reactive SQL client, for every repository in common and the services. */
public final class Rows {
    private Rows() {}

    public static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> mapper) {
        Iterator<Row> it = rows.iterator();
        return it.hasNext() ? Optional.of(mapper.apply(it.next())) : Optional.empty();
    }

    public static <T> T one(RowSet<Row> rows, Function<Row, T> mapper) {
        return mapper.apply(rows.iterator().next());
    }

    public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> out = new ArrayList<>();
        rows.forEach(row -> out.add(mapper.apply(row)));
        return out;
    }
}
