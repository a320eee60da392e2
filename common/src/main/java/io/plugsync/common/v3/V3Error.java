package io.plugsync.common.v3;

/**
 * One problem found in a V3 document.
 *
 * @param pointer RFC 6901 JSON pointer into the document ({@code ""} for the whole document)
 * @param message what is wrong, for humans (the API and the CLI show the same text)
 * @param code stable machine-readable reason, e.g. {@code required}, {@code unknown_entity}
 */
public record V3Error(String pointer, String message, String code) {}
