package dev.warden.persistence;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Columns of many rows bound as one array parameter each, for statements that {@code unnest} them. */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static <T, V> V[] column(List<T> rows, Function<T, V> value, IntFunction<V[]> array) {
        return rows.stream().map(value).toArray(array);
    }
}
