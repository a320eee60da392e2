package io.plugsync.common.library;

import com.fasterxml.jackson.databind.JsonNode;

/** The decrypted content of a version: normalized payload and raw text (null for deleted versions). */
public record VersionContent(JsonNode payload, String rawText) {}
