// GitHub sources of the organisation: linked accounts (GitHub App installations), connector
// instances, syncs held for confirmation, and the latest syncs.
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../../lib/api';
import { Account, Instance, isOrgAdmin, Item, orgAtLeast, SyncEvent } from '../../lib/library';
import { orgBase, useCurrentOrg } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { usePaged } from '../../lib/useLoad';
import { ListStatus, More, PageHead, StatusTag, When } from '../../ui/bits';
import { Field } from '../../ui/Field';
import { errorsAt, ErrorNotice } from '../../ui/Problem';
import { HeldSyncs } from './HeldSyncs';
import { SyncEventTable } from './SyncEventTable';

export default function SourcesPage() {
  const org = useCurrentOrg();
  const base = orgBase(org.id);
  const accounts = usePaged<Account>(`${base}/connector-accounts`, 50);
  const instances = usePaged<Instance>(`${base}/connector-instances`, 50);
  const syncs = usePaged<SyncEvent>(`${base}/connector-sync-events`, 10);
  const roles = new Map((instances.items ?? []).map((i) => [i.id, i.your_role]));
  return (
    <section className="panel" aria-labelledby="sources-heading">
      <PageHead title={<span id="sources-heading">GitHub sources</span>}>
        <p className="muted">
          Repositories whose files become config objects. A connector instance uses a linked GitHub App installation; its targets are
          repository branches and its mappings choose which paths become which objects.
        </p>
      </PageHead>
      <HeldSyncs orgId={org.id} canDecide={(id) => isOrgAdmin(org.role) || roles.get(id) === 'manager' || roles.get(id) === 'editor'} />

      <h2>Connector instances</h2>
      {orgAtLeast(org.role, 'editor') && (accounts.items?.length ?? 0) > 0 && <CreateInstance orgId={org.id} accounts={accounts.items!} />}
      <ErrorNotice error={instances.error} what="list the connector instances" />
      <ListStatus items={instances.items} error={instances.error} what="instances" empty="No connector instance you can see." />
      {instances.items && instances.items.length > 0 && (
        <table data-testid="instance-list">
          <caption className="visually-hidden">Connector instances</caption>
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col">Status</th>
              <th scope="col">Last sync</th>
              <th scope="col">Your role</th>
            </tr>
          </thead>
          <tbody>
            {instances.items.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link href={`/sources/instances/${i.id}`}>{i.name}</Link>
                </td>
                <td>
                  <StatusTag status={i.status} />
                </td>
                <td>
                  {i.last_sync_status ? <StatusTag status={i.last_sync_status} /> : null} <When at={i.last_synced_at} />
                </td>
                <td>{i.your_role ?? 'none'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More next={instances.next} loading={instances.loading} onMore={() => void instances.more()} what="instances" />

      <h2>Latest syncs</h2>
      <ErrorNotice error={syncs.error} what="list the syncs" />
      {syncs.items && <SyncEventTable events={syncs.items} />}
      <More next={syncs.next} loading={syncs.loading} onMore={() => void syncs.more()} what="syncs" />

      <h2>Linked accounts</h2>
      <p className="muted small">
        An owner or admin links a GitHub App installation with an install link from connector-ingest (<code>POST /v1/orgs/{'{org}'}/github/install-links</code>,
        see the README); each installation becomes an account here.
      </p>
      <ErrorNotice error={accounts.error} what="list the accounts" />
      {accounts.items && accounts.items.length === 0 && <p className="muted">No account linked yet.</p>}
      {accounts.items && accounts.items.length > 0 && (
        <table data-testid="account-list">
          <caption className="visually-hidden">Connector accounts</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Installation</th>
              <th scope="col">Status</th>
              <th scope="col">Linked</th>
            </tr>
          </thead>
          <tbody>
            {accounts.items.map((a) => (
              <tr key={a.id}>
                <td>{a.display_name ?? a.external_account_ref ?? a.id}</td>
                <td>
                  {a.connector_type} <code>{a.remote_id}</code>
                </td>
                <td>
                  <StatusTag status={a.status} />
                </td>
                <td>
                  <When at={a.created_at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CreateInstance({ orgId, accounts }: { orgId: string; accounts: Account[] }) {
  const [, navigate] = useLocation();
  const usable = accounts.filter((a) => a.status === 'active');
  const [account, setAccount] = useState(usable[0]?.id ?? '');
  const [name, setName] = useState('');
  const { error, run } = useAction();
  if (usable.length === 0) return null;
  const create = () =>
    run(async () => {
      const res = await api.post<Item<Instance>>(`${orgBase(orgId)}/connector-instances`, { connector_account_id: account, name });
      navigate(`/sources/instances/${res.data.item.id}`);
    });
  return (
    <form
      className="add-row"
      aria-label="New connector instance"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <Field label="Account" errors={errorsAt(error, '/connector_account_id')}>
        <select value={account} onChange={(e) => setAccount(e.target.value)}>
          {usable.map((a) => (
            <option key={a.id} value={a.id}>
              {a.display_name ?? a.remote_id}
            </option>
          ))}
        </select>
      </Field>
      <Field label="New instance name" errors={errorsAt(error, '/name')}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <button type="submit" className="primary" disabled={!name.trim()}>
        Create instance
      </button>
      <ErrorNotice error={error} what="create the instance" />
    </form>
  );
}
