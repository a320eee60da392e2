-- Seed 001 contract (issue 23), the GitHub source side.
--
-- 1. A mapping names the person who configured it: objects a connector creates are attributed to
--    that member (created_by_org_membership_id = creator = implicit manager, rbac.md decisions 4
--    and 7). Existing mappings take their instance's creator.
ALTER TABLE connector_mapping ADD COLUMN created_by_org_membership_id uuid REFERENCES org_membership (id);
UPDATE connector_mapping m SET created_by_org_membership_id = i.created_by_org_membership_id
  FROM connector_instance i WHERE i.id = m.connector_instance_id;

-- 2. A mapping that has synced can be retired instead of deleted: its bindings and tombstones keep
--    pointing to it, the sync worker ignores it from then on.
ALTER TABLE connector_mapping ADD COLUMN status text NOT NULL DEFAULT 'active'
  CHECK (status IN ('active', 'retired'));
ALTER TABLE connector_mapping ADD COLUMN retired_at timestamptz;
CREATE INDEX connector_mapping_by_target ON connector_mapping (connector_target_id) WHERE status = 'active';

-- 3. Instances can be archived (terminal for syncing, kept for history and provenance).
ALTER TABLE connector_instance DROP CONSTRAINT connector_instance_status_check;
ALTER TABLE connector_instance ADD CONSTRAINT connector_instance_status_check
  CHECK (status IN ('active', 'paused', 'disabled', 'disconnected', 'archived'));
ALTER TABLE connector_instance ADD COLUMN archived_at timestamptz;

-- 4. The repository tree a target last synced (paths only, no content): what mapping previews
--    match selectors against. Written by connector-ingest's sync worker, read by config-api.
CREATE TABLE connector_target_tree (
    connector_target_id uuid PRIMARY KEY REFERENCES connector_target (id),
    source_revision_ref text NOT NULL,
    paths               text[] NOT NULL,
    truncated           boolean NOT NULL DEFAULT false,
    captured_at         timestamptz NOT NULL DEFAULT now()
);
