package io.plugsync.common.source;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Row set helpers of the source SQL. */
final class Rows {
    private Rows() {}

    static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> mapper) {
        Iterator<Row> it = rows.iterator();
        return it.hasNext() ? Optional.of(mapper.apply(it.next())) : Optional.empty();
    }

    static <T> T one(RowSet<Row> rows, Function<Row, T> mapper) {
        return mapper.apply(rows.iterator().next());
    }

    static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> out = new ArrayList<>();
        rows.forEach(row -> out.add(mapper.apply(row)));
        return out;
    }
}
