-- Teams become managed through config-api: renamed (updated_at) and soft-deleted (deleted_at).
-- A deleted team stays as a row because removed grants keep pointing to it (grant rows are
-- soft-removed, never deleted); its memberships are deleted with it. Its name is free again:
-- names are unique among the live teams of an organisation only.
ALTER TABLE team ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE team ADD COLUMN deleted_at timestamptz;
ALTER TABLE team DROP CONSTRAINT team_organization_id_name_key;
CREATE UNIQUE INDEX team_live_name ON team (organization_id, name) WHERE deleted_at IS NULL;
CREATE INDEX team_by_org ON team (organization_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
