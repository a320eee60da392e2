-- GitHub App installations as GitHub reports them (installation webhooks). A connector_account
-- (organisation-scoped) points at one through remote_id = installation id; an installation can
-- exist before any organisation has claimed it.
CREATE TABLE github_installation (
    installation_id      text PRIMARY KEY,
    account_login        text,
    account_type         text,
    repository_selection text,
    status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'deleted')),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    deleted_at           timestamptz
);

-- the worker's claim query: queued and running events of one target
CREATE INDEX connector_sync_event_by_target_status ON connector_sync_event (connector_target_id, status);
