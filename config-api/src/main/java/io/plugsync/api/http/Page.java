package io.plugsync.api.http;

import java.util.List;

/** A list response: {@code {items, next_cursor}}; {@code next_cursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {}
