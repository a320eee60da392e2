-- Seed 000: connector config V3, draft -> publish, transactional outbox.
CREATE TABLE connector (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organization (id),
    name            text NOT NULL CHECK (name ~ '^[a-z0-9]+([-_][a-z0-9]+)*$' AND length(name) <= 100),
    display_name    text,
    kind            text NOT NULL DEFAULT 'custom' CHECK (length(kind) BETWEEN 1 AND 100),
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    archived_at     timestamptz,
    UNIQUE (organization_id, name)
);

-- One mutable draft per connector; every writer edits it.
CREATE TABLE connector_config_drafts (
    connector_id          uuid PRIMARY KEY REFERENCES connector (id),
    document              jsonb NOT NULL,
    -- the version this draft started from (0 before the first publish)
    base_version          integer NOT NULL DEFAULT 0 CHECK (base_version >= 0),
    -- optimistic concurrency for draft writes (ETag / If-Match)
    revision              bigint NOT NULL DEFAULT 1 CHECK (revision > 0),
    restored_from_version integer,
    updated_by            text NOT NULL,
    updated_by_kind       text NOT NULL CHECK (updated_by_kind IN ('dashboard', 'agent', 'mcp', 'script', 'api', 'system')),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

-- Append-only history of published versions; exactly one active per connector.
CREATE TABLE connector_config_versions (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    connector_id      uuid NOT NULL REFERENCES connector (id),
    version           integer NOT NULL CHECK (version > 0),
    document          jsonb NOT NULL,
    -- sha256 of the canonical JSON of document, hex
    checksum          text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
    is_active         boolean NOT NULL DEFAULT false,
    published_by      text NOT NULL,
    published_by_kind text NOT NULL,
    message           text,
    based_on_version  integer NOT NULL CHECK (based_on_version >= 0),
    published_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (connector_id, version)
);
CREATE UNIQUE INDEX connector_config_versions_one_active
    ON connector_config_versions (connector_id) WHERE is_active;

-- Versions are immutable: only the is_active flag may flip (publish moves it).
CREATE FUNCTION connector_config_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'connector_config_versions rows are immutable (DELETE rejected)'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF (NEW.id, NEW.connector_id, NEW.version, NEW.document, NEW.checksum, NEW.published_by,
        NEW.published_by_kind, NEW.message, NEW.based_on_version, NEW.published_at)
       IS DISTINCT FROM
       (OLD.id, OLD.connector_id, OLD.version, OLD.document, OLD.checksum, OLD.published_by,
        OLD.published_by_kind, OLD.message, OLD.based_on_version, OLD.published_at) THEN
        RAISE EXCEPTION 'connector_config_versions rows are immutable (only is_active may change)'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER connector_config_versions_immutable
    BEFORE UPDATE OR DELETE ON connector_config_versions
    FOR EACH ROW EXECUTE FUNCTION connector_config_versions_guard();

-- One manifest per event flow of a published version (what a worker needs for one flow).
CREATE TABLE event_flow_manifests (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    connector_id uuid NOT NULL,
    version      integer NOT NULL,
    flow_key     text NOT NULL,
    source       text NOT NULL,
    event_type   text NOT NULL,
    manifest     jsonb NOT NULL,
    checksum     text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (connector_id, version) REFERENCES connector_config_versions (connector_id, version),
    UNIQUE (connector_id, version, flow_key)
);
CREATE TRIGGER event_flow_manifests_immutable
    BEFORE UPDATE OR DELETE ON event_flow_manifests
    FOR EACH ROW EXECUTE FUNCTION plugsync_reject_change();

-- Draft change journal: who changed which paths, from which kind of writer.
CREATE TABLE connector_config_draft_changes (
    id           bigserial PRIMARY KEY,
    connector_id uuid NOT NULL REFERENCES connector (id),
    revision     bigint NOT NULL,
    action       text NOT NULL,
    writer_kind  text NOT NULL CHECK (writer_kind IN ('dashboard', 'agent', 'mcp', 'script', 'api', 'system')),
    actor        text NOT NULL,
    paths        jsonb NOT NULL DEFAULT '[]'::jsonb,
    detail       jsonb,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connector_config_draft_changes_by_connector
    ON connector_config_draft_changes (connector_id, id DESC);
CREATE TRIGGER connector_config_draft_changes_immutable
    BEFORE UPDATE OR DELETE ON connector_config_draft_changes
    FOR EACH ROW EXECUTE FUNCTION plugsync_reject_change();

-- Idempotency keys of publish requests: the same key and body get the first answer.
CREATE TABLE publish_idempotency_key (
    connector_id    uuid NOT NULL REFERENCES connector (id),
    idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    request_hash    text NOT NULL,
    response_status integer NOT NULL,
    response_body   jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (connector_id, idempotency_key)
);

-- Transactional outbox, written in the same transaction as the change it describes.
-- Delivery bookkeeping lives on the row: the dispatcher claims rows with
-- FOR UPDATE SKIP LOCKED and records attempts, the next attempt time, the last
-- error and the delivered (or dead) time.
CREATE TABLE outbox_event (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- commit-order-ish sequence for ordering per aggregate
    seq             bigserial NOT NULL UNIQUE,
    aggregate_type  text NOT NULL,
    aggregate_id    text NOT NULL,
    event_type      text NOT NULL,
    payload         jsonb NOT NULL,
    -- W3C trace context of the writing request, so one trace spans API -> dispatcher
    trace_context   jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    delivered_at    timestamptz,
    dead_at         timestamptz
);
CREATE INDEX outbox_event_pending
    ON outbox_event (aggregate_type, aggregate_id, seq) WHERE delivered_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_event_due
    ON outbox_event (next_attempt_at, seq) WHERE delivered_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_event_by_aggregate
    ON outbox_event (aggregate_type, aggregate_id, seq DESC);

-- Wake dispatchers (LISTEN plugsync_outbox) when an event commits.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('plugsync_outbox', NEW.aggregate_type);
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_event_notify
    AFTER INSERT ON outbox_event
    FOR EACH ROW EXECUTE FUNCTION outbox_event_notify();
