// The plugins the caller can see, and a new plugin (it is private to its creator until shared).
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../../lib/api';
import { Item, orgAtLeast, Plugin } from '../../lib/library';
import { orgBase, useCurrentOrg } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { usePaged } from '../../lib/useLoad';
import { ListStatus, More, PageHead, StatusTag, When } from '../../ui/bits';
import { Field } from '../../ui/Field';
import { errorsAt, ErrorNotice } from '../../ui/Problem';

export default function PluginsPage() {
  const org = useCurrentOrg();
  const list = usePaged<Plugin>(`${orgBase(org.id)}/plugins`);
  const [creating, setCreating] = useState(false);
  return (
    <section className="panel" aria-labelledby="plugins-heading">
      <PageHead
        title={<span id="plugins-heading">Plugins</span>}
        actions={
          orgAtLeast(org.role, 'editor') &&
          !creating && (
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              New plugin
            </button>
          )
        }
      >
        <p className="muted">Bundles of config objects, shared with members and teams. A plugin always ships each object's latest version.</p>
      </PageHead>
      {creating && <CreatePlugin orgId={org.id} onCancel={() => setCreating(false)} />}
      <ErrorNotice error={list.error} what="list the plugins" />
      <ListStatus items={list.items} error={list.error} what="plugins" empty="No plugin you can see." />
      {list.items && list.items.length > 0 && (
        <table data-testid="plugin-list">
          <caption className="visually-hidden">Plugins</caption>
          <thead>
            <tr>
              <th scope="col">Plugin</th>
              <th scope="col">Status</th>
              <th scope="col">Objects</th>
              <th scope="col">Your role</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/plugins/${p.id}`}>{p.name}</Link>
                  {p.description && <div className="muted small">{p.description}</div>}
                </td>
                <td>
                  <StatusTag status={p.status} />
                </td>
                <td>{p.member_count}</td>
                <td>{p.your_role ?? 'none'}</td>
                <td>
                  <When at={p.updated_at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More next={list.next} loading={list.loading} onMore={() => void list.more()} what="plugins" />
    </section>
  );
}

function CreatePlugin({ orgId, onCancel }: { orgId: string; onCancel: () => void }) {
  const [, navigate] = useLocation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const { error, run } = useAction();
  const create = () =>
    run(async () => {
      const res = await api.post<Item<Plugin>>(`${orgBase(orgId)}/plugins`, { name, description: description || undefined });
      navigate(`/plugins/${res.data.item.id}`);
    });
  return (
    <form
      className="form inset"
      aria-label="New plugin"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <Field label="Name" errors={errorsAt(error, '/name')}>
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="plugin-name" />
      </Field>
      <Field label="Description (optional)" errors={errorsAt(error, '/description')}>
        <input value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <ErrorNotice error={error} what="create the plugin" />
      <div className="row-actions">
        <button type="submit" className="primary">
          Create plugin
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
