-- Organisations, their members and teams: the principals that grants and
-- created_by_org_membership_id columns point to.
CREATE TABLE organization (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- publish policy for AI agents (MCP): a person publishes unless 'allowed'
    agent_publish text NOT NULL DEFAULT 'never' CHECK (agent_publish IN ('never', 'allowed')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE org_membership (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organization (id),
    -- the token subject (sub claim) of the member
    subject         text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    display_name    text,
    email           text,
    role            text NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'viewer')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    removed_at      timestamptz,
    UNIQUE (organization_id, subject),
    UNIQUE (organization_id, id)
);

CREATE TABLE team (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organization (id),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, name),
    UNIQUE (organization_id, id)
);

CREATE TABLE team_membership (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id           uuid NOT NULL REFERENCES team (id),
    org_membership_id uuid NOT NULL REFERENCES org_membership (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (team_id, org_membership_id)
);

-- Shared trigger function: rows of append-only history tables never change.
CREATE FUNCTION plugsync_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable (% rejected)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
