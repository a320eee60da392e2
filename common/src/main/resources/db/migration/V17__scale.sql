-- Issue 22 (scale): indexes for a member's object list at 100,000 objects. The list starts from
-- the member's visible set (what they created, what is granted to them, their teams or the whole
-- organisation, what the plugins they can use hold) instead of checking every object of the
-- organisation with library_object_rank.

-- objects a member created, newest first (the keyset of the list)
CREATE INDEX config_object_by_creator
    ON config_object (organization_id, created_by_org_membership_id, created_at DESC, id DESC);

-- live object grants by principal
CREATE INDEX config_object_access_grant_by_member
    ON config_object_access_grant (org_membership_id) WHERE removed_at IS NULL AND org_membership_id IS NOT NULL;
CREATE INDEX config_object_access_grant_by_team
    ON config_object_access_grant (team_id) WHERE removed_at IS NULL AND team_id IS NOT NULL;
CREATE INDEX config_object_access_grant_org_wide
    ON config_object_access_grant (config_object_id) WHERE removed_at IS NULL AND org_wide;

-- a member's teams
CREATE INDEX team_membership_by_member ON team_membership (org_membership_id);
