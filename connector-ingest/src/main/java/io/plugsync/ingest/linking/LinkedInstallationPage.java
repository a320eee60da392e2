package io.plugsync.ingest.linking;

import java.util.List;

/** List answer shape of every list endpoint: {@code {items, next_cursor}}. */
public record LinkedInstallationPage(List<LinkedInstallation> items, String nextCursor) {}
