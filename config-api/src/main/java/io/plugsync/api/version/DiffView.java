package io.plugsync.api.version;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.v3.DiffSummary;

/** {@code GET /diff}: the RFC 6902 patch from {@code from} to {@code to} and a per-section summary. */
public record DiffView(String from, String to, boolean hasChanges, JsonNode patch, DiffSummary summary) {}
