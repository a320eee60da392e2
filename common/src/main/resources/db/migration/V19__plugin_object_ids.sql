-- Issue 22 (scale): the objects a member's plugins hold, read plugin by plugin with a plan made for
-- that plugin. Inside one statement the planner knows only the average plugin size, and in an
-- organisation with few plugins and one large one it chose to read plugin_config_object
-- sequentially for every plugin (45 ms for a member who sees 200 objects, in history-bench).
-- EXECUTE plans each plugin's read with its id, so the statistics of that plugin decide: an index
-- scan for a small plugin, a scan that stops after the cap for a large one. At most p_cap ids in
-- all: the member's list needs no more (from p_cap on it walks the organisation instead).
CREATE FUNCTION library_plugin_object_ids(p_plugins uuid[], p_cap integer) RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE ROWS 2000 AS $$
DECLARE
    plugin uuid;
    found_now integer;
    total integer := 0;
BEGIN
    FOREACH plugin IN ARRAY coalesce(p_plugins, '{}') LOOP
        EXIT WHEN total >= p_cap;
        RETURN QUERY EXECUTE 'SELECT config_object_id FROM plugin_config_object'
            || ' WHERE plugin_id = $1 AND removed_at IS NULL LIMIT $2'
            USING plugin, p_cap - total;
        GET DIAGNOSTICS found_now = ROW_COUNT;
        total := total + found_now;
    END LOOP;
END
$$;
