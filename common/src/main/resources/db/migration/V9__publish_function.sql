-- The writes of a connector publish in one server-side call (one round trip instead of ten).
-- config-api has already locked the draft row (SELECT ... FOR UPDATE), validated the document and
-- computed its canonical checksum and manifests; this function reads the active version under that
-- lock and either refuses (stale base, no changes: nothing written) or writes version N+1, flips
-- the active flag, inserts the manifests and the outbox event, re-bases the draft and journals the
-- publish. With p_replace_paths (PUT /config?publish=true with a new document) it also stores the
-- document in the draft and journals that replacement first. Outcomes: 'published' |
-- 'stale-base-version' | 'no-changes', with the active version (the new one when published), the
-- publication time and the draft's revision and update time afterwards.
CREATE FUNCTION plugsync_publish_connector_version(
    p_connector_id      uuid,
    p_organization_id   uuid,
    p_base_version      integer,
    p_document          jsonb,
    p_checksum          text,
    p_is_empty          boolean,
    p_manifests         jsonb,
    p_published_by      text,
    p_published_by_kind text,
    p_message           text,
    p_draft_revision    bigint,
    p_journal_detail    jsonb,
    p_aggregate_type    text,
    p_event_type        text,
    p_trace_context     jsonb,
    p_replace_paths     jsonb)
RETURNS TABLE (outcome text, active_version integer, published_at timestamptz, draft_revision bigint,
               draft_updated_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
    v_active          integer;
    v_active_checksum text;
    v_version         integer;
    v_published_at    timestamptz;
    v_revision        bigint := p_draft_revision;
    v_updated_at      timestamptz;
BEGIN
    SELECT v.version, v.checksum INTO v_active, v_active_checksum
      FROM connector_config_versions v
     WHERE v.connector_id = p_connector_id AND v.is_active;
    v_active := coalesce(v_active, 0);
    IF p_base_version <> v_active THEN
        RETURN QUERY SELECT 'stale-base-version'::text, v_active, NULL::timestamptz, NULL::bigint, NULL::timestamptz;
        RETURN;
    END IF;
    IF (v_active = 0 AND p_is_empty) OR v_active_checksum = p_checksum THEN
        RETURN QUERY SELECT 'no-changes'::text, v_active, NULL::timestamptz, NULL::bigint, NULL::timestamptz;
        RETURN;
    END IF;
    v_version := v_active + 1;

    UPDATE connector_config_versions SET is_active = false
     WHERE connector_id = p_connector_id AND is_active;
    INSERT INTO connector_config_versions (connector_id, version, document, checksum, is_active,
                                           published_by, published_by_kind, message, based_on_version)
    VALUES (p_connector_id, v_version, p_document, p_checksum, true,
            p_published_by, p_published_by_kind, p_message, v_active)
    RETURNING connector_config_versions.published_at INTO v_published_at;

    INSERT INTO event_flow_manifests (connector_id, version, flow_key, source, event_type, manifest, checksum)
    SELECT p_connector_id, v_version, m.flow_key, m.source, m.event_type, m.manifest, m.checksum
      FROM jsonb_to_recordset(p_manifests)
           AS m(flow_key text, source text, event_type text, manifest jsonb, checksum text);

    INSERT INTO outbox_event (aggregate_type, aggregate_id, event_type, payload, trace_context)
    VALUES (p_aggregate_type, p_connector_id::text, p_event_type,
            jsonb_build_object('connector_id', p_connector_id, 'organization_id', p_organization_id,
                               'version', v_version, 'checksum', p_checksum, 'published_at', v_published_at),
            coalesce(p_trace_context, '{}'::jsonb));

    IF p_replace_paths IS NULL THEN
        UPDATE connector_config_drafts SET base_version = v_version, restored_from_version = NULL
         WHERE connector_id = p_connector_id
        RETURNING updated_at INTO v_updated_at;
    ELSE
        UPDATE connector_config_drafts SET document = p_document, base_version = v_version,
               revision = revision + 1, restored_from_version = NULL, updated_by = p_published_by,
               updated_by_kind = p_published_by_kind, updated_at = now()
         WHERE connector_id = p_connector_id
        RETURNING revision, updated_at INTO v_revision, v_updated_at;
        INSERT INTO connector_config_draft_changes (connector_id, revision, action, writer_kind, actor, paths)
        VALUES (p_connector_id, v_revision, 'replace', p_published_by_kind, p_published_by, p_replace_paths);
    END IF;
    INSERT INTO connector_config_draft_changes (connector_id, revision, action, writer_kind, actor, paths, detail)
    VALUES (p_connector_id, v_revision, 'publish', p_published_by_kind, p_published_by, '[]'::jsonb,
            p_journal_detail);

    RETURN QUERY SELECT 'published'::text, v_version, v_published_at, v_revision, v_updated_at;
END;
$$;

-- The immutability guard only needs to run when an immutable column is assigned: the active flag
-- flip of every publish (UPDATE ... SET is_active) no longer compares whole documents.
DROP TRIGGER connector_config_versions_immutable ON connector_config_versions;
CREATE TRIGGER connector_config_versions_immutable
    BEFORE UPDATE OF id, connector_id, version, document, checksum, published_by, published_by_kind, message,
                     based_on_version, published_at
    OR DELETE ON connector_config_versions
    FOR EACH ROW EXECUTE FUNCTION connector_config_versions_guard();
