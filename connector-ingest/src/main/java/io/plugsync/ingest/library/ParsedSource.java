package io.plugsync.ingest.library;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A parsed file: the current projection (plaintext) and the normalized payload (encrypted at rest). */
public record ParsedSource(String title, String description, String searchText, ObjectNode payload) {}
