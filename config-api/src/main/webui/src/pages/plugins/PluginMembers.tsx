// A plugin's members and adding objects found by search (editor on the plugin).
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../lib/api';
import { ConfigObject, hasRole, Plugin, PluginMember, query } from '../../lib/library';
import { Page } from '../../lib/model';
import { orgBase } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { usePaged } from '../../lib/useLoad';
import { ListStatus, More, StatusTag, When } from '../../ui/bits';
import { ErrorNotice } from '../../ui/Problem';

export function PluginMembers({ orgId, plugin, onChanged }: { orgId: string; plugin: Plugin; onChanged: () => Promise<void> }) {
  const base = `${orgBase(orgId)}/plugins/${plugin.id}/members`;
  const members = usePaged<PluginMember>(base, 100);
  const { error, run } = useAction();
  const canEdit = hasRole(plugin.your_role, 'editor');

  const change = (what: () => Promise<unknown>) => run(what, () => Promise.all([members.reload(), onChanged()]));

  const inPlugin = new Set((members.items ?? []).map((m) => m.config_object_id));
  return (
    <div data-testid="plugin-members">
      <ErrorNotice error={members.error ?? error} what="change the members" />
      <ListStatus items={members.items} error={members.error} what="members" empty="No objects yet." />
      {members.items && members.items.length > 0 && (
        <table>
          <caption className="visually-hidden">Objects in the plugin</caption>
          <thead>
            <tr>
              <th scope="col">Object</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Added</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {members.items.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link href={`/library/objects/${m.config_object_id}`}>{m.title ?? m.config_object_id}</Link>
                  {m.membership_source !== 'manual' && <div className="muted small">added by {m.membership_source}</div>}
                </td>
                <td>{m.object_type}</td>
                <td>
                  <StatusTag status={m.object_status} />
                </td>
                <td>
                  <When at={m.created_at} />
                </td>
                {canEdit && (
                  <td>
                    <button type="button" className="danger" onClick={() => void change(() => api.del(`${base}/${m.config_object_id}`))}>
                      Remove {m.title ?? ''}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More next={members.next} loading={members.loading} onMore={() => void members.more()} what="members" />
      {canEdit && <AddMembers orgId={orgId} inPlugin={inPlugin} onAdd={(id) => void change(() => api.post(base, { config_object_id: id }))} />}
    </div>
  );
}

function AddMembers({ orgId, inPlugin, onAdd }: { orgId: string; inPlugin: Set<string>; onAdd: (id: string) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ConfigObject[] | null>(null);
  useEffect(() => {
    if (!q.trim()) {
      setFound(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<Page<ConfigObject>>(`${orgBase(orgId)}/config-objects${query({ q: q.trim(), limit: 10 })}`)
        .then((r) => live && setFound(r.data.items))
        .catch(() => live && setFound([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [orgId, q]);
  return (
    <section className="add-members" aria-labelledby="add-members-heading">
      <h2 id="add-members-heading">Add objects</h2>
      <label>
        Search the library
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="title or text" data-testid="member-search" />
      </label>
      {found && found.length === 0 && <p className="muted">No object matches.</p>}
      {found && found.length > 0 && (
        <ul className="pick-list" aria-label="Matching objects">
          {found.map((o) => (
            <li key={o.id}>
              <span>
                {o.title ?? o.id} <span className="muted small">({o.object_type})</span>
              </span>{' '}
              {inPlugin.has(o.id) ? (
                <span className="muted small">already in the plugin</span>
              ) : (
                <button type="button" onClick={() => onAdd(o.id)}>
                  Add {o.title ?? ''}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
