package io.plugsync.common.delivery;

/**
 * A plugin as the replica holds it: its delivery version (per plugin, only increasing), the
 * checksum of its resolved document, and the document (the manifest form in lists, the whole form
 * with content when one plugin is read).
 */
public record DeliveredPlugin(long version, String checksum, ResolvedPlugin plugin) {}
