package io.plugsync.api.draft;

import java.util.Map;

/** Body of {@code POST /draft/rebase}: for each conflicting JSON pointer, {@code draft} or {@code active}. */
public record RebaseRequest(Map<String, String> resolutions) {}
