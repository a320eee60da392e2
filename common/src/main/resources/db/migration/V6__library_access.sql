-- Config library RBAC (seed 001): the effective role of an org membership on a resource,
-- as a rank (0 none, 1 viewer, 2 editor, 3 manager). Organisation owners and admins are
-- implicit managers; that comes from the token and is applied by the API, not here.

CREATE FUNCTION library_role_rank(role text) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE role WHEN 'viewer' THEN 1 WHEN 'editor' THEN 2 WHEN 'manager' THEN 3 ELSE 0 END
$$;

-- Grants apply to the member directly, to the teams it belongs to, or to the whole organisation.
CREATE FUNCTION library_plugin_rank(p_plugin uuid, p_member uuid) RETURNS integer
    LANGUAGE sql STABLE AS $$
    SELECT greatest(
        (SELECT CASE WHEN p.created_by_org_membership_id = p_member THEN 3 ELSE 0 END
           FROM plugin p WHERE p.id = p_plugin),
        (SELECT max(library_role_rank(g.role)) FROM plugin_access_grant g
          WHERE g.plugin_id = p_plugin AND g.removed_at IS NULL
            AND (g.org_wide OR g.org_membership_id = p_member
                 OR g.team_id IN (SELECT tm.team_id FROM team_membership tm WHERE tm.org_membership_id = p_member))),
        0)
$$;

-- Access to a live plugin gives viewer on the objects that are active members of it.
CREATE FUNCTION library_object_rank(p_object uuid, p_member uuid) RETURNS integer
    LANGUAGE sql STABLE AS $$
    SELECT greatest(
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
        0)
$$;

CREATE FUNCTION library_instance_rank(p_instance uuid, p_member uuid) RETURNS integer
    LANGUAGE sql STABLE AS $$
    SELECT greatest(
        (SELECT CASE WHEN i.created_by_org_membership_id = p_member THEN 3 ELSE 0 END
           FROM connector_instance i WHERE i.id = p_instance),
        (SELECT max(library_role_rank(g.role)) FROM connector_instance_access_grant g
          WHERE g.connector_instance_id = p_instance AND g.removed_at IS NULL
            AND (g.org_wide OR g.org_membership_id = p_member
                 OR g.team_id IN (SELECT tm.team_id FROM team_membership tm WHERE tm.org_membership_id = p_member))),
        0)
$$;

CREATE INDEX plugin_config_object_by_object ON plugin_config_object (config_object_id) WHERE removed_at IS NULL;
CREATE INDEX plugin_by_org ON plugin (organization_id, created_at DESC, id DESC);
CREATE INDEX config_object_by_org_created ON config_object (organization_id, created_at DESC, id DESC);
CREATE INDEX connector_instance_by_org ON connector_instance (organization_id, created_at DESC, id DESC);
