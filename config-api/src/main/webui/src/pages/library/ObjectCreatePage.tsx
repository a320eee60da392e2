// A new cloud (or imported) config object: its type, first version and the plugins it joins.
import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api } from '../../lib/api';
import { ConfigObject, hasRole, Item, OBJECT_TYPES, orgAtLeast, Plugin } from '../../lib/library';
import { orgBase, useCurrentOrg } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { usePaged } from '../../lib/useLoad';
import { PageHead, ReadOnlyNote } from '../../ui/bits';
import { Field } from '../../ui/Field';
import { errorsAt, ErrorNotice, otherErrors } from '../../ui/Problem';
import { FIELD_POINTERS, ObjectFields, TEMPLATES, VersionFields, versionBody } from './ObjectForm';

export default function ObjectCreatePage() {
  const org = useCurrentOrg();
  const [, navigate] = useLocation();
  const initialType = new URLSearchParams(useSearch()).get('type') ?? 'skill';
  const [type, setType] = useState(OBJECT_TYPES.includes(initialType as never) ? initialType : 'skill');
  const [sourceMode, setSourceMode] = useState('cloud');
  const [fields, setFields] = useState<VersionFields>({ content: TEMPLATES[type], title: '', file_name: '', relative_path: '' });
  const [pluginIds, setPluginIds] = useState<string[]>([]);
  const { error, busy, run } = useAction();
  const plugins = usePaged<Plugin>(`${orgBase(org.id)}/plugins`, 100);
  const joinable = (plugins.items ?? []).filter((p) => hasRole(p.your_role, 'editor') && p.status === 'active');

  if (!orgAtLeast(org.role, 'editor')) {
    return (
      <section className="panel">
        <PageHead title="New config object" crumbs={<Link href="/library">Library</Link>} />
        <ReadOnlyNote>You are a viewer in {org.name}: you can read the library but not add to it.</ReadOnlyNote>
      </section>
    );
  }

  const changeType = (t: string) => {
    // keep what the user typed; replace only an untouched template
    if (fields.content === TEMPLATES[type]) setFields({ ...fields, content: TEMPLATES[t] });
    setType(t);
  };

  const create = () =>
    run(async () => {
      const res = await api.post<Item<ConfigObject>>(`${orgBase(org.id)}/config-objects`, {
        object_type: type,
        source_mode: sourceMode,
        ...versionBody(fields),
        plugin_ids: pluginIds.length ? pluginIds : undefined,
      });
      navigate(`/library/objects/${res.data.item.id}`);
    });

  const leftover = otherErrors(error, [...FIELD_POINTERS, '/object_type', '/source_mode', '/plugin_ids']);
  return (
    <section className="panel" aria-labelledby="create-heading">
      <PageHead title={<span id="create-heading">New config object</span>} crumbs={<Link href="/library">Library</Link>} />
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <div className="grid3">
          <Field label="Type" errors={errorsAt(error, '/object_type')}>
            <select value={type} onChange={(e) => changeType(e.target.value)} data-testid="object-type">
              {OBJECT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Source" errors={errorsAt(error, '/source_mode')} hint="Cloud: edited here. Import: copied in from elsewhere.">
            <select value={sourceMode} onChange={(e) => setSourceMode(e.target.value)}>
              <option value="cloud">cloud</option>
              <option value="import">import</option>
            </select>
          </Field>
        </div>
        <ObjectFields orgId={org.id} objectType={type} value={fields} onChange={setFields} submitError={error} />
        {joinable.length > 0 && (
          <fieldset className="plugins-pick">
            <legend>Add to plugins (optional)</legend>
            {joinable.map((p) => {
              const problems = pluginIds.includes(p.id) ? errorsAt(error, `/plugin_ids/${pluginIds.indexOf(p.id)}`) : [];
              return (
                <label key={p.id} className="check">
                  <input
                    type="checkbox"
                    checked={pluginIds.includes(p.id)}
                    onChange={(e) => setPluginIds(e.target.checked ? [...pluginIds, p.id] : pluginIds.filter((x) => x !== p.id))}
                  />
                  {p.name}
                  {problems.length > 0 && <span className="field-error"> {problems[0].message}</span>}
                </label>
              );
            })}
          </fieldset>
        )}
        {leftover.length > 0 && (
          <ul className="field-errors">
            {leftover.map((e, i) => (
              <li key={i}>
                {e.pointer}: {e.message}
              </li>
            ))}
          </ul>
        )}
        <ErrorNotice error={error} what="create the object" />
        <div className="row-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create'}
          </button>
          <Link href="/library" className="button">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
