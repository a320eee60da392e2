// One config object: what it is now, its history (compare any two versions), the plugins that
// hold it, where it comes from when a GitHub source manages it, and who has access.
import { useState } from 'react';
import { Link } from 'wouter';
import { api, ApiError } from '../../lib/api';
import { ConfigObject, hasRole, Item, ObjectVersion } from '../../lib/library';
import { orgBase, useCurrentOrg, useOrgFallback } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { useLoad } from '../../lib/useLoad';
import { Facts, Loading, PageHead, ReadOnlyNote, StatusTag, TabLinks, When } from '../../ui/bits';
import { ErrorNotice } from '../../ui/Problem';
import { GrantsPanel } from '../access/GrantsPanel';
import { MemberName } from '../access/principals';
import { SOURCES } from './LibraryPage';
import { ObjectFields, VersionFields, versionBody } from './ObjectForm';
import { ObjectHistory } from './ObjectHistory';
import { ObjectPlugins } from './ObjectPlugins';
import { ProvenanceView } from './ProvenanceView';

export default function ObjectPage({ id, tab }: { id: string; tab?: string }) {
  const org = useCurrentOrg();
  const path = `/config-objects/${id}`;
  const object = useLoad<ConfigObject>(`${orgBase(org.id)}${path}`);
  const notFound = object.error instanceof ApiError && object.error.status === 404;
  const looking = useOrgFallback(notFound, path);

  if (object.error && !looking) {
    return (
      <section className="panel">
        <PageHead title="Config object" crumbs={<Link href="/library">Library</Link>} />
        <ErrorNotice error={object.error} what="open this object" />
      </section>
    );
  }
  const o = object.data;
  if (!o) return <Loading what="the object" />;
  const href = `/library/objects/${id}`;
  const tabs = [
    { href, label: 'Overview' },
    { href: `${href}/history`, label: 'History' },
    { href: `${href}/plugins`, label: 'Plugins' },
    ...(o.source_mode === 'connector' ? [{ href: `${href}/source`, label: 'Source' }] : []),
    { href: `${href}/access`, label: 'Access' },
  ];
  return (
    <section className="panel" aria-labelledby="object-heading">
      <PageHead
        title={<span id="object-heading">{o.title || o.slug || o.id}</span>}
        crumbs={
          <>
            <Link href="/library">Library</Link> / {o.object_type}
          </>
        }
      >
        <p>
          <StatusTag status={o.status} /> <span className="tag">{o.object_type}</span>{' '}
          <span className="tag">{SOURCES[o.source_mode] ?? o.source_mode}</span>{' '}
          <span className="muted">your role: {o.your_role ?? 'none'}</span>
        </p>
      </PageHead>
      <TabLinks tabs={tabs} label="Object sections" />
      {!tab && <Overview object={o} orgId={org.id} onChanged={object.reload} />}
      {tab === 'history' && <ObjectHistory orgId={org.id} object={o} />}
      {tab === 'plugins' && <ObjectPlugins orgId={org.id} object={o} />}
      {tab === 'source' && <ProvenanceView orgId={org.id} objectId={o.id} />}
      {tab === 'access' && (
        <GrantsPanel orgId={org.id} kind="config-objects" id={o.id} canManage={hasRole(o.your_role, 'manager')} createdBy={o.created_by_org_membership_id} />
      )}
      {tab && !['history', 'plugins', 'source', 'access'].includes(tab) && <p>No such section.</p>}
    </section>
  );
}

function Overview({ object: o, orgId, onChanged }: { object: ConfigObject; orgId: string; onChanged: () => Promise<void> }) {
  const base = `${orgBase(orgId)}/config-objects/${o.id}`;
  const latest = useLoad<ObjectVersion>(`${base}/versions/latest`, o.latest_version_id);
  const [editing, setEditing] = useState<VersionFields | null>(null);
  const { error, busy, run } = useAction();
  const managed = o.source_mode === 'connector';
  const canEdit = hasRole(o.your_role, 'editor') && !managed && o.status !== 'deleted' && o.status !== 'archived';
  const canManage = hasRole(o.your_role, 'manager');

  const act = (what: () => Promise<unknown>) =>
    run(what, () => {
      setEditing(null);
      return onChanged();
    });

  return (
    <div className="overview">
      <div className="row-actions">
        {canEdit && !editing && (
          <button
            type="button"
            className="primary"
            onClick={() =>
              setEditing({
                content: latest.data?.content ?? '',
                title: '',
                file_name: o.current_file_name ?? '',
                relative_path: o.current_relative_path ?? '',
              })
            }
          >
            New version
          </button>
        )}
        {canManage && (o.status === 'active' || o.status === 'inactive') && (
          <button type="button" disabled={busy} onClick={() => void act(() => api.post(`${base}/archive`))}>
            Archive
          </button>
        )}
        {canManage && (o.status === 'archived' || o.status === 'deleted') && (
          <button type="button" disabled={busy} onClick={() => void act(() => api.post(`${base}/restore`))}>
            Restore
          </button>
        )}
      </div>
      {managed && (
        <ReadOnlyNote>
          Managed by a GitHub source: change the file in its repository (see <Link href={`/library/objects/${o.id}/source`}>Source</Link>).
        </ReadOnlyNote>
      )}
      {!hasRole(o.your_role, 'editor') && !managed && <ReadOnlyNote>You can read this object; editing needs the editor role on it.</ReadOnlyNote>}
      <ErrorNotice error={error} what="save" />
      {editing ? (
        <form
          className="form"
          aria-label="New version"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => api.put<Item<ConfigObject>>(base, versionBody(editing)));
          }}
        >
          <ObjectFields orgId={orgId} objectType={o.object_type} value={editing} onChange={setEditing} submitError={error} />
          <div className="row-actions">
            <button type="submit" className="primary" disabled={busy}>
              Save as new version
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <Facts
            testId="object-facts"
            facts={[
              ['Description', o.description],
              ['Slug', o.slug],
              ['File', o.current_relative_path || o.current_file_name],
              ['Created', <When at={o.created_at} />],
              ['Created by', <MemberName orgId={orgId} id={o.created_by_org_membership_id} />],
              ['Updated', <When at={o.updated_at} />],
              [
                'Connector instance',
                o.connector_instance_id && <Link href={`/sources/instances/${o.connector_instance_id}`}>{o.connector_instance_id.slice(0, 8)}</Link>,
              ],
            ]}
          />
          <h2>Current content</h2>
          <ErrorNotice error={latest.error} what="load the content" />
          {latest.data ? (
            latest.data.is_deleted_version ? (
              <p className="muted">The latest version deletes the object.</p>
            ) : (
              <pre className="content" data-testid="object-content-view" tabIndex={0} aria-label="Current content">
                {latest.data.content}
              </pre>
            )
          ) : (
            !latest.error && <Loading what="the content" />
          )}
        </>
      )}
    </div>
  );
}
