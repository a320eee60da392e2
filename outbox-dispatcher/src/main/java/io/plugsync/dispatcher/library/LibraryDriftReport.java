package io.plugsync.dispatcher.library;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Result of re-resolving every plugin and principal against the library replica.
 *
 * @param checked targets compared, per kind (plugin, member, team, org)
 * @param repaired targets the replica did not match and that were written (or recorded) now, per kind
 * @param drifted the keys of the repaired targets (at most 100 listed)
 */
public record LibraryDriftReport(
        OffsetDateTime checkedAt, Map<String, Long> checked, Map<String, Long> repaired, List<String> drifted) {}
