package io.plugsync.api.http;

/** A single-resource response: {@code {item}}. */
public record Item<T>(T item) {
    public static <T> Item<T> of(T item) {
        return new Item<>(item);
    }
}
