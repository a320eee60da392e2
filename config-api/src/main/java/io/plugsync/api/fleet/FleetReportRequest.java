package io.plugsync.api.fleet;

/**
 * Body of {@code POST /api/connectors/{id}/fleet/reports}: a worker's identity, the version it runs
 * and the events it handled and failed since its previous report.
 */
public record FleetReportRequest(String workerId, String group, Integer version, Long events, Long errors) {}
