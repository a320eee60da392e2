// The plugins holding one object (only those the caller can see), and adding it to or removing
// it from a plugin (editor on the plugin).
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../lib/api';
import { ConfigObject, hasRole, ObjectPlugin, Plugin } from '../../lib/library';
import { orgBase } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { usePaged } from '../../lib/useLoad';
import { ListStatus, StatusTag, When } from '../../ui/bits';
import { ErrorNotice } from '../../ui/Problem';

export function ObjectPlugins({ orgId, object }: { orgId: string; object: ConfigObject }) {
  const base = `${orgBase(orgId)}/config-objects/${object.id}/plugins`;
  const holding = usePaged<ObjectPlugin>(base, 100);
  const plugins = usePaged<Plugin>(`${orgBase(orgId)}/plugins`, 100);
  const [choice, setChoice] = useState('');
  const { error, run } = useAction();
  const held = new Set((holding.items ?? []).map((p) => p.plugin_id));
  const addable = (plugins.items ?? []).filter((p) => hasRole(p.your_role, 'editor') && !held.has(p.id) && p.status !== 'deleted');

  const change = (what: () => Promise<unknown>) =>
    run(what, () => {
      setChoice('');
      return holding.reload();
    });

  return (
    <div data-testid="object-plugins">
      <ErrorNotice error={holding.error ?? error} what="change the plugins" />
      <ListStatus items={holding.items} error={holding.error} what="plugins" empty="No plugin you can see holds this object." />
      {holding.items && holding.items.length > 0 && (
        <table>
          <caption className="visually-hidden">Plugins holding this object</caption>
          <thead>
            <tr>
              <th scope="col">Plugin</th>
              <th scope="col">Status</th>
              <th scope="col">Added</th>
              <th scope="col">How</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {holding.items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/plugins/${p.plugin_id}`}>{p.name}</Link>
                </td>
                <td>
                  <StatusTag status={p.plugin_status} />
                </td>
                <td>
                  <When at={p.created_at} />
                </td>
                <td>{p.membership_source}</td>
                <td>
                  {hasRole(p.your_role, 'editor') && (
                    <button type="button" className="danger" onClick={() => void change(() => api.del(`${base}/${p.plugin_id}`))}>
                      Remove from {p.name}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {addable.length > 0 && (
        <form
          className="add-row"
          onSubmit={(e) => {
            e.preventDefault();
            void change(() => api.post(base, { plugin_id: choice }));
          }}
        >
          <label>
            Add to plugin
            <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="add-to-plugin">
              <option value="">choose a plugin</option>
              {addable.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={!choice}>
            Add
          </button>
        </form>
      )}
    </div>
  );
}
