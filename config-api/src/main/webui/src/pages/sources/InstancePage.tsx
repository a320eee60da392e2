// One connector instance: its targets (repository branches, resync), its mappings (with a live
// preview of the paths a selector takes), its syncs and who has access to it.
import { Link } from 'wouter';
import { api, ApiError } from '../../lib/api';
import { hasRole, Instance, query, SyncEvent } from '../../lib/library';
import { orgBase, useCurrentOrg, useOrgFallback } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { useLoad, usePaged } from '../../lib/useLoad';
import { Loading, More, PageHead, ReadOnlyNote, StatusTag, TabLinks, When } from '../../ui/bits';
import { ErrorNotice } from '../../ui/Problem';
import { GrantsPanel } from '../access/GrantsPanel';
import { HeldSyncs } from './HeldSyncs';
import { Mappings } from './Mappings';
import { SyncEventTable } from './SyncEventTable';
import { Targets } from './Targets';

export default function InstancePage({ id, tab }: { id: string; tab?: string }) {
  const org = useCurrentOrg();
  const path = `/connector-instances/${id}`;
  const instance = useLoad<Instance>(`${orgBase(org.id)}${path}`);
  const notFound = instance.error instanceof ApiError && instance.error.status === 404;
  const looking = useOrgFallback(notFound, path);
  const { error, run } = useAction();

  if (instance.error && !looking) {
    return (
      <section className="panel">
        <PageHead title="Connector instance" crumbs={<Link href="/sources">GitHub sources</Link>} />
        <ErrorNotice error={instance.error} what="open this connector instance" />
      </section>
    );
  }
  const i = instance.data;
  if (!i) return <Loading what="the connector instance" />;
  const href = `/sources/instances/${id}`;
  const canEdit = hasRole(i.your_role, 'editor') && i.status !== 'archived';
  const canManage = hasRole(i.your_role, 'manager') && i.status !== 'archived';
  const act = (action: 'disable' | 'enable' | 'archive') => run(() => api.post(`${orgBase(org.id)}${path}/${action}`), instance.reload);
  return (
    <section className="panel" aria-labelledby="instance-heading">
      <PageHead
        title={<span id="instance-heading">{i.name}</span>}
        crumbs={<Link href="/sources">GitHub sources</Link>}
        actions={
          canManage && (
            <>
              {i.status === 'active' && (
                <button type="button" onClick={() => void act('disable')}>
                  Disable
                </button>
              )}
              {i.status !== 'active' && (
                <button type="button" onClick={() => void act('enable')}>
                  Enable
                </button>
              )}
              <button type="button" className="danger" onClick={() => void act('archive')}>
                Archive
              </button>
            </>
          )
        }
      >
        <p>
          <StatusTag status={i.status} /> <span className="muted">your role: {i.your_role ?? 'none'}</span> · last sync{' '}
          {i.last_sync_status && <StatusTag status={i.last_sync_status} />} <When at={i.last_synced_at} />
        </p>
      </PageHead>
      <ErrorNotice error={error} what="change the instance" />
      {!canEdit && <ReadOnlyNote>{i.status === 'archived' ? 'This instance is archived: it no longer syncs or changes.' : 'You can see this instance; changing it needs the editor role on it.'}</ReadOnlyNote>}
      <TabLinks
        label="Instance sections"
        tabs={[
          { href, label: 'Targets' },
          { href: `${href}/mappings`, label: 'Mappings' },
          { href: `${href}/syncs`, label: 'Syncs' },
          { href: `${href}/access`, label: 'Access' },
        ]}
      />
      {!tab && <Targets orgId={org.id} instance={i} canEdit={canEdit} />}
      {tab === 'mappings' && <Mappings orgId={org.id} instance={i} canEdit={canEdit} />}
      {tab === 'syncs' && <Syncs orgId={org.id} instance={i} canEdit={canEdit} />}
      {tab === 'access' && (
        <GrantsPanel orgId={org.id} kind="connector-instances" id={i.id} canManage={hasRole(i.your_role, 'manager')} createdBy={i.created_by_org_membership_id} />
      )}
      {tab && !['mappings', 'syncs', 'access'].includes(tab) && <p>No such section.</p>}
    </section>
  );
}

function Syncs({ orgId, instance, canEdit }: { orgId: string; instance: Instance; canEdit: boolean }) {
  const syncs = usePaged<SyncEvent>(`${orgBase(orgId)}/connector-sync-events${query({ connector_instance_id: instance.id })}`, 25);
  return (
    <div>
      <HeldSyncs orgId={orgId} instanceId={instance.id} canDecide={() => canEdit} />
      <h2>Syncs</h2>
      <ErrorNotice error={syncs.error} what="list the syncs" />
      {syncs.items === null && !syncs.error && <Loading what="syncs" />}
      {syncs.items && <SyncEventTable events={syncs.items} />}
      <More next={syncs.next} loading={syncs.loading} onMore={() => void syncs.more()} what="syncs" />
    </div>
  );
}
