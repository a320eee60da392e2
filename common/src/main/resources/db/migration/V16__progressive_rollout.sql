-- Progressive delivery of connector versions (issue 19): a publish may roll its version out to a
-- growing share of a connector's workers instead of flipping every worker at once. config-api owns
-- these tables (publish, the step evaluator, fleet reports); the outbox-dispatcher reads
-- connector_rollout to hold back the plain pointer flip of a version that is rolled out in steps.

-- One rollout per published version that is not delivered all at once. The plan (steps, step
-- interval, bake time, thresholds) is fixed at publish; state and step move forward only, each
-- pointer move is one row of connector_rollout_move and one outbox event in the same transaction.
CREATE TABLE connector_rollout (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    connector_id       uuid NOT NULL REFERENCES connector (id),
    organization_id    uuid NOT NULL REFERENCES organization (id),
    -- the version being rolled out and the one every other worker keeps running
    candidate_version  integer NOT NULL,
    stable_version     integer NOT NULL CHECK (stable_version > 0 AND stable_version < candidate_version),
    strategy           text NOT NULL CHECK (strategy IN ('canary', 'linear', 'exponential')),
    -- {steps: [{basis_points, groups}], step_interval_seconds, bake_seconds, thresholds: {...}}
    plan               jsonb NOT NULL,
    state              text NOT NULL CHECK (state IN ('in_progress', 'paused', 'completed', 'rolled_back',
                                                      'aborted', 'superseded')),
    -- index into plan.steps; the last step (every worker) lasts the bake time
    step_index         integer NOT NULL DEFAULT 0 CHECK (step_index >= 0),
    step_started_at    timestamptz NOT NULL DEFAULT now(),
    -- when the evaluator moves to the next step (or completes); null while paused or finished
    due_at             timestamptz,
    -- time left in the step when it was paused (resume continues from there)
    paused_remaining_ms bigint,
    -- pointer moves written so far; the replica's pointer revision is candidate_version * 1,000,000 + this
    moves              integer NOT NULL DEFAULT 0 CHECK (moves >= 0),
    evaluated_at       timestamptz NOT NULL DEFAULT now(),
    reason             text,
    created_by         text NOT NULL,
    created_by_kind    text NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz,
    FOREIGN KEY (connector_id, candidate_version) REFERENCES connector_config_versions (connector_id, version),
    FOREIGN KEY (connector_id, stable_version) REFERENCES connector_config_versions (connector_id, version),
    UNIQUE (connector_id, candidate_version)
);
-- one open rollout per connector (a publish during one is refused unless it supersedes it)
CREATE UNIQUE INDEX connector_rollout_one_open ON connector_rollout (connector_id)
    WHERE state IN ('in_progress', 'paused');
-- the evaluator's claim: running rollouts, least recently evaluated first
CREATE INDEX connector_rollout_running ON connector_rollout (evaluated_at) WHERE state = 'in_progress';
CREATE INDEX connector_rollout_by_connector ON connector_rollout (connector_id, created_at DESC, id DESC);

-- Append-only history of a rollout's pointer moves (what the fleet view lists as steps).
CREATE TABLE connector_rollout_move (
    rollout_id   uuid NOT NULL REFERENCES connector_rollout (id),
    seq          integer NOT NULL CHECK (seq > 0),
    step_index   integer NOT NULL,
    state        text NOT NULL,
    basis_points integer NOT NULL CHECK (basis_points BETWEEN 0 AND 10000),
    groups       jsonb NOT NULL DEFAULT '[]'::jsonb,
    reason       text,
    actor        text NOT NULL,
    moved_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (rollout_id, seq)
);
CREATE TRIGGER connector_rollout_move_immutable
    BEFORE UPDATE OR DELETE ON connector_rollout_move
    FOR EACH ROW EXECUTE FUNCTION plugsync_reject_change();

-- Report counters per rollout, step and version: what the thresholds compare. Bounded by the
-- number of steps of a rollout (two versions each).
CREATE TABLE connector_rollout_health (
    rollout_id uuid NOT NULL REFERENCES connector_rollout (id),
    step_index integer NOT NULL,
    version    integer NOT NULL,
    reports    bigint NOT NULL DEFAULT 0,
    events     bigint NOT NULL DEFAULT 0,
    errors     bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (rollout_id, step_index, version)
);

-- Rollout defaults: an organisation's (connector_id null) and a connector's own, which wins.
CREATE TABLE connector_rollout_default (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organization (id),
    connector_id    uuid REFERENCES connector (id),
    -- the rollout request as given (strategy, steps, times, thresholds)
    rollout         jsonb NOT NULL,
    updated_by      text NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX connector_rollout_default_org ON connector_rollout_default (organization_id)
    WHERE connector_id IS NULL;
CREATE UNIQUE INDEX connector_rollout_default_connector ON connector_rollout_default (connector_id)
    WHERE connector_id IS NOT NULL;

-- The fleet: one row per worker of a connector, its last report (rate-limited, pruned when stale).
CREATE TABLE fleet_worker (
    connector_id   uuid NOT NULL REFERENCES connector (id),
    worker_id      text NOT NULL CHECK (worker_id ~ '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$'),
    worker_group   text CHECK (worker_group ~ '^[a-z0-9]+([-_][a-z0-9]+)*$' AND length(worker_group) <= 64),
    version        integer NOT NULL CHECK (version >= 0),
    events         bigint NOT NULL DEFAULT 0,
    errors         bigint NOT NULL DEFAULT 0,
    reports        bigint NOT NULL DEFAULT 1,
    first_seen_at  timestamptz NOT NULL DEFAULT now(),
    last_report_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (connector_id, worker_id)
);
CREATE INDEX fleet_worker_stale ON fleet_worker (last_report_at);
