-- Seed 001: config objects, plugins, RBAC grants, releases, source connectors.

CREATE TABLE connector_account (
    id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id              uuid NOT NULL REFERENCES organization (id),
    connector_type               text NOT NULL CHECK (connector_type IN ('github')),
    remote_id                    text NOT NULL,
    external_account_ref         text,
    display_name                 text NOT NULL,
    status                       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disconnected', 'suspended')),
    created_by_org_membership_id uuid REFERENCES org_membership (id),
    created_at                   timestamptz NOT NULL DEFAULT now(),
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, connector_type, remote_id),
    UNIQUE (organization_id, id)
);

CREATE TABLE connector_instance (
    id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id              uuid NOT NULL REFERENCES organization (id),
    connector_account_id         uuid NOT NULL,
    connector_type               text NOT NULL,
    remote_id                    text,
    name                         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    status                       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'disabled', 'disconnected')),
    instance_config_json         jsonb NOT NULL DEFAULT '{}'::jsonb,
    last_synced_at               timestamptz,
    last_sync_status             text,
    last_sync_cursor             text,
    created_by_org_membership_id uuid REFERENCES org_membership (id),
    created_at                   timestamptz NOT NULL DEFAULT now(),
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (organization_id, connector_account_id) REFERENCES connector_account (organization_id, id),
    UNIQUE (organization_id, id)
);

CREATE TABLE connector_target (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    connector_instance_id uuid NOT NULL REFERENCES connector_instance (id),
    connector_type        text NOT NULL,
    -- canonical external identifier, e.g. owner/repo for a GitHub repository
    remote_id             text NOT NULL,
    target_kind           text NOT NULL DEFAULT 'repository_branch',
    external_target_ref   text NOT NULL,
    target_config_json    jsonb NOT NULL DEFAULT '{}'::jsonb,
    status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    last_synced_revision_ref text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (connector_instance_id, remote_id, external_target_ref)
);

CREATE TABLE config_object (
    id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id              uuid NOT NULL REFERENCES organization (id),
    object_type                  text NOT NULL CHECK (object_type IN ('skill', 'mcp', 'command', 'agent', 'hook', 'context', 'custom')),
    source_mode                  text NOT NULL CHECK (source_mode IN ('cloud', 'import', 'connector')),
    -- current projection of the latest version (plaintext for dashboard and search)
    title                        text NOT NULL,
    description                  text,
    search_text                  text,
    slug                         text,
    current_file_name            text,
    current_file_extension       text,
    current_relative_path        text,
    status                       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'deleted', 'archived', 'ingestion_error')),
    created_by_org_membership_id uuid REFERENCES org_membership (id),
    connector_instance_id        uuid REFERENCES connector_instance (id),
    created_at                   timestamptz NOT NULL DEFAULT now(),
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    deleted_at                   timestamptz,
    UNIQUE (organization_id, id)
);
CREATE INDEX config_object_by_org ON config_object (organization_id, object_type, status);
CREATE INDEX config_object_search ON config_object USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(search_text, '')));

CREATE TABLE connector_mapping (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    connector_instance_id uuid NOT NULL REFERENCES connector_instance (id),
    connector_target_id   uuid NOT NULL REFERENCES connector_target (id),
    connector_type        text NOT NULL,
    remote_id             text,
    mapping_kind          text NOT NULL DEFAULT 'path' CHECK (mapping_kind IN ('path', 'api', 'custom')),
    selector              text NOT NULL CHECK (length(selector) BETWEEN 1 AND 500),
    object_type           text NOT NULL CHECK (object_type IN ('skill', 'mcp', 'command', 'agent', 'hook', 'context', 'custom')),
    plugin_id             uuid,
    auto_add_to_plugin    boolean NOT NULL DEFAULT false,
    mapping_config_json   jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE connector_sync_event (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    connector_instance_id uuid NOT NULL REFERENCES connector_instance (id),
    connector_target_id   uuid REFERENCES connector_target (id),
    connector_type        text NOT NULL,
    remote_id             text,
    event_type            text NOT NULL,
    external_event_ref    text,
    source_revision_ref   text,
    status                text NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'completed', 'completed_with_errors', 'failed', 'needs_confirmation', 'skipped', 'cancelled')),
    summary_json          jsonb NOT NULL DEFAULT '{}'::jsonb,
    attempts              integer NOT NULL DEFAULT 0,
    next_attempt_at       timestamptz NOT NULL DEFAULT now(),
    started_at            timestamptz NOT NULL DEFAULT now(),
    completed_at          timestamptz
);
CREATE INDEX connector_sync_event_queued ON connector_sync_event (next_attempt_at) WHERE status = 'queued';
CREATE INDEX connector_sync_event_by_instance ON connector_sync_event (connector_instance_id, started_at DESC);
-- one queued/running sync per (target, head SHA): webhook de-duplication
CREATE UNIQUE INDEX connector_sync_event_target_revision
    ON connector_sync_event (connector_target_id, source_revision_ref)
    WHERE source_revision_ref IS NOT NULL AND status IN ('queued', 'running', 'completed', 'completed_with_errors', 'needs_confirmation');

-- GitHub deliveries seen (de-duplication by X-GitHub-Delivery).
CREATE TABLE github_webhook_delivery (
    delivery_id   text PRIMARY KEY,
    event_name    text NOT NULL,
    action        text,
    outcome       text NOT NULL,
    sync_event_id uuid REFERENCES connector_sync_event (id),
    received_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE config_object_version (
    id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    config_object_id             uuid NOT NULL REFERENCES config_object (id),
    -- AEAD ciphertext (Tink) of the normalized payload JSON and raw source text
    normalized_payload_json      bytea NOT NULL,
    raw_source_text              bytea,
    encryption_key_id            text NOT NULL,
    schema_version               text,
    created_via                  text NOT NULL CHECK (created_via IN ('cloud', 'import', 'connector', 'system')),
    created_by_org_membership_id uuid REFERENCES org_membership (id),
    connector_sync_event_id      uuid REFERENCES connector_sync_event (id),
    source_revision_ref          text,
    is_deleted_version           boolean NOT NULL DEFAULT false,
    created_at                   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX config_object_version_latest
    ON config_object_version (config_object_id, created_at DESC, id DESC);
CREATE TRIGGER config_object_version_immutable
    BEFORE UPDATE OR DELETE ON config_object_version
    FOR EACH ROW EXECUTE FUNCTION plugsync_reject_change();

CREATE TABLE plugin (
    id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id              uuid NOT NULL REFERENCES organization (id),
    name                         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description                  text,
    status                       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'archived', 'deleted')),
    created_by_org_membership_id uuid REFERENCES org_membership (id),
    created_at                   timestamptz NOT NULL DEFAULT now(),
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    deleted_at                   timestamptz,
    UNIQUE (organization_id, id)
);

ALTER TABLE connector_mapping
    ADD CONSTRAINT connector_mapping_plugin_fk FOREIGN KEY (plugin_id) REFERENCES plugin (id);

CREATE TABLE plugin_config_object (
    id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    plugin_id                    uuid NOT NULL REFERENCES plugin (id),
    config_object_id             uuid NOT NULL REFERENCES config_object (id),
    membership_source            text NOT NULL CHECK (membership_source IN ('manual', 'connector', 'api', 'system')),
    connector_mapping_id         uuid REFERENCES connector_mapping (id),
    created_by_org_membership_id uuid REFERENCES org_membership (id),
    created_at                   timestamptz NOT NULL DEFAULT now(),
    removed_at                   timestamptz,
    -- one logical membership row per pair, soft-removed and reactivated
    UNIQUE (plugin_id, config_object_id)
);
CREATE UNIQUE INDEX plugin_config_object_active
    ON plugin_config_object (plugin_id, config_object_id) WHERE removed_at IS NULL;

-- Grants share one shape: exactly one principal (member, team or the whole org).
CREATE TABLE plugin_access_grant (
    id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    plugin_id                    uuid NOT NULL REFERENCES plugin (id),
    org_membership_id            uuid REFERENCES org_membership (id),
    team_id                      uuid REFERENCES team (id),
    org_wide                     boolean NOT NULL DEFAULT false,
    role                         text NOT NULL CHECK (role IN ('viewer', 'editor', 'manager')),
    created_by_org_membership_id uuid REFERENCES org_membership (id),
    created_at                   timestamptz NOT NULL DEFAULT now(),
    removed_at                   timestamptz,
    CHECK (num_nonnulls(org_membership_id, team_id, nullif(org_wide, false)) = 1)
);
CREATE UNIQUE INDEX plugin_access_grant_principal
    ON plugin_access_grant (plugin_id, coalesce(org_membership_id::text, team_id::text, 'org'));

CREATE TABLE config_object_access_grant (
    id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    config_object_id             uuid NOT NULL REFERENCES config_object (id),
    org_membership_id            uuid REFERENCES org_membership (id),
    team_id                      uuid REFERENCES team (id),
    org_wide                     boolean NOT NULL DEFAULT false,
    role                         text NOT NULL CHECK (role IN ('viewer', 'editor', 'manager')),
    created_by_org_membership_id uuid REFERENCES org_membership (id),
    created_at                   timestamptz NOT NULL DEFAULT now(),
    removed_at                   timestamptz,
    CHECK (num_nonnulls(org_membership_id, team_id, nullif(org_wide, false)) = 1)
);
CREATE UNIQUE INDEX config_object_access_grant_principal
    ON config_object_access_grant (config_object_id, coalesce(org_membership_id::text, team_id::text, 'org'));

CREATE TABLE connector_instance_access_grant (
    id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    connector_instance_id        uuid NOT NULL REFERENCES connector_instance (id),
    org_membership_id            uuid REFERENCES org_membership (id),
    team_id                      uuid REFERENCES team (id),
    org_wide                     boolean NOT NULL DEFAULT false,
    role                         text NOT NULL CHECK (role IN ('viewer', 'editor', 'manager')),
    created_by_org_membership_id uuid REFERENCES org_membership (id),
    created_at                   timestamptz NOT NULL DEFAULT now(),
    removed_at                   timestamptz,
    CHECK (num_nonnulls(org_membership_id, team_id, nullif(org_wide, false)) = 1)
);
CREATE UNIQUE INDEX connector_instance_access_grant_principal
    ON connector_instance_access_grant (connector_instance_id, coalesce(org_membership_id::text, team_id::text, 'org'));

CREATE TABLE connector_source_binding (
    id                             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    config_object_id               uuid NOT NULL REFERENCES config_object (id),
    connector_instance_id          uuid NOT NULL REFERENCES connector_instance (id),
    connector_target_id            uuid NOT NULL REFERENCES connector_target (id),
    connector_mapping_id           uuid NOT NULL REFERENCES connector_mapping (id),
    connector_type                 text NOT NULL,
    remote_id                      text,
    external_locator               text NOT NULL,
    external_stable_ref            text,
    last_seen_source_revision_ref  text,
    status                         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
    created_at                     timestamptz NOT NULL DEFAULT now(),
    updated_at                     timestamptz NOT NULL DEFAULT now(),
    deleted_at                     timestamptz
);
-- one live binding per source location and per object
CREATE UNIQUE INDEX connector_source_binding_active_locator
    ON connector_source_binding (connector_target_id, external_locator) WHERE status = 'active';
CREATE UNIQUE INDEX connector_source_binding_active_object
    ON connector_source_binding (config_object_id) WHERE status = 'active';

CREATE TABLE connector_source_tombstone (
    id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    connector_instance_id       uuid NOT NULL REFERENCES connector_instance (id),
    connector_target_id         uuid NOT NULL REFERENCES connector_target (id),
    connector_mapping_id        uuid NOT NULL REFERENCES connector_mapping (id),
    connector_type              text NOT NULL,
    remote_id                   text,
    external_locator            text NOT NULL,
    former_config_object_id     uuid NOT NULL REFERENCES config_object (id),
    deleted_in_sync_event_id    uuid NOT NULL REFERENCES connector_sync_event (id),
    deleted_source_revision_ref text,
    created_at                  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connector_source_tombstone_locator ON connector_source_tombstone (connector_target_id, external_locator);
CREATE TRIGGER connector_source_tombstone_immutable
    BEFORE UPDATE OR DELETE ON connector_source_tombstone
    FOR EACH ROW EXECUTE FUNCTION plugsync_reject_change();

CREATE TABLE plugin_release (
    id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    plugin_id                    uuid NOT NULL REFERENCES plugin (id),
    release_kind                 text NOT NULL CHECK (release_kind IN ('manual', 'system', 'access_change', 'sync_snapshot')),
    created_by_org_membership_id uuid REFERENCES org_membership (id),
    created_at                   timestamptz NOT NULL DEFAULT clock_timestamp(),
    notes                        text
);
CREATE TRIGGER plugin_release_immutable
    BEFORE UPDATE OR DELETE ON plugin_release
    FOR EACH ROW EXECUTE FUNCTION plugsync_reject_change();

CREATE TABLE plugin_release_item (
    id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    plugin_release_id        uuid NOT NULL REFERENCES plugin_release (id),
    config_object_id         uuid NOT NULL REFERENCES config_object (id),
    config_object_version_id uuid NOT NULL REFERENCES config_object_version (id),
    created_at               timestamptz NOT NULL DEFAULT now(),
    UNIQUE (plugin_release_id, config_object_id)
);
CREATE TRIGGER plugin_release_item_immutable
    BEFORE UPDATE OR DELETE ON plugin_release_item
    FOR EACH ROW EXECUTE FUNCTION plugsync_reject_change();
