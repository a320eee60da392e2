package io.plugsync.api.source;

import java.util.UUID;

/**
 * The answer to a change of what a target syncs: {@code {item, queued_sync_event_id}}, the sync
 * event that will apply the change (newly queued or one already waiting), null when none was
 * queued (the target never synced or may not sync now).
 */
public record SourceChange<T>(T item, UUID queuedSyncEventId) {}
