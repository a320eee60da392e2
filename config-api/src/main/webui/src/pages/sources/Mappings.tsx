// The mappings of an instance: which repository paths (a glob selector) become which object type
// and join which plugin. While a selector is typed, the API matches it against the tree the target
// last synced, by the sync's own rule, so what you see is what the next sync takes.
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { hasRole, Instance, Mapping, MappingPreview, OBJECT_TYPES, Plugin, query, shortSha, Target } from '../../lib/library';
import { orgBase } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { usePaged } from '../../lib/useLoad';
import { DoneNotice, ListStatus, StatusTag, When } from '../../ui/bits';
import { Field } from '../../ui/Field';
import { errorsAt, ErrorNotice } from '../../ui/Problem';

export function Mappings({ orgId, instance, canEdit }: { orgId: string; instance: Instance; canEdit: boolean }) {
  const base = `${orgBase(orgId)}/connector-instances/${instance.id}`;
  const [showRetired, setShowRetired] = useState(false);
  const mappings = usePaged<Mapping>(`${base}/mappings${query({ status: showRetired ? 'retired' : null })}`, 100);
  const targets = usePaged<Target>(`${base}/targets`, 100);
  const plugins = usePaged<Plugin>(`${orgBase(orgId)}/plugins`, 100);
  const { error, run } = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const repo = (id: string) => targets.items?.find((t) => t.id === id);
  const pluginName = (id: string | null) => (id ? (plugins.items?.find((p) => p.id === id)?.name ?? 'a plugin') : '');

  const remove = (m: Mapping) =>
    run(async () => {
      const res = await api.del(`${base}/mappings/${m.id}`);
      setNotice(res.status === 200 ? `Mapping ${m.selector} retired: the next sync deletes what only it selected.` : `Mapping ${m.selector} deleted.`);
    }, mappings.reload);

  return (
    <div data-testid="mappings">
      <DoneNotice message={notice} />
      <ErrorNotice error={mappings.error ?? error} what="change the mappings" />
      <label className="check">
        <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} /> show retired mappings
      </label>
      <ListStatus items={mappings.items} error={mappings.error} what="mappings" empty={<>No {showRetired ? 'retired ' : ''}mappings.</>} />
      {mappings.items && mappings.items.length > 0 && (
        <table data-testid="mapping-list">
          <caption className="visually-hidden">Mappings</caption>
          <thead>
            <tr>
              <th scope="col">Paths</th>
              <th scope="col">Repository</th>
              <th scope="col">Become</th>
              <th scope="col">Plugin</th>
              <th scope="col">Status</th>
              {canEdit && !showRetired && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {mappings.items.map((m) => (
              <tr key={m.id}>
                <td>
                  <code>{m.selector}</code>
                </td>
                <td>
                  {repo(m.connector_target_id)?.remote_id}
                  <span className="muted"> @ {repo(m.connector_target_id)?.external_target_ref}</span>
                </td>
                <td>{m.object_type}</td>
                <td>{pluginName(m.plugin_id)}</td>
                <td>
                  <StatusTag status={m.status} /> {m.retired_at && <When at={m.retired_at} />}
                </td>
                {canEdit && !showRetired && (
                  <td>
                    <button type="button" className="danger" onClick={() => void remove(m)}>
                      Remove {m.selector}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && targets.items && targets.items.length > 0 && (
        <NewMapping
          orgId={orgId}
          base={base}
          targets={targets.items}
          plugins={(plugins.items ?? []).filter((p) => hasRole(p.your_role, 'editor') && p.status === 'active')}
          onCreated={(selector) => {
            setNotice(`Mapping ${selector} added: a resync of its repository is queued.`);
            void mappings.reload();
          }}
        />
      )}
      {canEdit && targets.items && targets.items.length === 0 && <p className="muted">Add a repository under Targets first.</p>}
    </div>
  );
}

function NewMapping({
  orgId,
  base,
  targets,
  plugins,
  onCreated,
}: {
  orgId: string;
  base: string;
  targets: Target[];
  plugins: Plugin[];
  onCreated: (selector: string) => void;
}) {
  const [target, setTarget] = useState(targets[0].id);
  const [selector, setSelector] = useState('/skills/*/SKILL.md');
  const [objectType, setObjectType] = useState('skill');
  const [plugin, setPlugin] = useState('');
  const { error, run } = useAction();
  const create = () =>
    run(
      () =>
        api.post(`${base}/mappings`, {
          connector_target_id: target,
          selector,
          object_type: objectType,
          plugin_id: plugin || undefined,
          auto_add_to_plugin: plugin ? true : undefined,
        }),
      () => onCreated(selector),
    );
  return (
    <form
      className="form inset"
      aria-label="New mapping"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <h2>New mapping</h2>
      <div className="grid3">
        <Field label="Repository" errors={errorsAt(error, '/connector_target_id')}>
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.remote_id} @ {t.external_target_ref}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Paths (glob)" errors={errorsAt(error, '/selector')} hint="From the repository root: /skills/*/SKILL.md; * within a folder, ** across folders">
          <input value={selector} onChange={(e) => setSelector(e.target.value)} data-testid="mapping-selector" />
        </Field>
        <Field label="Become" errors={errorsAt(error, '/object_type')}>
          <select value={objectType} onChange={(e) => setObjectType(e.target.value)}>
            {OBJECT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Add them to plugin (optional)" errors={errorsAt(error, '/plugin_id')}>
        <select value={plugin} onChange={(e) => setPlugin(e.target.value)}>
          <option value="">no plugin</option>
          {plugins.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <SelectorPreview orgId={orgId} targetId={target} selector={selector} />
      <ErrorNotice error={error} what="add the mapping" />
      <button type="submit" className="primary">
        Add mapping
      </button>
    </form>
  );
}

/** Live: the paths of the target's last synced tree that `selector` matches (first 20). */
function SelectorPreview({ orgId, targetId, selector }: { orgId: string; targetId: string; selector: string }) {
  const [preview, setPreview] = useState<MappingPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api
        .post<{ item: MappingPreview }>(`${orgBase(orgId)}/connector-targets/${targetId}/mappings/preview${query({ limit: 20 })}`, { selector })
        .then((r) => {
          if (!live) return;
          setPreview(r.data.item);
          setError(null);
        })
        .catch((e) => {
          if (!live) return;
          setPreview(null);
          setError(e);
        });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [orgId, targetId, selector]);

  const neverSynced = error instanceof ApiError && error.status === 409;
  return (
    <section className="preview" aria-live="polite" aria-labelledby="preview-heading" data-testid="selector-preview">
      <h3 id="preview-heading">Preview</h3>
      {neverSynced && <p className="muted">This repository has not synced yet: there is no tree to preview against.</p>}
      {error !== null && !neverSynced && (
        <p className="field-error">{error instanceof ApiError ? (error.problem.errors?.[0]?.message ?? error.message) : String(error)}</p>
      )}
      {preview && (
        <>
          <p data-testid="preview-count">
            Matches <strong>{preview.matched_count}</strong> of {preview.tree_path_count} paths at commit <code>{shortSha(preview.source_revision_ref)}</code> (
            <When at={preview.captured_at} />){preview.tree_truncated ? '; GitHub sent part of the tree, more may match' : ''}.
          </p>
          {preview.paths.length > 0 && (
            <ul className="paths" data-testid="preview-paths">
              {preview.paths.map((p) => (
                <li key={p}>
                  <code>{p}</code>
                </li>
              ))}
              {preview.matched_count > preview.paths.length && <li className="muted">and {preview.matched_count - preview.paths.length} more</li>}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
