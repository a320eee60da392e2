// One plugin: its members (object identities), what it ships now (each member's latest
// version), its releases (snapshots, diffed against now) and who can use it.
import { Link } from 'wouter';
import { api, ApiError } from '../../lib/api';
import { hasRole, Plugin, ResolvedPlugin, shortId } from '../../lib/library';
import { orgBase, useCurrentOrg, useOrgFallback } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { useLoad } from '../../lib/useLoad';
import { Loading, PageHead, ReadOnlyNote, StatusTag, TabLinks, When } from '../../ui/bits';
import { ErrorNotice } from '../../ui/Problem';
import { GrantsPanel } from '../access/GrantsPanel';
import { PluginMembers } from './PluginMembers';
import { PluginReleases } from './PluginReleases';

export default function PluginPage({ id, tab }: { id: string; tab?: string }) {
  const org = useCurrentOrg();
  const path = `/plugins/${id}`;
  const plugin = useLoad<Plugin>(`${orgBase(org.id)}${path}`);
  const notFound = plugin.error instanceof ApiError && plugin.error.status === 404;
  const looking = useOrgFallback(notFound, path);
  const { error, run } = useAction();

  if (plugin.error && !looking) {
    return (
      <section className="panel">
        <PageHead title="Plugin" crumbs={<Link href="/plugins">Plugins</Link>} />
        <ErrorNotice error={plugin.error} what="open this plugin" />
      </section>
    );
  }
  const p = plugin.data;
  if (!p) return <Loading what="the plugin" />;
  const href = `/plugins/${id}`;
  const canManage = hasRole(p.your_role, 'manager');
  const act = (action: 'archive' | 'restore') => run(() => api.post(`${orgBase(org.id)}/plugins/${id}/${action}`), plugin.reload);
  return (
    <section className="panel" aria-labelledby="plugin-heading">
      <PageHead
        title={<span id="plugin-heading">{p.name}</span>}
        crumbs={<Link href="/plugins">Plugins</Link>}
        actions={
          canManage && (
            <>
              {p.status !== 'archived' && (
                <button type="button" onClick={() => void act('archive')}>
                  Archive
                </button>
              )}
              {p.status === 'archived' && (
                <button type="button" onClick={() => void act('restore')}>
                  Restore
                </button>
              )}
            </>
          )
        }
      >
        <p>
          <StatusTag status={p.status} /> <span className="muted">your role: {p.your_role ?? 'none'}</span>
        </p>
        {p.description && <p>{p.description}</p>}
      </PageHead>
      <ErrorNotice error={error} what="change the plugin" />
      {!hasRole(p.your_role, 'editor') && <ReadOnlyNote>You can see this plugin; changing it needs the editor role on it.</ReadOnlyNote>}
      <TabLinks
        label="Plugin sections"
        tabs={[
          { href, label: `Objects (${p.member_count})` },
          { href: `${href}/resolved`, label: 'Ships now' },
          { href: `${href}/releases`, label: 'Releases' },
          { href: `${href}/access`, label: 'Who can use it' },
        ]}
      />
      {!tab && <PluginMembers orgId={org.id} plugin={p} onChanged={plugin.reload} />}
      {tab === 'resolved' && <Resolved orgId={org.id} plugin={p} />}
      {tab === 'releases' && <PluginReleases orgId={org.id} plugin={p} />}
      {tab === 'access' && (
        <GrantsPanel orgId={org.id} kind="plugins" id={p.id} canManage={canManage} createdBy={p.created_by_org_membership_id} />
      )}
      {tab && !['resolved', 'releases', 'access'].includes(tab) && <p>No such section.</p>}
    </section>
  );
}

function Resolved({ orgId, plugin }: { orgId: string; plugin: Plugin }) {
  const resolved = useLoad<ResolvedPlugin>(`${orgBase(orgId)}/plugins/${plugin.id}/resolved`);
  if (resolved.error) return <ErrorNotice error={resolved.error} what="resolve the plugin" />;
  if (!resolved.data) return <Loading what="what the plugin ships" />;
  const items = resolved.data.items;
  return (
    <div data-testid="resolved-view">
      <p>
        What someone installing <strong>{plugin.name}</strong> gets now: the latest version of each active member ({items.length}{' '}
        object{items.length === 1 ? '' : 's'}).
      </p>
      {items.length > 0 && (
        <table>
          <caption className="visually-hidden">Resolved plugin</caption>
          <thead>
            <tr>
              <th scope="col">Object</th>
              <th scope="col">Type</th>
              <th scope="col">Version</th>
              <th scope="col">Content</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.config_object_id}>
                <td>
                  <Link href={`/library/objects/${i.config_object_id}`}>{i.title || shortId(i.config_object_id)}</Link>
                </td>
                <td>{i.object_type}</td>
                <td>
                  <Link href={`/library/objects/${i.config_object_id}/history`}>
                    <code>{shortId(i.version_id)}</code>
                  </Link>{' '}
                  <When at={i.version_created_at} />
                </td>
                <td>
                  <details>
                    <summary>show</summary>
                    <pre className="content">{i.content}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
