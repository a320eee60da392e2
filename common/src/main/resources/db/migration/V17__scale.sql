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

-- The rank functions of V6, the same queries in PL/pgSQL: their plans are then cached for the
-- session. As SQL functions, library_plugin_rank was planned again for each object
-- library_object_rank ranked (about 1 ms per object held by a plugin, 50 ms for one page).
CREATE OR REPLACE FUNCTION library_plugin_rank(p_plugin uuid, p_member uuid) RETURNS integer
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN greatest(
        (SELECT CASE WHEN p.created_by_org_membership_id = p_member THEN 3 ELSE 0 END
           FROM plugin p WHERE p.id = p_plugin),
        (SELECT max(library_role_rank(g.role)) FROM plugin_access_grant g
          WHERE g.plugin_id = p_plugin AND g.removed_at IS NULL
            AND (g.org_wide OR g.org_membership_id = p_member
                 OR g.team_id IN (SELECT tm.team_id FROM team_membership tm WHERE tm.org_membership_id = p_member))),
        0);
END
$$;

CREATE OR REPLACE FUNCTION library_object_rank(p_object uuid, p_member uuid) RETURNS integer
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN greatest(
        (SELECT CASE WHEN o.created_by_org_membership_id = p_member THEN 3 ELSE 0 END
           FROM config_object o WHERE o.id = p_object),
        (SELECT max(library_role_rank(g.role)) FROM config_object_access_grant g
          WHERE g.config_object_id = p_object AND g.removed_at IS NULL
            AND (g.org_wide OR g.org_membership_id = p_member
                 OR g.team_id IN (SELECT tm.team_id FROM team_membership tm WHERE tm.org_membership_id = p_member))),
        (SELECT 1 FROM plugin_config_object m JOIN plugin p ON p.id = m.plugin_id
          WHERE m.config_object_id = p_object AND m.removed_at IS NULL AND p.status <> 'deleted'
            AND library_plugin_rank(p.id, p_member) > 0
          LIMIT 1),
        0);
END
$$;
