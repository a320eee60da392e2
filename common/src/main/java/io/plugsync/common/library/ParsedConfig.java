package io.plugsync.common.library;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A valid version: its normalized payload (stored encrypted), the raw text (stored encrypted) and
 * the plaintext projection for the parent row.
 */
public record ParsedConfig(ObjectType type, JsonNode payload, String rawText, Projection projection) {

    /** Identifies the parser rules that produced {@link #payload()} ({@code schema_version}). */
    public static final String SCHEMA_VERSION = "library-1";
}
