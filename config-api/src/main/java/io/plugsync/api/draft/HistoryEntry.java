package io.plugsync.api.draft;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/** One journalled draft change: who ({@code actor}), from which kind of writer, which paths. */
public record HistoryEntry(
        long id,
        long revision,
        String action,
        String writerKind,
        String actor,
        List<String> paths,
        JsonNode detail,
        OffsetDateTime createdAt) {}
