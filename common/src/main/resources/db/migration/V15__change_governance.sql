-- Change governance (issue 20): who may publish a connector config, and when. A publish policy per
-- organisation (next to agent_publish) that a connector may override field by field, review
-- requests on a frozen snapshot of the draft with approvals, scheduled publishes of such a
-- snapshot, and the notifications a failed scheduled publish leaves for the people working on the
-- connector. Written only by config-api (io.plugsync.api.governance); every decision is also
-- journalled in connector_config_draft_changes.

-- Organisation policy. publishers: the organisation roles that may publish (viewers never write);
-- freeze_windows: [{"starts_at", "ends_at", "reason"}], publishing refused (423) inside one.
ALTER TABLE organization
    ADD COLUMN required_approvals  integer NOT NULL DEFAULT 0 CHECK (required_approvals BETWEEN 0 AND 10),
    ADD COLUMN allow_self_approval boolean NOT NULL DEFAULT false,
    ADD COLUMN publishers          text[]  NOT NULL DEFAULT ARRAY['editor', 'admin', 'owner']
        CHECK (cardinality(publishers) >= 1 AND publishers <@ ARRAY['editor', 'admin', 'owner']),
    ADD COLUMN freeze_windows      jsonb   NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(freeze_windows) = 'array');

-- Per-connector overrides: a null column inherits the organisation's value.
CREATE TABLE connector_publish_policy (
    connector_id        uuid PRIMARY KEY REFERENCES connector (id),
    required_approvals  integer CHECK (required_approvals BETWEEN 0 AND 10),
    allow_self_approval boolean,
    publishers          text[] CHECK (publishers IS NULL
        OR (cardinality(publishers) >= 1 AND publishers <@ ARRAY['editor', 'admin', 'owner'])),
    agent_publish       text CHECK (agent_publish IN ('never', 'allowed')),
    freeze_windows      jsonb CHECK (freeze_windows IS NULL OR jsonb_typeof(freeze_windows) = 'array'),
    updated_by          text NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- A request to review the draft as it stood: its revision, document and diff against the active
-- version are frozen; approvals count only while the draft is still at that revision.
CREATE TABLE connector_review (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    connector_id      uuid NOT NULL REFERENCES connector (id),
    draft_revision    bigint NOT NULL,
    base_version      integer NOT NULL CHECK (base_version >= 0),
    active_version    integer NOT NULL CHECK (active_version >= 0),
    document          jsonb NOT NULL,
    checksum          text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
    -- RFC 6902 patch active -> draft, the per-section summary and the changed JSON pointers
    patch             jsonb NOT NULL,
    changes           jsonb NOT NULL,
    changed_paths     jsonb NOT NULL,
    summary           text NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
    requested_by      text NOT NULL,
    requested_by_kind text NOT NULL CHECK (requested_by_kind IN ('dashboard', 'agent', 'mcp', 'script', 'api', 'system')),
    requested_at      timestamptz NOT NULL DEFAULT now(),
    status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'published', 'superseded', 'withdrawn')),
    published_version integer,
    closed_by         text,
    closed_at         timestamptz,
    CHECK ((status = 'open') = (closed_at IS NULL)),
    CHECK ((status = 'published') = (published_version IS NOT NULL))
);
-- one open review per connector: a new request supersedes the previous one
CREATE UNIQUE INDEX connector_review_one_open ON connector_review (connector_id) WHERE status = 'open';
CREATE INDEX connector_review_by_connector ON connector_review (connector_id, requested_at DESC, id DESC);

CREATE FUNCTION connector_review_snapshot_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the snapshot of a connector_review is frozen (only status and closing columns change)'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER connector_review_snapshot_frozen
    BEFORE UPDATE OF id, connector_id, draft_revision, base_version, active_version, document, checksum, patch,
                     changes, changed_paths, summary, requested_by, requested_by_kind, requested_at
    OR DELETE ON connector_review
    FOR EACH ROW EXECUTE FUNCTION connector_review_snapshot_guard();

-- The review thread, append-only: approvals, change requests and comments. A reviewer's latest
-- approved / changes_requested verdict is the one that counts.
CREATE TABLE connector_review_verdict (
    id          bigserial PRIMARY KEY,
    review_id   uuid NOT NULL REFERENCES connector_review (id),
    verdict     text NOT NULL CHECK (verdict IN ('approved', 'changes_requested', 'commented')),
    reviewer    text NOT NULL,
    writer_kind text NOT NULL CHECK (writer_kind IN ('dashboard', 'agent', 'mcp', 'script', 'api', 'system')),
    comment     text CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 4000),
    -- the reviewer requested the review or wrote part of the draft (allowed only by allow_self_approval)
    self_review boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connector_review_verdict_by_review ON connector_review_verdict (review_id, id);
CREATE TRIGGER connector_review_verdict_immutable
    BEFORE UPDATE OR DELETE ON connector_review_verdict
    FOR EACH ROW EXECUTE FUNCTION plugsync_reject_change();

-- A publish of one draft snapshot (revision + checksum) on one base version at a time. Replicas of
-- config-api claim due rows with FOR UPDATE SKIP LOCKED and hold the lock until the outcome commits.
CREATE TABLE connector_scheduled_publish (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    connector_id      uuid NOT NULL REFERENCES connector (id),
    review_id         uuid REFERENCES connector_review (id),
    draft_revision    bigint NOT NULL,
    base_version      integer NOT NULL CHECK (base_version >= 0),
    checksum          text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
    publish_at        timestamptz NOT NULL,
    message           text CHECK (message IS NULL OR length(message) <= 1000),
    scheduled_by      text NOT NULL,
    scheduled_by_kind text NOT NULL CHECK (scheduled_by_kind IN ('dashboard', 'agent', 'mcp', 'script', 'api')),
    -- the scheduler's organisation role when scheduling (re-read from org_membership at fire time when present)
    scheduled_by_role text NOT NULL CHECK (scheduled_by_role IN ('editor', 'admin', 'owner')),
    status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'failed', 'cancelled')),
    published_version integer,
    -- the problem document of a failed fire
    failure           jsonb,
    fired_at          timestamptz,
    cancelled_by      text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'published') = (published_version IS NOT NULL)),
    CHECK ((status = 'failed') = (failure IS NOT NULL))
);
CREATE UNIQUE INDEX connector_scheduled_publish_one_pending
    ON connector_scheduled_publish (connector_id) WHERE status = 'pending';
CREATE INDEX connector_scheduled_publish_due
    ON connector_scheduled_publish (publish_at, id) WHERE status = 'pending';
CREATE INDEX connector_scheduled_publish_by_connector
    ON connector_scheduled_publish (connector_id, created_at DESC, id DESC);

-- What the people working on a connector must see (the dashboard workspace, `plugsync review
-- status`, GET .../notifications) until one of them dismisses it.
CREATE TABLE connector_notification (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    connector_id uuid NOT NULL REFERENCES connector (id),
    kind         text NOT NULL CHECK (kind IN ('scheduled_publish_failed')),
    message      text NOT NULL,
    detail       jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    dismissed_by text,
    dismissed_at timestamptz,
    CHECK ((dismissed_at IS NULL) = (dismissed_by IS NULL))
);
CREATE INDEX connector_notification_by_connector
    ON connector_notification (connector_id, created_at DESC, id DESC);
