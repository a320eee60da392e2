-- Running syncs by lease end: connector-ingest re-queues expired leases (a worker that died) every
-- lease renewal (seconds), which must not scan the whole sync history.
CREATE INDEX connector_sync_event_lease
    ON connector_sync_event (next_attempt_at) WHERE status = 'running';
